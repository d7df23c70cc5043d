package org.tandem.bot.conversation.missions;

import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.associations.Associations;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionStatus;
import org.tandem.core.missions.Missions;
import org.tandem.core.reports.Rosters;

/**
 * A mission's details: its number, where, when, hours, skills, causes and SDGs, seats, contact; a
 * Roster button for those the core lets see who signed up.
 */
@Component
class MissionDetailsIntent implements Handler {

  private final Missions missions;
  private final Associations associations;
  private final Commitments commitments;
  private final MissionCards cards;
  private final Rosters rosters;

  MissionDetailsIntent(
      Missions missions,
      Associations associations,
      Commitments commitments,
      MissionCards cards,
      Rosters rosters) {
    this.rosters = rosters;
    this.missions = missions;
    this.associations = associations;
    this.commitments = commitments;
    this.cards = cards;
  }

  @Override
  public Set<String> actions() {
    return Set.of("mission.details");
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    var who = action.who();
    OptionalLong id = Ids.parse(action.get("missionId"));
    var mission =
        id.isPresent()
            ? missions.find(who.tenant(), id.getAsLong())
            : java.util.Optional.<Mission>empty();
    if (mission.isEmpty() || mission.get().status() == MissionStatus.DRAFT) {
      return Refusals.notFound(texts);
    }
    Mission m = mission.get();
    var association = associations.find(who.tenant(), m.associationId()).orElseThrow();
    boolean canCommit =
        (m.status() == MissionStatus.OPEN || m.status() == MissionStatus.FULL)
            && commitments.live(who.tenant(), m.id(), who.employeeId()).isEmpty();
    return Reply.of(
        cards.details(
            m,
            association,
            missions.sessions(who.tenant(), m.id()),
            who.zone(),
            texts,
            canCommit,
            rosters.maySee(who.tenant(), who.employeeId(), m.id())));
  }
}
