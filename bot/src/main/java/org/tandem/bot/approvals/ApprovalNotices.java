package org.tandem.bot.approvals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.missions.MissionCards;
import org.tandem.core.approvals.ApprovalRequest;
import org.tandem.core.approvals.ApprovalRequest.Escalation;
import org.tandem.core.approvals.ApprovalRequest.Payload;
import org.tandem.core.approvals.ApprovalRequest.Subject;
import org.tandem.core.approvals.Approvals;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.HourEntry;
import org.tandem.core.hours.Hours;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.Missions;
import org.tandem.core.notifications.Notification;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;

/**
 * The approver's direct message: who asks, for what (the mission and its dates, or the hours and
 * their day), and Approve / Decline buttons that run the approvals list's own actions, so the core
 * decides whoever clicks. Nothing is sent once the request was decided. When no channel reaches the
 * line manager, the CSR managers are asked instead, with the reason.
 */
@Component
class ApprovalNotices implements Notice {

  /**
   * The Microsoft Graph permission a Teams admin grants so Tandem can install itself for people.
   */
  static final String GRAPH_PERMISSION = "TeamsAppInstallation.ReadWriteSelfForUser.All";

  private final Approvals approvals;
  private final Commitments commitments;
  private final Hours hours;
  private final Missions missions;
  private final People people;
  private final List<Notifier> notifiers;

  ApprovalNotices(
      Approvals approvals,
      Commitments commitments,
      Hours hours,
      Missions missions,
      People people,
      List<Notifier> notifiers) {
    this.approvals = approvals;
    this.commitments = commitments;
    this.hours = hours;
    this.missions = missions;
    this.people = people;
    this.notifiers = notifiers;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(
        Notification.APPROVAL_REQUEST,
        Notification.APPROVAL_REMINDER,
        Notification.APPROVAL_ESCALATED);
  }

  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    Optional<Payload> parsed = Payload.parse(n.payload());
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Payload p = parsed.get();
    Optional<ApprovalRequest> request = approvals.find(n.tenant(), p.subject(), p.subjectId());
    if (request.isEmpty() || !approvals.waiting(n.tenant(), p.subject(), p.subjectId())) {
      return Optional.empty(); // decided meanwhile: nothing left to ask
    }
    ApprovalRequest r = request.get();
    String who = name(n, r.employeeId());
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(texts.t("approvals.who"), who));
    String what = lead(n.kind());
    String title;
    List<Button> buttons;
    if (p.subject() == Subject.COMMITMENT) {
      Optional<Commitment> c = commitments.find(n.tenant(), p.subjectId());
      Optional<Mission> m = c.flatMap(x -> missions.find(n.tenant(), x.missionId()));
      if (m.isEmpty()) {
        return Optional.empty();
      }
      title =
          kindIsReminder(n)
              ? texts.t(what + ".commitment", who, asked(r, to, texts), m.get().title())
              : texts.t(what + ".commitment", who, m.get().title());
      facts.add(new Fact(texts.t("approval.mission"), m.get().title()));
      facts.add(
          new Fact(
              texts.t("approval.dates"),
              MissionCards.when(
                  m.get(), missions.sessions(n.tenant(), m.get().id()), to.timeZone(), texts)));
      Map<String, String> data = Map.of("commitmentId", Long.toString(p.subjectId()));
      buttons =
          List.of(
              Button.primary(texts.t("button.approve"), "commitment.approve", data),
              new Button(texts.t("button.decline"), "commitment.decline", data, Button.Style.DANGER)
                  .openingForm());
    } else {
      Optional<HourEntry> entry = hours.find(n.tenant(), p.subjectId());
      if (entry.isEmpty()) {
        return Optional.empty();
      }
      HourEntry e = entry.get();
      String mission =
          commitments
              .find(n.tenant(), e.commitmentId())
              .flatMap(c -> missions.find(n.tenant(), c.missionId()))
              .map(Mission::title)
              .orElse("");
      String amount = texts.hours(e.minutes());
      title =
          kindIsReminder(n)
              ? texts.t(what + ".hours", who, asked(r, to, texts), amount, mission)
              : texts.t(what + ".hours", who, amount, mission);
      facts.add(new Fact(texts.t("approval.mission"), mission));
      facts.add(new Fact(texts.t("approval.date"), texts.longDate(e.date())));
      facts.add(new Fact(texts.t("approvals.hours"), amount));
      if (e.overAllowance()) {
        facts.add(new Fact(texts.t("approvals.flag"), texts.t("approvals.over")));
      }
      if (!e.note().isBlank()) {
        facts.add(new Fact(texts.t("approval.note"), e.note()));
      }
      Map<String, String> data = Map.of("entryId", Long.toString(p.subjectId()));
      buttons =
          List.of(
              Button.primary(texts.t("button.approve"), "hours.approve", data),
              new Button(texts.t("button.reject"), "hours.reject", data, Button.Style.DANGER)
                  .openingForm());
    }
    String text = texts.t("approval.hint", who);
    if (p.why().isPresent()) {
      String manager = r.approverId() == null ? "" : name(n, r.approverId());
      Escalation why = p.why().get();
      text =
          texts.t(
                  "approval.why." + why.name().toLowerCase(java.util.Locale.ROOT),
                  why == Escalation.NO_MANAGER ? who : manager,
                  GRAPH_PERMISSION)
              + " "
              + text;
    }
    return Optional.of(Reply.of(new Reply.Card(title, null, facts, text, buttons, null)));
  }

  /**
   * No channel reaches the approver of a request or reminder: the CSR managers are asked instead,
   * with the reason the channels give (Teams: not granted, no Azure AD id) or none known.
   */
  @Override
  public void unreachable(Notification n) {
    if (Notification.APPROVAL_ESCALATED.equals(n.kind())) {
      return; // the CSR managers were the last resort
    }
    Optional<Payload> p = Payload.parse(n.payload());
    if (p.isEmpty()) {
      return;
    }
    Escalation why =
        notifiers.stream()
            .map(x -> x.unreachableBecause(n.tenant(), n.employeeId()))
            .flatMap(Optional::stream)
            .map(ApprovalNotices::escalation)
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(Escalation.UNREACHABLE);
    approvals.unreachable(n.tenant(), n.employeeId(), p.get(), why);
  }

  private static Optional<Escalation> escalation(String reason) {
    try {
      return Optional.of(Escalation.valueOf(reason));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String lead(String kind) {
    return switch (kind) {
      case Notification.APPROVAL_REMINDER -> "approval.reminder";
      case Notification.APPROVAL_ESCALATED -> "approval.escalated";
      default -> "approval.request";
    };
  }

  private static boolean kindIsReminder(Notification n) {
    return Notification.APPROVAL_REMINDER.equals(n.kind());
  }

  private static String asked(ApprovalRequest r, Employee to, Texts texts) {
    return texts.longDate(LocalDate.ofInstant(r.askedAt(), to.timeZone()));
  }

  private String name(Notification n, long employeeId) {
    return people.find(n.tenant(), employeeId).map(Employee::displayName).orElse("");
  }
}
