package org.tandem.bot.conversation.proposals;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.HoursParser;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.FieldType;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Decimals;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.Refusal;
import org.tandem.core.hours.HourEntry;
import org.tandem.core.hours.HourStatus;
import org.tandem.core.missions.Missions;
import org.tandem.core.proposals.HoursProposal;
import org.tandem.core.proposals.ProposalAnswers;

/**
 * The buttons of a proposal: Confirm logs its hours, Correct opens a small form (the hours, a note)
 * prefilled with them, I did not go records a no-show. Core decides who may answer and when, so a
 * crafted button meets the same refusal, said in the person's language.
 */
@Component
class ProposalIntent implements Handler {

  static final String CONFIRM = "proposal.confirm";
  static final String CORRECT = "proposal.correct";
  static final String ABSENT = "proposal.absent";
  static final String FORM = "proposal";
  static final String ID = "proposal";

  private final ProposalAnswers answers;
  private final Missions missions;
  private final Clock clock;

  ProposalIntent(ProposalAnswers answers, Missions missions, Clock clock) {
    this.answers = answers;
    this.missions = missions;
    this.clock = clock;
  }

  @Override
  public Set<String> actions() {
    return Set.of(CONFIRM, CORRECT, ABSENT);
  }

  @Override
  public Set<String> formActions() {
    return Set.of(CORRECT);
  }

  @Override
  public Set<String> forms() {
    return Set.of(FORM);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    OptionalLong id = Ids.parse(action.get(ID));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    long proposal = id.getAsLong();
    return switch (action.id()) {
      case CONFIRM ->
          logged(
              who,
              answers.confirm(who.tenant(), who.employeeId(), proposal, clock.instant()),
              texts);
      case ABSENT -> {
        var o = answers.didNotGo(who.tenant(), who.employeeId(), proposal, clock.instant());
        yield o.isDone()
            ? Reply.notice(
                Reply.Notice.Level.SUCCESS,
                texts.t("proposal.noshow", texts.longDate(o.value().proposal().date())))
            : Refusals.reply(o.refusal(), texts);
      }
      default -> {
        Outcome<HoursProposal> p = answers.correctable(who.tenant(), who.employeeId(), proposal);
        yield p.isDone()
            ? form(who, p.value(), texts.hours(p.value().minutes()), "", null, texts)
            : Refusals.reply(p.refusal(), texts);
      }
    };
  }

  @Override
  public Reply submit(Inbound.Submit submit, Texts texts) {
    Who who = submit.who();
    OptionalLong id = Ids.parse(submit.context().get(ID));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    Outcome<HoursProposal> open =
        answers.correctable(who.tenant(), who.employeeId(), id.getAsLong());
    if (!open.isDone()) {
      return Refusals.reply(open.refusal(), texts);
    }
    String typed = submit.value("hours");
    String note = submit.value("note");
    OptionalInt minutes = HoursParser.minutes(typed);
    if (minutes.isEmpty()) {
      String error =
          typed.isBlank()
              ? texts.t("hours.error.amount")
              : texts.t("hours.error.unreadable", Decimals.quoted(typed));
      return form(who, open.value(), typed, note, error, texts);
    }
    Outcome<ProposalAnswers.Answer> o =
        answers.correct(
            who.tenant(),
            who.employeeId(),
            id.getAsLong(),
            minutes.getAsInt(),
            note,
            clock.instant());
    if (!o.isDone() && hoursField(o.refusal())) {
      return form(who, open.value(), typed, note, o.refusal().message(texts.locale()), texts);
    }
    return logged(who, o, texts);
  }

  /** Refusals about the amount or the note, shown on the form rather than instead of it. */
  private static boolean hoursField(Refusal r) {
    return switch (r.code()) {
      case HOURS_NOT_POSITIVE,
          HOURS_NOT_QUARTER,
          HOURS_OVER_DAY,
          HOURS_OVER_ALLOWANCE,
          HOURS_ALREADY_LOGGED,
          NOTE_TOO_LONG ->
          true;
      default -> false;
    };
  }

  private Reply logged(Who who, Outcome<ProposalAnswers.Answer> o, Texts texts) {
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    HourEntry e = o.value().entry();
    String title = title(who, o.value().proposal());
    String status =
        texts.t(
            e.status() == HourStatus.PENDING ? "hours.logged.pending" : "hours.logged.approved");
    return Reply.of(
        new Reply.Card(
            texts.t("hours.logged", e.minutes() / 60.0, texts.longDate(e.date()), title),
            null,
            List.of(),
            status + (e.overAllowance() ? "\n" + texts.t("hours.logged.over") : ""),
            List.of(Button.primary(texts.t("button.year"), "year.show", Map.of())),
            null));
  }

  private String title(Who who, HoursProposal p) {
    return missions.find(who.tenant(), p.missionId()).map(m -> m.title()).orElse("");
  }

  private Reply form(
      Who who, HoursProposal p, String hours, String note, String error, Texts texts) {
    List<Field> fields =
        List.of(
            new Field(
                "hours",
                texts.t("hours.amount"),
                FieldType.TEXT,
                true,
                List.of(),
                List.of(hours),
                texts.t("hours.amount.placeholder"),
                error),
            new Field(
                "note",
                texts.t("hours.note"),
                FieldType.LONG_TEXT,
                false,
                List.of(),
                note.isEmpty() ? List.of() : List.of(note),
                null,
                null));
    return Reply.of(
        new Reply.Form(
            FORM,
            texts.t("proposal.form.title"),
            texts.t("proposal.form.intro", texts.longDate(p.date()), title(who, p)),
            fields,
            texts.t("proposal.form.submit"),
            Map.of(ID, Long.toString(p.id()))));
  }
}
