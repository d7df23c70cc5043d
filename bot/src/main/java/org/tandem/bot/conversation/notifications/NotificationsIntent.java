package org.tandem.bot.conversation.notifications;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.FieldType;
import org.tandem.bot.conversation.Reply.Option;
import org.tandem.bot.conversation.Reply.OptionGroup;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.Refusal;
import org.tandem.core.digest.Digests;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.notifications.NotificationSettings.Settings;
import org.tandem.core.notifications.QuietHours;
import org.tandem.core.notifications.Topic;

/**
 * "notifications": what Tandem sends the person on its own, each topic on or off with one click,
 * their quiet hours and the day of their weekly digest, changed in a form. Every choice is made by
 * core ({@link NotificationSettings}), which refuses what cannot be chosen; the outbox reads the
 * choices when it sends, so a change holds at once.
 */
@Component
class NotificationsIntent implements Handler {

  static final String SHOW = "notifications.show";
  static final String TOPIC = "notifications.topic";
  static final String EDIT = "notifications.quiet";
  static final String FORM = "notifications.form";

  private final NotificationSettings settings;
  private final Digests digests;

  NotificationsIntent(NotificationSettings settings, Digests digests) {
    this.settings = settings;
    this.digests = digests;
  }

  @Override
  public Set<String> commands() {
    return Set.of("notifications", "benachrichtigungen");
  }

  @Override
  public Set<String> actions() {
    return Set.of(SHOW, TOPIC, EDIT);
  }

  @Override
  public Set<String> formActions() {
    return Set.of(EDIT);
  }

  @Override
  public Set<String> forms() {
    return Set.of(FORM);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    return panel(command.who(), texts, null);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    if (action.id().equals(EDIT)) {
      Settings s = mine(who);
      return Reply.of(form(s, texts, values(s), Map.of()));
    }
    if (action.id().equals(TOPIC)) {
      Optional<Topic> topic =
          Arrays.stream(Topic.values())
              .filter(t -> t.name().equals(action.get("topic")))
              .findFirst();
      if (topic.isEmpty()) {
        return Refusals.notFound(texts);
      }
      boolean on = "true".equals(action.get("on"));
      Outcome<Topic> o = settings.receive(who.tenant(), who.employeeId(), topic.get(), on);
      if (!o.isDone()) {
        return Refusals.reply(o.refusal(), texts);
      }
      return panel(
          who,
          texts,
          texts.t(
              on ? "notifications.turned.on" : "notifications.turned.off",
              label(topic.get(), texts)));
    }
    return panel(who, texts, null);
  }

  @Override
  public Reply submit(Inbound.Submit submit, Texts texts) {
    Who who = submit.who();
    Map<String, List<String>> typed =
        Map.of(
            "from", List.of(submit.value("from")),
            "until", List.of(submit.value("until")),
            "weekends", List.of(submit.value("weekends")),
            "digest", List.of(submit.value("digest")));
    // The quiet hours are read first and kept last, so a refused field changes nothing.
    Outcome<QuietHours> quiet =
        settings.readQuietHours(
            submit.value("from"), submit.value("until"), "yes".equals(submit.value("weekends")));
    if (!quiet.isDone()) {
      Refusal r = quiet.refusal();
      return Reply.of(form(mine(who), texts, typed, Map.of(r.field(), r.message(texts.locale()))));
    }
    Outcome<Optional<DayOfWeek>> digest =
        digests.choose(who.tenant(), who.employeeId(), submit.value("digest"));
    if (!digest.isDone()) {
      return Reply.of(
          form(
              mine(who), texts, typed, Map.of("digest", digest.refusal().message(texts.locale()))));
    }
    QuietHours q = quiet.value();
    settings.quietHours(who.tenant(), who.employeeId(), q.from(), q.until(), q.weekends()).value();
    return panel(who, texts, texts.t("notifications.saved"));
  }

  private Settings mine(Who who) {
    return settings.of(who.tenant(), who.employeeId()).orElseThrow();
  }

  /**
   * The topics about the person's own volunteering, then those from their company: two cards, so
   * each keeps its buttons (Teams shows at most six under a card).
   */
  private static final List<Topic> OWN =
      List.of(Topic.WAITLIST, Topic.REMINDERS, Topic.CHANGES, Topic.HOURS, Topic.DECISIONS);

  private Reply panel(Who who, Texts texts, String done) {
    Settings s = mine(who);
    List<Topic> shown = settings.topicsFor(who.tenant(), who.employeeId());
    Reply reply =
        done == null ? new Reply(List.of()) : Reply.notice(Reply.Notice.Level.SUCCESS, done);
    return reply
        .then(
            topics(
                texts.t("notifications.title"),
                texts.t("notifications.intro"),
                shown.stream().filter(OWN::contains).toList(),
                s,
                texts))
        .then(
            topics(
                texts.t("notifications.company"),
                null,
                shown.stream().filter(t -> !OWN.contains(t)).toList(),
                s,
                texts))
        .then(
            new Reply.Card(
                texts.t("notifications.quiet.title"),
                null,
                List.of(
                    new Fact(texts.t("notifications.quiet.hours"), quiet(s.quiet(), texts)),
                    new Fact(texts.t("notifications.zone"), s.zone().getId()),
                    new Fact(
                        texts.t("notifications.digest"),
                        s.digestDay()
                            .map(d -> texts.t("notifications.digest.day", day(d, texts)))
                            .orElse(texts.t("notifications.digest.off")))),
                texts.t("notifications.quiet.text"),
                List.of(Button.primary(texts.t("notifications.change"), EDIT, Map.of())),
                null));
  }

  /** A card of topics: each one's state, and a button to turn each optional one off or on. */
  private static Reply.Card topics(
      String title, String text, List<Topic> topics, Settings s, Texts texts) {
    List<Fact> facts = new ArrayList<>();
    List<Button> buttons = new ArrayList<>();
    for (Topic t : topics) {
      boolean on = s.wants(t);
      facts.add(
          new Fact(
              label(t, texts),
              texts.t(
                  !t.optional()
                      ? "notifications.always"
                      : on ? "notifications.on" : "notifications.off")));
      if (t.optional()) {
        buttons.add(
            new Button(
                texts.t(
                    on ? "notifications.button.off" : "notifications.button.on", label(t, texts)),
                TOPIC,
                Map.of("topic", t.name(), "on", Boolean.toString(!on)),
                on ? Button.Style.DEFAULT : Button.Style.PRIMARY));
      }
    }
    return new Reply.Card(title, null, facts, text, buttons, null);
  }

  private static String quiet(QuietHours q, Texts texts) {
    String daily =
        q.from().equals(q.until())
            ? texts.t("notifications.quiet.none")
            : texts.t("notifications.quiet.daily", time(q.from()), time(q.until()));
    return q.weekends() ? texts.t("notifications.quiet.weekends", daily) : daily;
  }

  private static String time(LocalTime t) {
    return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
  }

  private static String label(Topic t, Texts texts) {
    return texts.t("topic." + t.name().toLowerCase(Locale.ROOT));
  }

  private static String day(DayOfWeek d, Texts texts) {
    return d.getDisplayName(TextStyle.FULL_STANDALONE, texts.locale());
  }

  private static Map<String, List<String>> values(Settings s) {
    return Map.of(
        "from", List.of(time(s.quiet().from())),
        "until", List.of(time(s.quiet().until())),
        "weekends", List.of(s.quiet().weekends() ? "yes" : "no"),
        "digest", List.of(s.digestDay().map(d -> Integer.toString(d.getValue())).orElse("off")));
  }

  private static Reply.Form form(
      Settings s, Texts texts, Map<String, List<String>> values, Map<String, String> errors) {
    List<Option> days = new ArrayList<>();
    days.add(new Option("off", texts.t("notifications.digest.off")));
    for (DayOfWeek d : DayOfWeek.values()) {
      String name = day(d, texts);
      days.add(
          new Option(
              Integer.toString(d.getValue()),
              name.substring(0, 1).toUpperCase(texts.locale()) + name.substring(1)));
    }
    return new Reply.Form(
        FORM,
        texts.t("notifications.form.title"),
        texts.t("notifications.form.intro", s.zone().getId()),
        List.of(
            Field.filled(
                "from",
                texts.t("notifications.form.from"),
                FieldType.TEXT,
                true,
                List.of(),
                values,
                errors,
                "19:00"),
            Field.filled(
                "until",
                texts.t("notifications.form.until"),
                FieldType.TEXT,
                true,
                List.of(),
                values,
                errors,
                "08:00"),
            Field.filled(
                "weekends",
                texts.t("notifications.form.weekends"),
                FieldType.SELECT,
                true,
                List.of(
                    new OptionGroup(
                        "",
                        List.of(
                            new Option("yes", texts.t("notifications.form.weekends.yes")),
                            new Option("no", texts.t("notifications.form.weekends.no"))))),
                values,
                errors,
                null),
            Field.filled(
                "digest",
                texts.t("notifications.digest"),
                FieldType.SELECT,
                true,
                List.of(new OptionGroup("", days)),
                values,
                errors,
                null)),
        texts.t("notifications.form.save"),
        Map.of());
  }
}
