package org.tandem.bot.conversation.hours;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.DateParser;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.HoursParser;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.FieldType;
import org.tandem.bot.conversation.Reply.Option;
import org.tandem.bot.conversation.Reply.OptionGroup;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.CommitmentView;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.Decimals;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.hours.HourEntry;
import org.tandem.core.hours.HourStatus;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.text.SearchText;

/**
 * Logging hours. The form (commitment, date, hours, on work time, note) comes back with the message
 * on the wrong field and every value kept; a sentence ("log 2.5h yesterday for the Caritas
 * workshop", "j'ai fait 3 h hier") logs at once when it names one commitment, and opens the form
 * filled in when it does not. The same hours twice (same commitment, day and amount) are not logged
 * without a word: the form comes back saying so, with a "Log again" button that logs them.
 */
@Component
class LogHoursDialog implements Handler {

  static final String FORM = "hours";
  private final Commitments commitments;
  private final Hours hours;

  LogHoursDialog(Commitments commitments, Hours hours) {
    this.commitments = commitments;
    this.hours = hours;
  }

  @Override
  public Set<String> commands() {
    return Set.of("hours", "heures", "stunden", "log");
  }

  @Override
  public Set<String> actions() {
    return Set.of("hours.open");
  }

  @Override
  public Set<String> formActions() {
    return actions();
  }

  @Override
  public Set<String> forms() {
    return Set.of(FORM);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Map<String, String> values = new HashMap<>();
    if (action.get("commitmentId") != null) {
      values.put("commitment", action.get("commitmentId"));
    }
    return open(action.who(), values, Map.of(), texts);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    String text = command.args();
    if (text.isBlank()) {
      return open(who, Map.of(), Map.of(), texts);
    }
    LocalDate today = LocalDate.now(who.zone());
    Optional<LocalDate> date = DateParser.parse(text, today);
    OptionalInt minutes = HoursParser.find(text);
    List<CommitmentView> active = active(who);
    Optional<CommitmentView> target = pick(active, text);
    Map<String, String> values = new HashMap<>();
    minutes.ifPresent(m -> values.put("hours", texts.hours(m)));
    values.put("date", date.orElse(today).toString());
    target.ifPresent(c -> values.put("commitment", Long.toString(c.id())));
    Optional<String> unreadable = HoursParser.unreadable(text);
    if (unreadable.isPresent()) {
      // "log 1e9h yesterday": said so, never read as 9 hours.
      values.put("hours", unreadable.get());
      return open(
          who, values, Map.of("hours", texts.t("hours.error.unreadable", unreadable.get())), texts);
    }
    if (minutes.isEmpty() || target.isEmpty()) {
      return open(who, values, Map.of(), texts);
    }
    return log(
        who,
        new HoursRequest(target.get().id(), date.orElse(today), minutes.getAsInt(), true, ""),
        false,
        values,
        texts);
  }

  @Override
  public Reply submit(Inbound.Submit submit, Texts texts) {
    Who who = submit.who();
    Map<String, String> values = new HashMap<>();
    for (String f : List.of("commitment", "date", "hours", "note", "workTime")) {
      values.put(f, submit.value(f));
    }
    Map<String, String> errors = new HashMap<>();
    long commitmentId = 0;
    try {
      commitmentId = Long.parseLong(values.get("commitment"));
    } catch (NumberFormatException e) {
      errors.put("commitment", texts.t("hours.error.commitment"));
    }
    Optional<LocalDate> date = DateParser.parse(values.get("date"), LocalDate.now(who.zone()));
    if (date.isEmpty()) {
      errors.put("date", texts.t("hours.error.date"));
    }
    OptionalInt minutes = HoursParser.minutes(values.get("hours"));
    if (minutes.isEmpty()) {
      String typed = values.get("hours");
      errors.put(
          "hours",
          typed.isBlank()
              ? texts.t("hours.error.amount")
              : texts.t("hours.error.unreadable", Decimals.quoted(typed)));
    }
    if (!errors.isEmpty()) {
      return open(who, values, errors, texts);
    }
    HoursRequest request =
        new HoursRequest(
            commitmentId,
            date.get(),
            minutes.getAsInt(),
            !"no".equals(values.get("workTime")),
            values.get("note"));
    // "Log again" confirms exactly the hours it was asked about, not whatever is submitted next.
    boolean confirmed = sameHours(request).equals(submit.context().get(AGAIN));
    return log(who, request, confirmed, values, texts);
  }

  static final String AGAIN = "again";

  /** What makes hours "the same" as others: the commitment, the day and the amount. */
  private static String sameHours(HoursRequest r) {
    return r.commitmentId() + "/" + r.date() + "/" + r.minutes();
  }

  private Reply log(
      Who who, HoursRequest request, boolean confirmed, Map<String, String> values, Texts texts) {
    long commitmentId = request.commitmentId();
    Outcome<HourEntry> o =
        confirmed
            ? hours.logAgain(who.tenant(), who.employeeId(), request)
            : hours.log(who.tenant(), who.employeeId(), request);
    if (!o.isDone() && o.refusal().code() == ReasonCode.HOURS_ALREADY_LOGGED) {
      return form(
          who,
          values,
          Map.of(),
          o.refusal().message(texts.locale()),
          texts.t("hours.again"),
          Map.of(AGAIN, sameHours(request)),
          texts);
    }
    if (!o.isDone()) {
      return open(
          who, values, Map.of(fieldOf(o.refusal()), o.refusal().message(texts.locale())), texts);
    }
    HourEntry e = o.value();
    String title =
        active(who).stream()
            .filter(c -> c.id() == commitmentId)
            .map(CommitmentView::missionTitle)
            .findFirst()
            .orElse("");
    String status =
        e.status() == HourStatus.PENDING
            ? texts.t("hours.logged.pending")
            : texts.t("hours.logged.approved");
    String text = status + (e.overAllowance() ? "\n" + texts.t("hours.logged.over") : "");
    return Reply.of(
        new Reply.Card(
            texts.t("hours.logged", e.minutes() / 60.0, texts.longDate(e.date()), title),
            null,
            List.of(),
            text,
            List.of(
                Button.primary(texts.t("button.year"), "year.show", Map.of()),
                Button.of(
                    texts.t("button.log.more"),
                    "hours.open",
                    Map.of("commitmentId", Long.toString(commitmentId)))),
            null));
  }

  /** Which field a refusal is about, so the form shows it in the right place. */
  static String fieldOf(Refusal r) {
    return switch (r.code()) {
      case HOURS_IN_FUTURE, HOURS_BEFORE_MISSION -> "date";
      case HOURS_NOT_POSITIVE, HOURS_NOT_QUARTER, HOURS_OVER_DAY, HOURS_OVER_ALLOWANCE -> "hours";
      case NOTE_TOO_LONG -> "note";
      default -> "commitment";
    };
  }

  private Reply open(Who who, Map<String, String> values, Map<String, String> errors, Texts texts) {
    return form(
        who,
        values,
        errors,
        errors.isEmpty() ? texts.t("hours.intro") : texts.t("form.fix"),
        texts.t("hours.submit"),
        Map.of(),
        texts);
  }

  private Reply form(
      Who who,
      Map<String, String> values,
      Map<String, String> errors,
      String intro,
      String submitLabel,
      Map<String, String> context,
      Texts texts) {
    List<CommitmentView> active = active(who);
    if (active.isEmpty()) {
      return Reply.of(
          new Reply.Card(
              texts.t("hours.none"),
              null,
              List.of(),
              texts.t("hours.none.hint"),
              List.of(Button.primary(texts.t("button.find"), "missions.find", Map.of())),
              null));
    }
    List<Option> options = new ArrayList<>();
    for (CommitmentView c : active) {
      options.add(
          new Option(
              Long.toString(c.id()), truncate(c.missionTitle() + " — " + c.associationName(), 75)));
    }
    String chosen =
        values.getOrDefault(
            "commitment", active.size() == 1 ? Long.toString(active.get(0).id()) : "");
    List<Field> fields =
        List.of(
            new Field(
                "commitment",
                texts.t("hours.commitment"),
                FieldType.SELECT,
                true,
                List.of(new OptionGroup("", options)),
                chosen.isEmpty() ? List.of() : List.of(chosen),
                null,
                errors.get("commitment")),
            new Field(
                "date",
                texts.t("hours.date"),
                FieldType.DATE,
                true,
                List.of(),
                List.of(values.getOrDefault("date", LocalDate.now(who.zone()).toString())),
                null,
                errors.get("date")),
            new Field(
                "hours",
                texts.t("hours.amount"),
                FieldType.TEXT,
                true,
                List.of(),
                values.containsKey("hours") ? List.of(values.get("hours")) : List.of(),
                texts.t("hours.amount.placeholder"),
                errors.get("hours")),
            new Field(
                "workTime",
                texts.t("hours.worktime"),
                FieldType.SELECT,
                true,
                List.of(
                    new OptionGroup(
                        "",
                        List.of(
                            new Option("yes", texts.t("yes")),
                            new Option("no", texts.t("hours.worktime.no"))))),
                List.of("no".equals(values.get("workTime")) ? "no" : "yes"),
                null,
                null),
            new Field(
                "note",
                texts.t("hours.note"),
                FieldType.LONG_TEXT,
                false,
                List.of(),
                values.containsKey("note") ? List.of(values.get("note")) : List.of(),
                null,
                errors.get("note")));
    return Reply.of(
        new Reply.Form(FORM, texts.t("hours.title"), intro, fields, submitLabel, context));
  }

  private List<CommitmentView> active(Who who) {
    return commitments.mine(who.tenant(), who.employeeId()).stream()
        .filter(
            c ->
                c.status() == CommitmentStatus.CONFIRMED
                    || c.status() == CommitmentStatus.COMPLETED)
        .toList();
  }

  /** The commitment the sentence names by words of its mission or association; the only one. */
  static Optional<CommitmentView> pick(List<CommitmentView> active, String text) {
    if (active.size() == 1) {
      return Optional.of(active.get(0));
    }
    String folded = " " + SearchText.fold(text) + " ";
    CommitmentView best = null;
    int bestScore = 0;
    boolean tie = false;
    for (CommitmentView c : active) {
      int score = 0;
      for (String w : SearchText.fold(c.missionTitle() + " " + c.associationName()).split(" ")) {
        if (w.length() >= 4 && folded.contains(" " + w + " ")) {
          score++;
        }
      }
      if (score > bestScore) {
        best = c;
        bestScore = score;
        tie = false;
      } else if (score == bestScore && score > 0) {
        tie = true;
      }
    }
    return tie || best == null ? Optional.empty() : Optional.of(best);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
