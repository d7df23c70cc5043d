package org.tandem.bot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.tandem.bot.conversation.Reply.OptionGroup;

/**
 * Renders the engine's replies as Block Kit: messages (at most 50 blocks), modals and the App Home
 * (at most 100), every text cut to Slack's limits (see {@code slack-block-kit-limits.md} in the
 * test resources), so a long list pages instead of breaking. Forms become modals whose block and
 * action ids are the field names, and whose private metadata carries the form's context.
 */
final class BlockKit {

  static final int MESSAGE_BLOCKS = 50;
  static final int VIEW_BLOCKS = 100;
  static final int SECTION_TEXT = 3000;
  static final int FIELD_TEXT = 2000;
  static final int HEADER_TEXT = 150;
  static final int BUTTON_TEXT = 75;
  static final int BUTTON_VALUE = 2000;
  static final int OPTION_TEXT = 75;
  static final int OPTION_VALUE = 75;
  static final int OPTIONS = 100;
  static final int VIEW_TITLE = 24;
  static final int PRIVATE_METADATA = 3000;
  static final int FIELDS_PER_SECTION = 10;
  static final int ELEMENTS_PER_ACTIONS = 25;

  private static final ObjectMapper JSON = new ObjectMapper();

  private BlockKit() {}

  /** The blocks of a message; a form shows as its title and a button that opens it as a modal. */
  static List<Map<String, Object>> message(Reply reply) {
    return blocks(reply, MESSAGE_BLOCKS);
  }

  /** The App Home: the same blocks, up to 100. */
  static Map<String, Object> home(Reply reply) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("type", "home");
    view.put("blocks", blocks(reply, VIEW_BLOCKS));
    return view;
  }

  static List<Map<String, Object>> blocks(Reply reply, int max) {
    List<Map<String, Object>> blocks = new ArrayList<>();
    for (Reply.Part part : reply.parts()) {
      List<Map<String, Object>> more = new ArrayList<>();
      if (part instanceof Notice n) {
        more.add(section(icon(n.level()) + " " + escape(n.text())));
      } else if (part instanceof Card c) {
        if (!blocks.isEmpty()) {
          more.add(Map.of("type", "divider"));
        }
        more.addAll(card(c));
      } else if (part instanceof Form f && f.opener() != null) {
        // A message cannot hold a form: its button opens it as a modal, with the click's trigger.
        String intro = f.intro() == null || f.intro().isBlank() ? "" : "\n" + escape(f.intro());
        more.add(section(cut("*" + escape(f.title()) + "*" + intro, SECTION_TEXT)));
        more.add(actions(List.of(button(f.opener(), 0))));
      } else if (part instanceof Reply.Code c) {
        // Backticks cannot be escaped inside a code span: they are dropped (tokens have none).
        more.add(section("*" + escape(c.label()) + "*\n`" + codeEscape(c.text()) + "`"));
      } else if (part instanceof More m) {
        more.add(
            actions(
                List.of(
                    button(
                        new Button(m.label(), m.actionId(), m.data(), Button.Style.DEFAULT), 0))));
      }
      if (blocks.size() + more.size() > max) {
        break;
      }
      blocks.addAll(more);
    }
    return blocks;
  }

  /** What a response URL takes: a message only the person who asked sees, below theirs. */
  static Map<String, Object> ephemeral(String text, Object blocks) {
    return Map.of(
        "response_type", "ephemeral", "replace_original", false, "text", text, "blocks", blocks);
  }

  /**
   * The plain text of a reply, for notifications and clients that show no blocks. Slack reads it as
   * mrkdwn, so it is escaped as the blocks are: a name or title never becomes a mention, a
   * broadcast or a link there either.
   */
  static String fallback(Reply reply) {
    return cutEscaped(escape(reply.plainText()), 3000);
  }

  /** Cut without leaving half an entity ({@code &am…}) behind. */
  static String cutEscaped(String escaped, int max) {
    String cut = cut(escaped, max);
    int amp = cut.lastIndexOf('&');
    if (cut.length() < escaped.length() && amp >= 0 && cut.indexOf(';', amp) < 0) {
      return cut.substring(0, amp) + "…";
    }
    return cut;
  }

  static List<Map<String, Object>> card(Card c) {
    List<Map<String, Object>> blocks = new ArrayList<>();
    blocks.add(Map.of("type", "header", "text", plain(cut(c.title(), HEADER_TEXT))));
    if (c.subtitle() != null && !c.subtitle().isBlank()) {
      blocks.add(
          Map.of(
              "type",
              "context",
              "elements",
              List.of(mrkdwn(cut(escape(c.subtitle()), SECTION_TEXT)))));
    }
    if (!c.facts().isEmpty()) {
      List<Map<String, Object>> fields = new ArrayList<>();
      for (Fact f : c.facts()) {
        fields.add(mrkdwn(cut("*" + escape(f.label()) + "*\n" + escape(f.value()), FIELD_TEXT)));
      }
      for (int i = 0; i < fields.size(); i += FIELDS_PER_SECTION) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("type", "section");
        section.put("fields", fields.subList(i, Math.min(fields.size(), i + FIELDS_PER_SECTION)));
        blocks.add(section);
      }
    }
    if (c.text() != null && !c.text().isBlank()) {
      blocks.add(section(escape(c.text())));
    }
    if (c.image() != null) {
      blocks.add(
          Map.of(
              "type",
              "image",
              "image_url",
              c.image().url(),
              "alt_text",
              cut(c.image().altText(), FIELD_TEXT)));
    }
    if (!c.buttons().isEmpty()) {
      List<Map<String, Object>> elements = new ArrayList<>();
      for (int i = 0; i < c.buttons().size() && i < ELEMENTS_PER_ACTIONS; i++) {
        elements.add(button(c.buttons().get(i), i));
      }
      blocks.add(actions(elements));
    }
    return blocks;
  }

  /** A modal for a form: input blocks named after the fields, context in private metadata. */
  static Map<String, Object> modal(Form form, String closeLabel) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("type", "modal");
    view.put("callback_id", form.id());
    view.put("title", plain(cut(form.title(), VIEW_TITLE)));
    view.put("submit", plain(cut(form.submitLabel(), VIEW_TITLE)));
    view.put("close", plain(cut(closeLabel, VIEW_TITLE)));
    view.put("private_metadata", cut(json(form.context()), PRIVATE_METADATA));
    List<Map<String, Object>> blocks = new ArrayList<>();
    if (form.intro() != null && !form.intro().isBlank()) {
      blocks.add(section(escape(form.intro())));
    }
    for (Field f : form.fields()) {
      if (blocks.size() == VIEW_BLOCKS) {
        break;
      }
      blocks.add(input(f));
    }
    view.put("blocks", blocks);
    return view;
  }

  /** The field errors of a form sent back, keyed by block id: Slack shows each on its field. */
  static Map<String, String> errors(Form form) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Field f : form.fields()) {
      if (f.error() != null && "input".equals(input(f).get("type"))) {
        errors.put(f.name(), cut(f.error(), FIELD_TEXT));
      }
    }
    return errors;
  }

  static Map<String, Object> input(Field f) {
    boolean choices =
        f.type() == Reply.FieldType.SELECT || f.type() == Reply.FieldType.MULTI_SELECT;
    if (choices && f.options().isEmpty()) {
      // Slack refuses a select without options (invalid_arguments): the field's note instead.
      String note = f.placeholder() == null || f.placeholder().isBlank() ? "—" : f.placeholder();
      return section(cut("*" + escape(f.label()) + "*\n" + escape(note), SECTION_TEXT));
    }
    Map<String, Object> element = new LinkedHashMap<>();
    element.put("action_id", f.name());
    String value = f.values().isEmpty() ? null : f.values().get(0);
    switch (f.type()) {
      case TEXT, NUMBER -> {
        element.put("type", "plain_text_input");
        putIfPresent(element, "initial_value", value == null ? null : cut(value, SECTION_TEXT));
      }
      case LONG_TEXT -> {
        element.put("type", "plain_text_input");
        element.put("multiline", true);
        putIfPresent(element, "initial_value", value == null ? null : cut(value, SECTION_TEXT));
      }
      case DATE -> {
        element.put("type", "datepicker");
        putIfPresent(element, "initial_date", value);
      }
      case PLACE -> {
        element.put("type", "external_select");
        element.put("min_query_length", 2);
        if (value != null && !value.isBlank()) {
          element.put("initial_option", option(new Option(value, value)));
        }
      }
      case SEARCH -> {
        // Suggestions come from the engine as the person types (a block_suggestion request),
        // the first ones as soon as the menu opens.
        element.put("type", "external_select");
        element.put("min_query_length", 0);
        if (value != null && !value.isBlank()) {
          Option chosen =
              f.options().stream()
                  .filter(o -> o.value().equals(value))
                  .findFirst()
                  .orElse(new Option(value, value));
          element.put("initial_option", option(chosen));
        }
      }
      case SELECT, MULTI_SELECT -> {
        boolean multi = f.type() == Reply.FieldType.MULTI_SELECT;
        element.put("type", multi ? "multi_static_select" : "static_select");
        List<OptionGroup> filled = f.groups().stream().filter(g -> !g.options().isEmpty()).toList();
        boolean grouped = filled.size() > 1;
        if (grouped) {
          List<Map<String, Object>> groups = new ArrayList<>();
          for (OptionGroup g : filled.subList(0, Math.min(OPTIONS, filled.size()))) {
            groups.add(
                Map.of(
                    "label", plain(cut(g.label(), OPTION_TEXT)),
                    "options", g.options().stream().limit(OPTIONS).map(BlockKit::option).toList()));
          }
          element.put("option_groups", groups);
        } else {
          element.put(
              "options", f.options().stream().limit(OPTIONS).map(BlockKit::option).toList());
        }
        List<Map<String, Object>> initial =
            f.options().stream()
                .filter(o -> f.values().contains(o.value()))
                .map(BlockKit::option)
                .toList();
        if (multi && !initial.isEmpty()) {
          element.put("initial_options", initial);
        } else if (!multi && !initial.isEmpty()) {
          element.put("initial_option", initial.get(0));
        }
      }
    }
    if (f.placeholder() != null
        && !f.placeholder().isBlank()
        && !"datepicker".equals(element.get("type"))) {
      element.put("placeholder", plain(cut(f.placeholder(), HEADER_TEXT)));
    }
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "input");
    block.put("block_id", f.name());
    block.put("label", plain(cut(f.label(), FIELD_TEXT)));
    block.put("optional", !f.required());
    block.put("element", element);
    return block;
  }

  static Map<String, Object> button(Button b, int index) {
    Map<String, Object> button = new LinkedHashMap<>();
    button.put("type", "button");
    button.put("text", plain(cut(b.label(), BUTTON_TEXT)));
    button.put("action_id", b.actionId() + "#" + index);
    button.put("value", cut(json(b.data()), BUTTON_VALUE));
    if (b.style() == Button.Style.PRIMARY) {
      button.put("style", "primary");
    } else if (b.style() == Button.Style.DANGER) {
      button.put("style", "danger");
    }
    return button;
  }

  /** The engine's action id of a Slack action id ("mission.commit#0" gives "mission.commit"). */
  static String actionOf(String slackActionId) {
    int hash = slackActionId.indexOf('#');
    return hash < 0 ? slackActionId : slackActionId.substring(0, hash);
  }

  static Map<String, String> data(String value) {
    if (value == null || value.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(value, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  static Map<String, Object> option(Option o) {
    return Map.of(
        "text", plain(cut(o.label(), OPTION_TEXT)), "value", cut(o.value(), OPTION_VALUE));
  }

  private static Map<String, Object> actions(List<Map<String, Object>> elements) {
    return Map.of("type", "actions", "elements", elements);
  }

  private static Map<String, Object> section(String mrkdwn) {
    return Map.of("type", "section", "text", mrkdwn(cut(mrkdwn, SECTION_TEXT)));
  }

  /** Plain text shows no style: a sentence's bold marks ({@link Markup}) are left out. */
  static Map<String, Object> plain(String text) {
    String shown = Markup.plain(text);
    return Map.of("type", "plain_text", "text", shown.isEmpty() ? " " : shown, "emoji", true);
  }

  /** Verbatim: Slack turns no bare URL, channel name or mention in it into a link. */
  private static Map<String, Object> mrkdwn(String text) {
    return Map.of("type", "mrkdwn", "text", text.isEmpty() ? " " : text, "verbatim", true);
  }

  private static String icon(Notice.Level level) {
    return switch (level) {
      case SUCCESS -> ":white_check_mark:";
      case WARNING -> ":warning:";
      case ERROR -> ":x:";
      case INFO -> ":information_source:";
    };
  }

  /**
   * Slack's mrkdwn escapes: people's text never becomes a link, mention or markup by accident.
   * mrkdwn has no escape for {@code * _ ~ `}: a zero-width space on each side keeps such a
   * character from opening or closing a style (it shows, and copies, as typed). The sentence's own
   * bold ({@link Markup}) becomes mrkdwn's {@code *}.
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '*', '_', '~', '`' -> out.append(ZWSP).append(ch).append(ZWSP);
        default -> out.append(ch);
      }
    }
    return Markup.bold(out.toString(), "*", "*");
  }

  /** Inside a code span nothing is styled: only {@code & < >} are escaped, backticks dropped. */
  private static String codeEscape(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "");
  }

  private static final char ZWSP = '\u200B';

  static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
