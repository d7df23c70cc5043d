package org.tandem.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the engine answers: pure data that Slack renders as Block Kit, Teams as Adaptive Cards and
 * the try-it chat as HTML. A reply is a list of parts, shown in order.
 */
public record Reply(List<Part> parts) {

  public Reply {
    parts = List.copyOf(parts);
  }

  public static Reply of(Part... parts) {
    return new Reply(List.of(parts));
  }

  public static Reply notice(Notice.Level level, String text) {
    return of(new Notice(level, text));
  }

  public Reply then(Part part) {
    List<Part> all = new ArrayList<>(parts);
    all.add(part);
    return new Reply(all);
  }

  public Reply then(Reply more) {
    List<Part> all = new ArrayList<>(parts);
    all.addAll(more.parts());
    return new Reply(all);
  }

  /** The text of every part, for logs, tests and plain-text fallbacks. */
  public String plainText() {
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(p.plainText());
    }
    return Markup.plain(sb.toString());
  }

  /** One part of a reply. */
  public sealed interface Part {
    String plainText();
  }

  /** A short message: information, success, warning (a refusal) or error. */
  public record Notice(Level level, String text) implements Part {
    public enum Level {
      INFO,
      SUCCESS,
      WARNING,
      ERROR
    }

    @Override
    public String plainText() {
      return text;
    }
  }

  /**
   * A value to copy exactly (a secret token): shown in a code span, one line, whatever the channel.
   */
  public record Code(String label, String text) implements Part {
    @Override
    public String plainText() {
      return label + ": " + text;
    }
  }

  /**
   * A label and a value shown side by side on a card; {@code colon} joins them in plain text, the
   * language's way (French: a non-breaking space before the colon).
   */
  public record Fact(String label, String value, String colon) {
    public Fact(String label, String value) {
      this(label, value, ": ");
    }

    public Fact withColon(String c) {
      return new Fact(label, value, c);
    }
  }

  /**
   * A button: its label, the action id it sends and the data it carries. {@code opensForm}: the
   * engine answers its action with a form (set by the engine from {@link Handler#formActions()}),
   * so a channel may open a dialog at once.
   */
  public record Button(
      String label, String actionId, Map<String, String> data, Style style, boolean opensForm) {
    public enum Style {
      PRIMARY,
      DEFAULT,
      DANGER
    }

    public Button {
      data = Map.copyOf(data);
    }

    public Button(String label, String actionId, Map<String, String> data, Style style) {
      this(label, actionId, data, style, false);
    }

    public Button openingForm() {
      return new Button(label, actionId, data, style, true);
    }

    public static Button primary(String label, String actionId, Map<String, String> data) {
      return new Button(label, actionId, data, Style.PRIMARY);
    }

    public static Button of(String label, String actionId, Map<String, String> data) {
      return new Button(label, actionId, data, Style.DEFAULT);
    }
  }

  /** A card: title, optional subtitle, facts, text, buttons and an image. */
  public record Card(
      String title,
      String subtitle,
      List<Fact> facts,
      String text,
      List<Button> buttons,
      Image image)
      implements Part {
    public Card {
      facts = List.copyOf(facts);
      buttons = List.copyOf(buttons);
    }

    @Override
    public String plainText() {
      StringBuilder sb = new StringBuilder(title);
      if (subtitle != null && !subtitle.isBlank()) {
        sb.append(" — ").append(subtitle);
      }
      for (Fact f : facts) {
        sb.append('\n').append(f.label()).append(f.colon()).append(f.value());
      }
      if (text != null && !text.isBlank()) {
        sb.append('\n').append(text);
      }
      return sb.toString();
    }
  }

  /**
   * A file to keep: a report's chart or CSV. Slack uploads the bytes into the conversation; Teams
   * and the try-it chat show the image or link to {@code path}, where the bot serves the file.
   */
  public record File(String name, String contentType, byte[] content, String path, String title)
      implements Part {
    public File {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }

    public boolean isImage() {
      return contentType.startsWith("image/");
    }

    @Override
    public String plainText() {
      // A dash, not a colon: French would want a non-breaking space before one.
      return title + " — " + name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof File f
          && name.equals(f.name)
          && path.equals(f.path)
          && java.util.Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
      return path.hashCode();
    }

    @Override
    public String toString() {
      return "File[" + name + ", " + content.length + " bytes, " + path + "]";
    }
  }

  /** An image: where to fetch it and what it shows, for people who cannot see it. */
  public record Image(String url, String altText) {}

  /** "Show 5 more": a button that pages through a longer list. */
  public record More(String label, String actionId, Map<String, String> data) implements Part {
    public More {
      data = Map.copyOf(data);
    }

    @Override
    public String plainText() {
      return label;
    }
  }

  /**
   * A form, with its fields, errors per field, and context sent back on submit. {@code opener}: a
   * button that asks for the same form again, for channels that open forms only from a click (a
   * Slack modal needs the click's trigger); null when the form came from a click. {@code submits}:
   * other buttons that submit the form as it is ("Search", "New association"), each adding its data
   * to the context sent back; Slack, whose modals have one submit button, offers the same through
   * the form's searched fields instead (see {@link FieldType#SEARCH}).
   */
  public record Form(
      String id,
      String title,
      String intro,
      List<Field> fields,
      String submitLabel,
      Map<String, String> context,
      Button opener,
      List<Button> submits)
      implements Part {
    public Form {
      fields = List.copyOf(fields);
      context = Map.copyOf(context);
      submits = submits == null ? List.of() : List.copyOf(submits);
    }

    public Form(
        String id,
        String title,
        String intro,
        List<Field> fields,
        String submitLabel,
        Map<String, String> context,
        Button opener) {
      this(id, title, intro, fields, submitLabel, context, opener, List.of());
    }

    public Form withSubmits(List<Button> more) {
      return new Form(id, title, intro, fields, submitLabel, context, opener, more);
    }

    public Form(
        String id,
        String title,
        String intro,
        List<Field> fields,
        String submitLabel,
        Map<String, String> context) {
      this(id, title, intro, fields, submitLabel, context, null);
    }

    public Form withOpener(Button b) {
      return new Form(id, title, intro, fields, submitLabel, context, b, submits);
    }

    public boolean hasErrors() {
      return fields.stream().anyMatch(f -> f.error() != null);
    }

    @Override
    public String plainText() {
      StringBuilder sb = new StringBuilder(title);
      for (Field f : fields) {
        sb.append('\n').append(f.label());
        if (f.error() != null) {
          sb.append(" — ").append(f.error());
        }
      }
      return sb.toString();
    }
  }

  /** A choice in a select: value sent back, label shown. */
  public record Option(String value, String label) {}

  /** Options under a heading, such as skills under their family. */
  public record OptionGroup(String label, List<Option> options) {
    public OptionGroup {
      options = List.copyOf(options);
    }
  }

  /**
   * A form field. {@code values} are the current values; {@code error} the message for it. A select
   * with no options is shown as its {@code placeholder}, a note, never as an empty list. {@code
   * query}: what was searched in a {@link FieldType#SEARCH} field (null otherwise).
   */
  public record Field(
      String name,
      String label,
      FieldType type,
      boolean required,
      List<OptionGroup> groups,
      List<String> values,
      String placeholder,
      String error,
      String query) {
    public Field {
      groups = List.copyOf(groups);
      values = List.copyOf(values);
    }

    public Field(
        String name,
        String label,
        FieldType type,
        boolean required,
        List<OptionGroup> groups,
        List<String> values,
        String placeholder,
        String error) {
      this(name, label, type, required, groups, values, placeholder, error, null);
    }

    /**
     * A field of a form being (re)drawn: its values are those already typed or stored under its
     * name, its error the one found for it on the last submit.
     */
    public static Field filled(
        String name,
        String label,
        FieldType type,
        boolean required,
        List<OptionGroup> groups,
        Map<String, List<String>> values,
        Map<String, String> errors,
        String placeholder) {
      return new Field(
          name,
          label,
          type,
          required,
          groups,
          values.getOrDefault(name, List.of()),
          placeholder,
          errors.get(name));
    }

    public Field withError(String message) {
      return new Field(name, label, type, required, groups, values, placeholder, message, query);
    }

    public Field withValues(List<String> v) {
      return new Field(name, label, type, required, groups, v, placeholder, error, query);
    }

    /** The name under which a {@link FieldType#SEARCH} field's search text is submitted. */
    public static String queryName(String field) {
      return field + ".q";
    }

    public List<Option> options() {
      return groups.stream().flatMap(g -> g.options().stream()).toList();
    }
  }

  /** The kinds of field every channel can render. */
  public enum FieldType {
    TEXT,
    LONG_TEXT,
    NUMBER,
    DATE,
    SELECT,
    MULTI_SELECT,
    /** A place typed as text, looked up in the gazetteer on submit (Slack: external select). */
    PLACE,
    /**
     * One choice among many, searched: in Slack an external select whose suggestions the engine
     * gives ({@link ConversationEngine#suggest}); in Teams (Adaptive Cards 1.5 have no typeahead
     * outside Teams' own data sets) and the try-it chat, a search box, the matching choices, and
     * the form's {@code submits} to search again.
     */
    SEARCH
  }
}
