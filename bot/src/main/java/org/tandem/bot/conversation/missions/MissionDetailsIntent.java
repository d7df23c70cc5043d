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
import org.tandem.core.campaigns.CampaignResponses;
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
  private final CampaignResponses campaigns;

  MissionDetailsIntent(
      Missions missions,
      Associations associations,
      Commitments commitments,
      MissionCards cards,
      Rosters rosters,
      CampaignResponses campaigns) {
    this.rosters = rosters;
    this.campaigns = campaigns;
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
    Reply.Card card =
        cards.details(
            m,
            association,
            missions.sessions(who.tenant(), m.id()),
            who.zone(),
            texts,
            canCommit,
            rosters.maySee(who.tenant(), who.employeeId(), m.id()));
    OptionalLong campaign = Ids.parse(action.get(CommitIntent.CAMPAIGN));
    if (campaign.isPresent()) {
      // From a campaign's message: the press counts, and a commit from here is the campaign's.
      campaigns.clicked(who.tenant(), who.employeeId(), campaign.getAsLong());
      card = fromCampaign(card, action.get(CommitIntent.CAMPAIGN));
    }
    return Reply.of(card);
  }

  private static Reply.Card fromCampaign(Reply.Card card, String campaign) {
    return new Reply.Card(
        card.title(),
        card.subtitle(),
        card.facts(),
        card.text(),
        card.buttons().stream()
            .map(
                b -> {
                  if (!b.actionId().equals("mission.commit")) {
                    return b;
                  }
                  var data = new java.util.HashMap<>(b.data());
                  data.put(CommitIntent.CAMPAIGN, campaign);
                  return new Reply.Button(b.label(), b.actionId(), data, b.style(), b.opensForm());
                })
            .toList(),
        card.image());
  }
}
