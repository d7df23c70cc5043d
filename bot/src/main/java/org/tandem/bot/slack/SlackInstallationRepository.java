package org.tandem.bot.slack;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlackInstallationRepository extends JpaRepository<SlackInstallation, Long> {
  Optional<SlackInstallation> findByTeamId(String teamId);

  long deleteByTeamId(String teamId);
}
