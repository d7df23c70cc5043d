package org.tandem.bot.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tandem.core.people.People;
import org.tandem.core.text.SearchText;

/**
 * The one brain behind every channel: routes commands, free text, button actions and form
 * submissions to their handler and returns a channel-neutral {@link Reply}. Unknown input gets a
 * short hint of what Tandem understands; an unexpected failure a polite apology, never a trace.
 */
@Component
public class ConversationEngine {

  private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

  /** Longer text is cut before it is read: nobody types 4,000 characters to a bot on purpose. */
  static final int MAX_TEXT = 2000;

  private final Map<String, Handler> byCommand = new HashMap<>();
  private final Map<String, Handler> byAction = new HashMap<>();
  private final Map<String, Handler> byForm = new HashMap<>();
  private final Set<String> formActions = new HashSet<>();
  private final TextUnderstanding understanding;
  private final People people;

  ConversationEngine(List<Handler> handlers, TextUnderstanding understanding, People people) {
    this.understanding = understanding;
    this.people = people;
    for (Handler h : handlers) {
      // "/tandem année" and "/tandem annee", "verknüpfen" and "verknupfen" are one command.
      h.commands().forEach(c -> claim(byCommand, SearchText.fold(c), h));
      h.actions().forEach(a -> claim(byAction, a, h));
      h.forms().forEach(f -> claim(byForm, f, h));
      if (!h.actions().containsAll(h.formActions())) {
        throw new IllegalStateException(h + " declares form actions it does not answer");
      }
      formActions.addAll(h.formActions());
    }
  }

  private static void claim(Map<String, Handler> map, String key, Handler h) {
    Handler previous = map.put(key, h);
    if (previous != null && previous != h) {
      throw new IllegalStateException(key + " is claimed by " + previous + " and " + h);
    }
  }

  /**
   * Whether a command (one word or two, in any of its languages) has a handler: the setup checklist
   * offers a button only for a command that exists, so it never leads to the hint.
   */
  public boolean answers(String command) {
    return byCommand.containsKey(SearchText.fold(command));
  }

  /** Every action answered with a form, as the handlers declare them. */
  Set<String> formActions() {
    return Set.copyOf(formActions);
  }

  /**
   * The action of a form's opener: it asks again what the person typed (their own words, as them),
   * so the engine answers with the same form, now from a click.
   */
  public static final String OPEN_FORM = "form.open";

  /** Typed text longer than this gets no opener: it would not fit in a button's value. */
  static final int MAX_OPENER_TEXT = 1500;

  public Reply handle(Inbound inbound) {
    Texts texts = Texts.of(inbound.who().locale());
    return withOpeners(withColons(markFormButtons(answer(inbound)), texts), inbound, texts);
  }

  /** A form answered to typed text or a command carries a button that asks for it again. */
  private static Reply withOpeners(Reply reply, Inbound inbound, Texts texts) {
    Map<String, String> again;
    if (inbound instanceof Inbound.Text t) {
      again = Map.of("text", clean(t.text()));
    } else if (inbound instanceof Inbound.Command c) {
      again = Map.of("command", nullToEmpty(c.name()), "args", clean(c.args()));
    } else {
      return reply;
    }
    if (again.values().stream().mapToInt(String::length).sum() > MAX_OPENER_TEXT) {
      return reply;
    }
    Reply.Button opener =
        Reply.Button.primary(texts.t("form.open"), OPEN_FORM, again).openingForm();
    List<Reply.Part> parts = new ArrayList<>();
    for (Reply.Part p : reply.parts()) {
      parts.add(p instanceof Reply.Form f ? f.withOpener(opener) : p);
    }
    return new Reply(parts);
  }

  /** Facts read "Où : Esch" in French plain text, "Where: Esch" in English and German. */
  private static Reply withColons(Reply reply, Texts texts) {
    String colon = texts.colon();
    List<Reply.Part> parts = new ArrayList<>();
    for (Reply.Part p : reply.parts()) {
      if (p instanceof Reply.Card c && !c.facts().isEmpty()) {
        p =
            new Reply.Card(
                c.title(),
                c.subtitle(),
                c.facts().stream().map(f -> f.withColon(colon)).toList(),
                c.text(),
                c.buttons(),
                c.image());
      }
      parts.add(p);
    }
    return new Reply(parts);
  }

  private Reply answer(Inbound inbound) {
    Texts texts = Texts.of(inbound.who().locale());
    try {
      if (!people.serves(inbound.who().tenant(), inbound.who().employeeId())) {
        // Deactivated by the company directory: whatever they send, on any channel.
        return Reply.notice(Reply.Notice.Level.INFO, texts.t("person.inactive"));
      }
      if (inbound instanceof Inbound.Command c) {
        return command(c, texts);
      }
      if (inbound instanceof Inbound.Text t) {
        return text(t, texts);
      }
      if (inbound instanceof Inbound.Action a && a.id().equals(OPEN_FORM)) {
        return a.get("text") != null
            ? text(new Inbound.Text(a.who(), a.get("text")), texts)
            : command(new Inbound.Command(a.who(), a.get("command"), a.get("args")), texts);
      }
      if (inbound instanceof Inbound.Action a) {
        return route(byAction, a.id()).action(a, texts);
      }
      Inbound.Submit s = (Inbound.Submit) inbound;
      return route(byForm, s.formId()).submit(s, texts);
    } catch (UnknownRoute e) {
      return Reply.notice(Reply.Notice.Level.WARNING, texts.t("engine.stale"));
    } catch (RuntimeException e) {
      log.error("Could not answer {}", inbound, e);
      return Reply.notice(Reply.Notice.Level.ERROR, texts.t("engine.failed"));
    }
  }

  /** Buttons whose action is answered with a form say so, for channels that open dialogs. */
  private Reply markFormButtons(Reply reply) {
    List<Reply.Part> parts = new ArrayList<>();
    for (Reply.Part p : reply.parts()) {
      if (p instanceof Reply.Card c
          && c.buttons().stream().anyMatch(b -> formActions.contains(b.actionId()))) {
        p =
            new Reply.Card(
                c.title(),
                c.subtitle(),
                c.facts(),
                c.text(),
                c.buttons().stream()
                    .map(b -> formActions.contains(b.actionId()) ? b.openingForm() : b)
                    .toList(),
                c.image());
      }
      parts.add(p);
    }
    return new Reply(parts);
  }

  private Reply command(Inbound.Command c, Texts texts) {
    String name = SearchText.fold(c.name());
    if (name.isEmpty()) {
      return byCommand.get("help").command(c, texts);
    }
    String args = nullToEmpty(c.args()).strip();
    String[] sub = args.split("\\s+", 2);
    String twoWords = name + " " + SearchText.fold(sub[0]);
    Handler subcommand = byCommand.get(twoWords);
    if (subcommand != null) {
      // "/tandem admin link", "/tandem nouvelle mission": a two-word command has a handler of its
      // own.
      return subcommand.command(
          new Inbound.Command(c.who(), twoWords, sub.length > 1 ? sub[1] : ""), texts);
    }
    Handler h = byCommand.get(name);
    if (h == null) {
      // "/tandem near Esch" or "/tandem j'ai fait 3h hier": read it as text.
      return text(
          new Inbound.Text(c.who(), (c.name() + " " + nullToEmpty(c.args())).strip()), texts);
    }
    return h.command(new Inbound.Command(c.who(), name, nullToEmpty(c.args()).strip()), texts);
  }

  private Reply text(Inbound.Text t, Texts texts) {
    String text = clean(t.text());
    if (text.isEmpty()) {
      return byCommand.get("help").command(new Inbound.Command(t.who(), "help", ""), texts);
    }
    String folded = SearchText.fold(text);
    Handler named = folded.equals("hint") ? null : byCommand.get(folded);
    if (named != null) {
      // A command's own name, in any of its languages ("engagements", "anmeldungen").
      return named.command(new Inbound.Command(t.who(), folded, ""), texts);
    }
    Inbound.Command understood = understanding.understand(t.who(), text);
    Handler h = byCommand.get(understood.name());
    if (h == null) {
      return byCommand.get("help").command(new Inbound.Command(t.who(), "hint", text), texts);
    }
    return h.command(understood, texts);
  }

  /**
   * The choices of a searched field of {@code formId} for what was typed, as the form's handler
   * gives them; none for a form or field Tandem does not know, or on a failure (the person may type
   * again).
   */
  public List<Reply.Option> suggest(Who who, String formId, String field, String typed) {
    Handler h = byForm.get(formId == null ? "" : formId);
    // Someone the directory deactivated is not served: no company data in suggestions either.
    if (h == null || field == null || !people.serves(who.tenant(), who.employeeId())) {
      return List.of();
    }
    try {
      return h.suggest(who, field, clean(typed), Texts.of(who.locale()));
    } catch (RuntimeException e) {
      log.error("Could not suggest {} for {}", field, formId, e);
      return List.of();
    }
  }

  /** Control characters out, whitespace folded, length bounded. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String s = text.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]", "").replaceAll("\\s+", " ").strip();
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Handler route(Map<String, Handler> map, String key) {
    Handler h = map.get(key);
    if (h == null) {
      throw new UnknownRoute(key);
    }
    return h;
  }

  /** A button or form from an older version of Tandem, or forged. */
  private static final class UnknownRoute extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownRoute(String key) {
      super(key, null, false, false);
    }
  }
}
