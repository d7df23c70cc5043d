package org.tandem.core.missions;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MissionRepository extends JpaRepository<Mission, Long> {
  Optional<Mission> findByIdAndTenantId(long id, long tenantId);
}
