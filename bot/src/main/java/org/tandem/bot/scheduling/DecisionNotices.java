package org.tandem.bot.scheduling;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.HourEntry;
import org.tandem.core.hours.Hours;
import org.tandem.core.missions.Missions;
import org.tandem.core.notifications.Notification;
import org.tandem.core.people.Employee;

/**
 * What a person is told when their hours are rejected or their commitment declined: which ones, and
 * the approver's reason, as the approver wrote it.
 */
@Component
class DecisionNotices implements Notice {

  private final Hours hours;
  private final Commitments commitments;
  private final Missions missions;

  DecisionNotices(Hours hours, Commitments commitments, Missions missions) {
    this.hours = hours;
    this.commitments = commitments;
    this.missions = missions;
  }

  @Override
  public java.util.Set<String> kinds() {
    return java.util.Set.of(Notification.HOURS_REJECTED, Notification.COMMITMENT_DECLINED);
  }

  /** The message for a decision notification, or empty when what it was about is gone. */
  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    var id = Ids.parse(n.payload());
    if (id.isEmpty()) {
      return Optional.empty();
    }
    if (Notification.HOURS_REJECTED.equals(n.kind())) {
      Optional<HourEntry> entry = hours.find(n.tenant(), id.getAsLong());
      if (entry.isEmpty()) {
        return Optional.empty();
      }
      HourEntry e = entry.get();
      String title =
          commitments
              .find(n.tenant(), e.commitmentId())
              .flatMap(c -> missions.find(n.tenant(), c.missionId()))
              .map(m -> m.title())
              .orElse("");
      return Optional.of(
          card(
              texts.t(
                  "notice.hours.rejected",
                  texts.hours(e.minutes()),
                  texts.longDate(e.date()),
                  title),
              hours.decisionNote(n.tenant(), e.id()).orElse(""),
              Button.primary(texts.t("button.log"), "hours.open", Map.of()),
              texts));
    }
    Optional<Commitment> c = commitments.find(n.tenant(), id.getAsLong());
    if (c.isEmpty()) {
      return Optional.empty();
    }
    String title = missions.find(n.tenant(), c.get().missionId()).map(m -> m.title()).orElse("");
    return Optional.of(
        card(
            texts.t("notice.commitment.declined", title),
            commitments.decisionNote(n.tenant(), c.get().id()).orElse(""),
            Button.primary(texts.t("button.find"), "missions.find", Map.of()),
            texts));
  }

  private static Reply card(String title, String reason, Button next, Texts texts) {
    return Reply.of(
        new Reply.Card(
            title,
            null,
            List.of(new Fact(texts.t("approvals.reason"), reason)),
            null,
            List.of(next),
            null));
  }
}
