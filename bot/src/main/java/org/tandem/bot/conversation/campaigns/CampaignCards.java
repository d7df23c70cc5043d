package org.tandem.bot.conversation.campaigns;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.associations.Associations;
import org.tandem.core.campaigns.Audience;
import org.tandem.core.campaigns.Campaign;
import org.tandem.core.campaigns.CampaignFigures;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.MissionStatus;
import org.tandem.core.missions.Missions;

/**
 * A campaign's cards: the message people get (its text as the CSR manager typed it, then each of
 * its missions still open with Commit and Details buttons carrying the campaign's id), and the card
 * a CSR manager follows it with.
 */
@Component
class CampaignCards {

  /** The id a campaign's buttons carry, so a press counts for it. */
  static final String CAMPAIGN = "campaign";

  private final Missions missions;
  private final Associations associations;

  CampaignCards(Missions missions, Associations associations) {
    this.missions = missions;
    this.associations = associations;
  }

  /** The message of the campaign, as sent to one person or posted in a channel. */
  Reply message(Campaign c, Texts texts) {
    List<Reply.Part> parts = new ArrayList<>();
    parts.add(new Reply.Card(c.name(), null, List.of(), c.message(), List.of(), null));
    for (long id : c.missionIds()) {
      missions
          .find(c.tenant(), id)
          .filter(m -> m.status() == MissionStatus.OPEN || m.status() == MissionStatus.FULL)
          .ifPresent(m -> parts.add(mission(c, m, texts)));
    }
    return new Reply(parts);
  }

  private Reply.Card mission(Campaign c, Mission m, Texts texts) {
    Map<String, String> data =
        Map.of("missionId", Long.toString(m.id()), CAMPAIGN, Long.toString(c.id()));
    String association =
        associations.find(c.tenant(), m.associationId()).map(a -> a.name()).orElse(null);
    return new Reply.Card(
        m.title(),
        association,
        List.of(
            new Fact(texts.t("mission.where"), where(m, texts)),
            new Fact(texts.t("mission.seats"), texts.t("mission.seats.left", m.seatsLeft()))),
        null,
        List.of(
            Button.primary(texts.t("button.commit"), "mission.commit", data),
            Button.of(texts.t("button.details"), "mission.details", data)),
        null);
  }

  private static String where(Mission m, Texts texts) {
    String place = m.place() == null ? null : m.place().name();
    return m.mode() == MissionMode.REMOTE
        ? texts.t("mode.remote")
        : m.mode() == MissionMode.HYBRID
            ? texts.t("mode.hybrid", place == null ? "" : place)
            : place == null ? texts.t("mode.onsite") : place;
  }

  /** Where the campaign stands and what it brought, with what may still be done with it. */
  Reply.Card figures(
      Campaign c, CampaignFigures f, ZoneId zone, java.time.YearMonth now, Texts texts) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(texts.t("campaign.status"), status(c, zone, texts)));
    facts.add(new Fact(texts.t("campaign.audience"), audience(c, texts)));
    facts.add(
        new Fact(
            texts.t("campaign.missions"),
            String.join(
                ", ",
                c.missionIds().stream()
                    .map(id -> missions.find(c.tenant(), id).map(Mission::title).orElse("?"))
                    .toList())));
    if (c.audience() == Audience.CHANNEL) {
      if (c.channelResult() != null) {
        facts.add(
            new Fact(
                texts.t("campaign.channel"),
                texts.t(
                    Campaign.POSTED.equals(c.channelResult())
                        ? "campaign.channel.posted"
                        : "campaign.channel.unposted")));
      }
    } else {
      facts.add(new Fact(texts.t("campaign.reached"), texts.t("campaign.people", f.reached())));
    }
    facts.add(new Fact(texts.t("campaign.clicked"), texts.t("campaign.people", f.clicked())));
    facts.add(
        new Fact(texts.t("campaign.committed"), texts.t("campaign.commitments", f.committed())));
    facts.add(
        new Fact(
            texts.t("campaign.hours"),
            texts.t(
                "campaign.hours.value",
                texts.hours((int) f.approvedMinutes()),
                texts.hours((int) f.pendingMinutes()))));
    return new Reply.Card(c.name(), null, facts, null, buttons(c, now, texts), null);
  }

  /** One line of the list: its name, where it stands, a button to its figures. */
  Reply.Card summary(Campaign c, ZoneId zone, Texts texts) {
    return new Reply.Card(
        c.name(),
        status(c, zone, texts),
        List.of(),
        null,
        List.of(Button.of(texts.t("button.campaign.show"), "campaign.show", id(c))),
        null);
  }

  private static List<Button> buttons(Campaign c, java.time.YearMonth now, Texts texts) {
    List<Button> buttons = new ArrayList<>();
    if (c.status() == Campaign.Status.SCHEDULED) {
      buttons.add(Button.of(texts.t("button.campaign.edit"), "campaign.edit", id(c)));
      buttons.add(
          new Button(
              texts.t("button.campaign.cancel"), "campaign.cancel", id(c), Button.Style.DANGER));
    } else if (c.status() != Campaign.Status.CANCELLED && c.sentAt() != null) {
      // From the month it went out to now: the commitments it brought and their hours.
      java.time.YearMonth from = java.time.YearMonth.from(c.sentAt().atZone(ZoneId.of("UTC")));
      java.time.YearMonth to = from.isAfter(now) ? from : now;
      buttons.add(
          Button.of(
              texts.t("button.campaign.report"),
              "report.show",
              Map.of("from", from.toString(), "to", to.toString(), "dimension", "CAMPAIGN")));
    }
    return buttons;
  }

  static Map<String, String> id(Campaign c) {
    return Map.of(CAMPAIGN, Long.toString(c.id()));
  }

  static String status(Campaign c, ZoneId zone, Texts texts) {
    return switch (c.status()) {
      case SCHEDULED ->
          c.sendOn() == null
              ? texts.t("campaign.status.now")
              : texts.t("campaign.status.scheduled", texts.longDate(c.sendOn()));
      case SENDING ->
          texts.t("campaign.status.sending", texts.longDate(c.sentAt().atZone(zone).toLocalDate()));
      case SENT ->
          texts.t("campaign.status.sent", texts.longDate(c.sentAt().atZone(zone).toLocalDate()));
      case CANCELLED -> texts.t("campaign.status.cancelled");
    };
  }

  static String audience(Campaign c, Texts texts) {
    return switch (c.audience()) {
      case EVERYONE -> texts.t("campaign.audience.everyone");
      case DIGEST -> texts.t("campaign.audience.digest");
      case SITE -> texts.t("campaign.audience.site", c.audienceValue());
      case DEPARTMENT -> texts.t("campaign.audience.department", c.audienceValue());
      case CHANNEL -> texts.t("campaign.audience.in-channel", c.audienceValue());
    };
  }
}
