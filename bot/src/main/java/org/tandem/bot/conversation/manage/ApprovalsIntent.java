package org.tandem.bot.conversation.manage;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.PendingHours;
import org.tandem.core.missions.Missions;
import org.tandem.core.people.Authority;
import org.tandem.core.people.People;

/**
 * What waits for this person's decision: hours to approve or reject (CSR managers, line managers),
 * commitments awaiting a line manager. Who may decide is the core's rule. Rejecting hours or
 * declining a commitment asks for a reason first (a short form); the core stores it and sends it to
 * the person.
 */
@Component
class ApprovalsIntent implements Handler {

  static final int MAX = 15;

  static final String REASON_FORM = "approvals.reason";

  private final Hours hours;
  private final Commitments commitments;
  private final Missions missions;
  private final People people;

  ApprovalsIntent(Hours hours, Commitments commitments, Missions missions, People people) {
    this.hours = hours;
    this.commitments = commitments;
    this.missions = missions;
    this.people = people;
  }

  @Override
  public Set<String> commands() {
    return Set.of("approvals", "approve", "validations", "genehmigungen");
  }

  @Override
  public Set<String> actions() {
    return Set.of(
        "approvals.list",
        "hours.approve",
        "hours.reject",
        "commitment.approve",
        "commitment.decline");
  }

  @Override
  public Set<String> formActions() {
    return Set.of("hours.reject", "commitment.decline");
  }

  @Override
  public Set<String> forms() {
    return Set.of(REASON_FORM);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    return list(command.who(), texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    if (action.id().equals("approvals.list")) {
      return list(who, texts);
    }
    boolean hoursAction = action.id().startsWith("hours.");
    OptionalLong id = Ids.parse(action.get(hoursAction ? "entryId" : "commitmentId"));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    if (!action.id().endsWith("approve")) {
      // Decided by someone else already, or not theirs to decide: said before a reason is asked.
      Outcome<?> may =
          hoursAction
              ? hours.mayDecide(who.tenant(), who.employeeId(), id.getAsLong())
              : commitments.mayDecide(who.tenant(), who.employeeId(), id.getAsLong());
      if (!may.isDone()) {
        return Refusals.reply(may.refusal(), texts);
      }
      return reasonForm(hoursAction, id.getAsLong(), "", null, texts);
    }
    Outcome<?> o =
        hoursAction
            ? hours.approve(who.tenant(), who.employeeId(), id.getAsLong())
            : commitments.approve(who.tenant(), who.employeeId(), id.getAsLong());
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    return done(texts.t("approvals.approved"), texts);
  }

  @Override
  public Reply submit(Inbound.Submit submit, Texts texts) {
    Who who = submit.who();
    boolean hoursForm = "hours".equals(submit.context().get("kind"));
    OptionalLong id = Ids.parse(submit.context().get("id"));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    String reason = submit.value("reason");
    Outcome<?> o =
        hoursForm
            ? hours.reject(who.tenant(), who.employeeId(), id.getAsLong(), reason)
            : commitments.decline(who.tenant(), who.employeeId(), id.getAsLong(), reason);
    if (!o.isDone()) {
      ReasonCode code = o.refusal().code();
      if (code == ReasonCode.REASON_REQUIRED || code == ReasonCode.NOTE_TOO_LONG) {
        return reasonForm(
            hoursForm, id.getAsLong(), reason, o.refusal().message(texts.locale()), texts);
      }
      return Refusals.reply(o.refusal(), texts);
    }
    return done(texts.t("approvals.reason.sent"), texts);
  }

  private static Reply done(String text, Texts texts) {
    return Reply.of(
        new Reply.Notice(Reply.Notice.Level.SUCCESS, text),
        new Reply.More(texts.t("approvals.next"), "approvals.list", Map.of()));
  }

  /** Asks why; who may decide is checked by the core when the reason is submitted. */
  private static Reply reasonForm(
      boolean hoursForm, long id, String reason, String error, Texts texts) {
    return Reply.of(
        new Reply.Form(
            REASON_FORM,
            texts.t(hoursForm ? "approvals.reason.title" : "approvals.reason.title.commitment"),
            error == null ? texts.t("approvals.reason.intro") : texts.t("form.fix"),
            List.of(
                new Reply.Field(
                    "reason",
                    texts.t("approvals.reason"),
                    Reply.FieldType.LONG_TEXT,
                    true,
                    List.of(),
                    reason.isEmpty() ? List.of() : List.of(reason),
                    texts.t("approvals.reason.placeholder"),
                    error)),
            texts.t(hoursForm ? "button.reject" : "button.decline"),
            Map.of("kind", hoursForm ? "hours" : "commitment", "id", Long.toString(id))));
  }

  private Reply list(Who who, Texts texts) {
    List<PendingHours> pendingHours = hours.pending(who.tenant(), who.employeeId(), MAX);
    List<Commitment> pendingCommitments =
        commitments.awaitingApproval(who.tenant(), who.employeeId());
    if (pendingHours.isEmpty() && pendingCommitments.isEmpty()) {
      // Nothing waits: someone who decides for no one is told so, as the core would refuse them.
      if (!Authority.may(who.employeeId(), who.roles(), Authority.Action.DECIDE_HOURS)) {
        return Refusals.reply(new Refusal(ReasonCode.CSR_MANAGERS_ONLY, new Object[0]), texts);
      }
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("approvals.none"));
    }
    Reply reply =
        Reply.notice(
            Reply.Notice.Level.INFO,
            texts.t("approvals.intro", pendingHours.size() + pendingCommitments.size()));
    for (PendingHours h : pendingHours) {
      Map<String, String> data = Map.of("entryId", Long.toString(h.id()));
      List<Fact> facts =
          new java.util.ArrayList<>(
              List.of(
                  new Fact(texts.t("approvals.who"), h.employeeName()),
                  new Fact(texts.t("approvals.when"), texts.date(h.date())),
                  new Fact(texts.t("approvals.hours"), texts.hours(h.minutes()))));
      if (h.overAllowance()) {
        facts.add(new Fact(texts.t("approvals.flag"), texts.t("approvals.over")));
      }
      reply =
          reply.then(
              new Reply.Card(
                  h.missionTitle(),
                  texts.t("approvals.hours.subtitle"),
                  facts,
                  h.note().isBlank() ? null : "“" + h.note() + "”",
                  List.of(
                      Button.primary(texts.t("button.approve"), "hours.approve", data),
                      new Button(
                          texts.t("button.reject"), "hours.reject", data, Button.Style.DANGER)),
                  null));
    }
    for (Commitment c : pendingCommitments) {
      Map<String, String> data = Map.of("commitmentId", Long.toString(c.id()));
      String name = people.find(who.tenant(), c.employeeId()).map(e -> e.displayName()).orElse("");
      String title = missions.find(who.tenant(), c.missionId()).map(m -> m.title()).orElse("");
      reply =
          reply.then(
              new Reply.Card(
                  title,
                  texts.t("approvals.commitment.subtitle"),
                  List.of(new Fact(texts.t("approvals.who"), name)),
                  null,
                  List.of(
                      Button.primary(texts.t("button.approve"), "commitment.approve", data),
                      new Button(
                          texts.t("button.decline"),
                          "commitment.decline",
                          data,
                          Button.Style.DANGER)),
                  null));
    }
    return reply;
  }
}
