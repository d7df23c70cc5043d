package org.tandem.bot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.tandem.bot.conversation.Markup;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Card;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.Form;
import org.tandem.bot.conversation.Reply.More;
import org.tandem.bot.conversation.Reply.Notice;
import org.tandem.bot.conversation.Reply.Option;

/**
 * Renders the engine's replies as Adaptive Cards 1.5, Teams' version: one card per part, at most 6
 * actions a card (Teams' host config). Buttons and forms submit their action id, form id and
 * context in the card's data; form fields are inputs named after them. A button is an {@code
 * Action.Execute}, or, when its answer is a form, an {@code Action.Submit} opening a task module.
 */
final class AdaptiveCards {

  static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  static final int MAX_ACTIONS = 6;

  /** Where Teams reads what a button does besides submitting: here, open a task module. */
  static final String TASK_KEY = "msteams";

  /** Keys of the form's context in the submitted data, kept apart from the field values. */
  static final String CONTEXT_PREFIX = "ctx.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private AdaptiveCards() {}

  /** A message activity carrying the reply: its text for notifications, a card per part. */
  static ObjectNode message(Reply reply) {
    ObjectNode activity = JSON.createObjectNode();
    activity.put("type", "message");
    // Teams reads a message's text as markdown: plain, a title's [link](…) stays text.
    activity.put("textFormat", "plain");
    activity.put(
        "text",
        reply.plainText().length() > 2000
            ? reply.plainText().substring(0, 2000)
            : reply.plainText());
    ArrayNode attachments = activity.putArray("attachments");
    for (Reply.Part part : reply.parts()) {
      ObjectNode a = attachments.addObject();
      a.put("contentType", CONTENT_TYPE);
      a.set("content", card(part));
    }
    return activity;
  }

  static ObjectNode card(Reply.Part part) {
    ObjectNode card = JSON.createObjectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("version", "1.5");
    ArrayNode body = card.putArray("body");
    ArrayNode actions = JSON.createArrayNode();
    if (part instanceof Notice n) {
      text(body, n.text(), null)
          .put(
              "color",
              switch (n.level()) {
                case WARNING -> "warning";
                case ERROR -> "attention";
                case SUCCESS -> "good";
                case INFO -> "default";
              });
    } else if (part instanceof Card c) {
      text(body, c.title(), "bolder").put("size", "medium");
      if (c.subtitle() != null && !c.subtitle().isBlank()) {
        text(body, c.subtitle(), null).put("isSubtle", true);
      }
      if (!c.facts().isEmpty()) {
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        for (Fact f : c.facts()) {
          facts
              .addObject()
              .put("title", markdownEscaped(f.label()))
              .put("value", markdownEscaped(f.value()));
        }
      }
      if (c.text() != null && !c.text().isBlank()) {
        text(body, c.text(), null);
      }
      if (c.image() != null) {
        body.addObject()
            .put("type", "Image")
            .put("url", c.image().url())
            .put("altText", c.image().altText());
      }
      for (Button b : c.buttons().subList(0, Math.min(MAX_ACTIONS, c.buttons().size()))) {
        String style =
            b.style() == Button.Style.PRIMARY
                ? "positive"
                : b.style() == Button.Style.DANGER ? "destructive" : null;
        if (b.opensForm()) {
          taskFetch(actions, b.label(), b.actionId(), b.data(), style);
        } else {
          submit(actions, b.label(), b.actionId(), b.data(), style);
        }
      }
    } else if (part instanceof Reply.File f) {
      // The path is made absolute (the bot's public URL) before rendering: see TeamsFiles.
      text(body, f.title(), "bolder");
      if (f.isImage()) {
        body.addObject()
            .put("type", "Image")
            .put("url", f.path())
            .put("altText", f.title())
            .put("size", "stretch");
      }
      actions.addObject().put("type", "Action.OpenUrl").put("title", f.name()).put("url", f.path());
    } else if (part instanceof Reply.Code c) {
      text(body, c.label(), "bolder");
      text(body, c.text(), null).put("fontType", "Monospace");
    } else if (part instanceof More m) {
      submit(actions, m.label(), m.actionId(), m.data(), null);
    } else if (part instanceof Form f) {
      form(body, actions, f);
    }
    if (!actions.isEmpty()) {
      card.set("actions", actions);
    }
    if (body.isEmpty()) {
      text(body, " ", null);
    }
    return card;
  }

  private static void form(ArrayNode body, ArrayNode actions, Form f) {
    text(body, f.title(), "bolder").put("size", "medium");
    if (f.intro() != null && !f.intro().isBlank()) {
      text(body, f.intro(), null);
    }
    // Teams checks required inputs before any submit: a form with other submit buttons ("Search")
    // leaves the check to the engine, which keeps what was typed and marks what is missing.
    boolean required = f.submits().isEmpty();
    for (Field field : f.fields()) {
      boolean selects =
          field.type() == Reply.FieldType.SELECT
              || field.type() == Reply.FieldType.MULTI_SELECT
              || field.type() == Reply.FieldType.SEARCH;
      if (field.type() == Reply.FieldType.SEARCH) {
        body.addObject()
            .put("type", "Input.Text")
            .put("id", Field.queryName(field.name()))
            .put("label", field.label())
            .put("value", field.query() == null ? "" : field.query())
            .put("placeholder", field.placeholder() == null ? "" : field.placeholder());
      }
      if (selects && field.options().isEmpty()) {
        // Never a ChoiceSet without choices: the field's note says why there are none.
        if (field.type() != Reply.FieldType.SEARCH) {
          text(body, field.label(), "bolder");
        }
        text(body, field.placeholder() == null ? "—" : field.placeholder(), null)
            .put("isSubtle", true);
        if (field.error() != null) {
          text(body, field.error(), null).put("color", "attention").put("spacing", "none");
        }
        continue;
      }
      ObjectNode input = body.addObject();
      input.put("id", field.name());
      input.put("label", field.label());
      input.put("isRequired", field.required() && required);
      String value = field.values().isEmpty() ? "" : field.values().get(0);
      switch (field.type()) {
        case TEXT, PLACE, NUMBER -> input.put("type", "Input.Text").put("value", value);
        case LONG_TEXT ->
            input.put("type", "Input.Text").put("isMultiline", true).put("value", value);
        case DATE -> input.put("type", "Input.Date").put("value", value);
        case SELECT, MULTI_SELECT, SEARCH -> {
          input.put("type", "Input.ChoiceSet");
          input.put("style", "compact");
          boolean multi = field.type() == Reply.FieldType.MULTI_SELECT;
          input.put("isMultiSelect", multi);
          input.put("value", multi ? String.join(",", field.values()) : value);
          ArrayNode choices = input.putArray("choices");
          for (Option o : field.options()) {
            choices.addObject().put("title", o.label()).put("value", o.value());
          }
        }
      }
      if (field.placeholder() != null
          && !field.placeholder().isBlank()
          && input.path("type").asText().equals("Input.Text")) {
        input.put("placeholder", field.placeholder());
      }
      if (field.error() != null) {
        input.put("errorMessage", field.error());
        text(body, field.error(), null).put("color", "attention").put("spacing", "none");
      }
    }
    ObjectNode data = JSON.createObjectNode();
    data.put("formId", f.id());
    // Teams submits a multi-select as "a,b,c": only these fields are split back into values.
    data.put(
        "multi",
        String.join(
            ",",
            f.fields().stream()
                .filter(x -> x.type() == Reply.FieldType.MULTI_SELECT)
                .map(Field::name)
                .toList()));
    f.context().forEach((k, v) -> data.put(CONTEXT_PREFIX + k, v));
    actions
        .addObject()
        .put("type", "Action.Submit")
        .put("title", f.submitLabel())
        .put("style", "positive")
        .set("data", data);
    for (Button b : f.submits()) {
      if (actions.size() >= MAX_ACTIONS) {
        break;
      }
      ObjectNode more = data.deepCopy();
      b.data().forEach((k, v) -> more.put(CONTEXT_PREFIX + k, v));
      actions.addObject().put("type", "Action.Submit").put("title", b.label()).set("data", more);
    }
  }

  /**
   * A button: {@code Action.Execute} (Universal Actions: Teams answers with an updated card),
   * falling back to {@code Action.Submit} on clients without it. Both carry the engine's action id
   * and data.
   */
  private static void submit(
      ArrayNode actions, String title, String actionId, Map<String, String> data, String style) {
    ObjectNode d = JSON.createObjectNode();
    d.put("action", actionId);
    data.forEach(d::put);
    ObjectNode fallback = JSON.createObjectNode().put("type", "Action.Submit").put("title", title);
    fallback.set("data", d.deepCopy());
    ObjectNode a =
        actions.addObject().put("type", "Action.Execute").put("title", title).put("verb", actionId);
    if (style != null) {
      a.put("style", style);
      fallback.put("style", style);
    }
    a.set("data", d);
    a.set("fallback", fallback);
  }

  /**
   * A button answered with a form: {@code Action.Submit} whose data says {@code msteams.type =
   * task/fetch}, so Teams asks for the form at once ({@code task/fetch} invoke, with the action id
   * and data) and shows it in a dialog; the dialog's form comes back as {@code task/submit}.
   */
  private static void taskFetch(
      ArrayNode actions, String title, String actionId, Map<String, String> data, String style) {
    ObjectNode d = JSON.createObjectNode();
    d.putObject(TASK_KEY).put("type", "task/fetch");
    d.put("action", actionId);
    data.forEach(d::put);
    ObjectNode a = actions.addObject().put("type", "Action.Submit").put("title", title);
    if (style != null) {
      a.put("style", style);
    }
    a.set("data", d);
  }

  /**
   * The whole reply as one card, for answers that replace a card (Universal Actions). Each part's
   * buttons stay under it in an {@code ActionSet} of their own: Teams shows at most {@value
   * #MAX_ACTIONS} actions in a set, so gathering every part's buttons at the card's foot would drop
   * some (a setup checklist with every step to do has seven).
   */
  static ObjectNode single(Reply reply) {
    ObjectNode card = card(new Notice(Notice.Level.INFO, " "));
    ArrayNode body = card.putArray("body");
    for (Reply.Part part : reply.parts()) {
      ObjectNode one = card(part);
      one.path("body").forEach(body::add);
      if (!one.path("actions").isEmpty()) {
        body.addObject().put("type", "ActionSet").set("actions", one.path("actions").deepCopy());
      }
    }
    return card;
  }

  private static ObjectNode text(ArrayNode body, String text, String weight) {
    ObjectNode t =
        body.addObject()
            .put("type", "TextBlock")
            .put("text", markdownEscaped(text))
            .put("wrap", true);
    if (weight != null) {
      t.put("weight", weight);
    }
    return t;
  }

  /**
   * TextBlocks and facts are read as markdown: every character of a link, an emphasis or code gets
   * a backslash, so a mission title such as {@code [Win](https://evil.example)} or {@code
   * **URGENT**} shows as typed, never as a link or emphasis. Newlines stay (a paragraph break is
   * two); a leading "-" or "1." may still make a list, which links nothing.
   */
  static String markdownEscaped(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char ch : text.toCharArray()) {
      if ("\\`*_[]()<>~".indexOf(ch) >= 0) {
        out.append('\\');
      }
      out.append(ch);
    }
    // The sentence's own bold (Markup) is markdown's, after every typed star got its backslash.
    return Markup.bold(out.toString(), "**", "**");
  }

  /** The submitted values of a form, split from the form id and the context. */
  static Map<String, List<String>> values(com.fasterxml.jackson.databind.JsonNode value) {
    Map<String, List<String>> values = new java.util.HashMap<>();
    List<String> multi = List.of(value.path("multi").asText("").split(","));
    value
        .properties()
        .forEach(
            e -> {
              String key = e.getKey();
              if (!List.of("formId", "action", "multi", TASK_KEY).contains(key)
                  && !key.startsWith(CONTEXT_PREFIX)) {
                String v = e.getValue().asText();
                if (v.isEmpty()) {
                  values.put(key, List.of());
                } else {
                  values.put(key, multi.contains(key) ? List.of(v.split(",")) : List.of(v));
                }
              }
            });
    return values;
  }

  static Map<String, String> context(com.fasterxml.jackson.databind.JsonNode value) {
    Map<String, String> context = new java.util.HashMap<>();
    value
        .properties()
        .forEach(
            e -> {
              if (e.getKey().startsWith(CONTEXT_PREFIX)) {
                context.put(e.getKey().substring(CONTEXT_PREFIX.length()), e.getValue().asText());
              }
            });
    return context;
  }
}
