package org.tandem.bot.approvals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.HourEntry;
import org.tandem.core.hours.Hours;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.Missions;
import org.tandem.core.notifications.Notification;
import org.tandem.core.people.Employee;

/**
 * The employee is told their commitment or hours were approved (a decline or a rejection, with its
 * reason, is the scheduling package's DecisionNotices).
 */
@Component
class ApprovalOutcomeNotices implements Notice {

  private final Commitments commitments;
  private final Hours hours;
  private final Missions missions;

  ApprovalOutcomeNotices(Commitments commitments, Hours hours, Missions missions) {
    this.commitments = commitments;
    this.hours = hours;
    this.missions = missions;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(Notification.COMMITMENT_APPROVED, Notification.HOURS_APPROVED);
  }

  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    var id = Ids.parse(n.payload());
    if (id.isEmpty()) {
      return Optional.empty();
    }
    if (Notification.HOURS_APPROVED.equals(n.kind())) {
      Optional<HourEntry> entry = hours.find(n.tenant(), id.getAsLong());
      if (entry.isEmpty()) {
        return Optional.empty();
      }
      HourEntry e = entry.get();
      String title = title(n, e.commitmentId());
      return Optional.of(
          card(
              texts.t(
                  "notice.hours.approved",
                  texts.hours(e.minutes()),
                  texts.longDate(e.date()),
                  title),
              Button.of(texts.t("button.year"), "year.show", Map.of())));
    }
    Optional<Commitment> c = commitments.find(n.tenant(), id.getAsLong());
    if (c.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        card(
            texts.t("notice.commitment.approved", title(n, c.get().id())),
            Button.of(texts.t("button.mine"), "commitments.mine", Map.of())));
  }

  private String title(Notification n, long commitmentId) {
    return commitments
        .find(n.tenant(), commitmentId)
        .flatMap(c -> missions.find(n.tenant(), c.missionId()))
        .map(Mission::title)
        .orElse("");
  }

  private static Reply card(String title, Button next) {
    return Reply.of(new Reply.Card(title, null, List.of(), null, List.of(next), null));
  }
}
