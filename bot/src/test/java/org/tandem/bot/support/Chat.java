package org.tandem.bot.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Who;
import org.tandem.core.people.Employee;

/** A scripted conversation with the engine, as one person, in one language. */
public final class Chat {

  private final ConversationEngine engine;
  private final Who who;
  public Reply last;

  public Chat(ConversationEngine engine, Employee e, Locale locale) {
    this.engine = engine;
    this.who =
        new Who(e.tenantId(), e.id(), locale, ZoneId.of("Europe/Luxembourg"), e.roles(), "test");
  }

  public Who who() {
    return who;
  }

  public Reply say(String text) {
    return last = engine.handle(new Inbound.Text(who, text));
  }

  public Reply command(String name, String args) {
    return last = engine.handle(new Inbound.Command(who, name, args));
  }

  public Reply click(String actionId, Map<String, String> data) {
    return last = engine.handle(new Inbound.Action(who, actionId, data));
  }

  /** Clicks the first button (or "more") of the last reply with this action id. */
  public Reply click(String actionId) {
    for (Reply.Part p : last.parts()) {
      if (p instanceof Reply.Card c) {
        for (Reply.Button b : c.buttons()) {
          if (b.actionId().equals(actionId)) {
            return click(actionId, b.data());
          }
        }
      }
      if (p instanceof Reply.More m && m.actionId().equals(actionId)) {
        return click(actionId, m.data());
      }
    }
    throw new AssertionError("no " + actionId + " button in " + last.plainText());
  }

  public Reply submit(
      String formId, Map<String, List<String>> values, Map<String, String> context) {
    return last = engine.handle(new Inbound.Submit(who, formId, values, context));
  }

  /** Submits the last reply's form with its current values, changed by {@code changes}. */
  public Reply submitForm(Map<String, List<String>> changes) {
    Reply.Form form = form(last);
    Map<String, List<String>> values = new java.util.HashMap<>();
    for (Reply.Field f : form.fields()) {
      values.put(f.name(), f.values());
    }
    values.putAll(changes);
    return submit(form.id(), values, form.context());
  }

  public static Reply.Form form(Reply r) {
    return r.parts().stream()
        .filter(p -> p instanceof Reply.Form)
        .map(p -> (Reply.Form) p)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no form in " + r.plainText()));
  }

  public static List<Reply.Card> cards(Reply r) {
    return r.parts().stream()
        .filter(p -> p instanceof Reply.Card)
        .map(p -> (Reply.Card) p)
        .toList();
  }

  public static String error(Reply r, String field) {
    return form(r).fields().stream()
        .filter(f -> f.name().equals(field))
        .findFirst()
        .orElseThrow()
        .error();
  }

  public static Reply.Field field(Reply r, String field) {
    return form(r).fields().stream().filter(f -> f.name().equals(field)).findFirst().orElseThrow();
  }

  public static void assertNotice(Reply r, Reply.Notice.Level level, String contains) {
    assertThat(r.parts())
        .anySatisfy(
            p -> {
              assertThat(p).isInstanceOf(Reply.Notice.class);
              assertThat(((Reply.Notice) p).level()).isEqualTo(level);
              assertThat(((Reply.Notice) p).text()).contains(contains);
            });
  }
}
