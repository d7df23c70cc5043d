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
 * commitments awaiting a line manager. Who may decide is the core's rule.
 */
@Component
class ApprovalsIntent implements Handler {

  static final int MAX = 15;

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
    Outcome<?> o =
        switch (action.id()) {
          case "hours.approve" -> hours.approve(who.tenant(), who.employeeId(), id.getAsLong());
          case "hours.reject" -> hours.reject(who.tenant(), who.employeeId(), id.getAsLong());
          case "commitment.approve" ->
              commitments.approve(who.tenant(), who.employeeId(), id.getAsLong());
          default -> commitments.decline(who.tenant(), who.employeeId(), id.getAsLong());
        };
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    String key = action.id().endsWith("approve") ? "approvals.approved" : "approvals.rejected";
    return Reply.of(
        new Reply.Notice(Reply.Notice.Level.SUCCESS, texts.t(key)),
        new Reply.More(texts.t("approvals.next"), "approvals.list", Map.of()));
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
