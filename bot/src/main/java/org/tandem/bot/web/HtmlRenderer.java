package org.tandem.bot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
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
 * Renders a reply as HTML for the try-it chat. Every piece of text is escaped: what people and
 * associations typed is shown, never run.
 */
@Component
class HtmlRenderer {

  private static final ObjectMapper JSON = new ObjectMapper();

  String render(Reply reply) {
    StringBuilder html = new StringBuilder("<div class=\"reply\">");
    for (Reply.Part part : reply.parts()) {
      if (part instanceof Notice n) {
        html.append("<div class=\"notice ")
            .append(n.level().name().toLowerCase(java.util.Locale.ROOT))
            .append("\">")
            .append(text(n.text()))
            .append("</div>");
      } else if (part instanceof Card c) {
        card(html, c);
      } else if (part instanceof Form f) {
        form(html, f);
      } else if (part instanceof Reply.File f) {
        file(html, f);
      } else if (part instanceof Reply.Code c) {
        html.append("<div class=\"code\"><div class=\"card-title\">")
            .append(escape(c.label()))
            .append("</div><code>")
            .append(escape(c.text()))
            .append("</code></div>");
      } else if (part instanceof More m) {
        html.append("<div class=\"more\">")
            .append(button(m.label(), m.actionId(), m.data(), "more"))
            .append("</div>");
      }
    }
    return html.append("</div>").toString();
  }

  /** A chart shows inline; a CSV is a download link. */
  private void file(StringBuilder html, Reply.File f) {
    if (f.isImage()) {
      html.append("<figure class=\"file\"><img src=\"")
          .append(escape(url(f.path())))
          .append("\" alt=\"")
          .append(escape(f.title()))
          .append("\"><figcaption>")
          .append(escape(f.title()))
          .append("</figcaption></figure>");
    } else {
      html.append("<div class=\"file\"><a href=\"")
          .append(escape(url(f.path())))
          .append("\" download=\"")
          .append(escape(f.name()))
          .append("\">")
          .append(escape(f.title()))
          .append(" — ")
          .append(escape(f.name()))
          .append("</a></div>");
    }
  }

  private void card(StringBuilder html, Card c) {
    html.append("<div class=\"card\"><div class=\"card-title\">")
        .append(escape(c.title()))
        .append("</div>");
    if (c.subtitle() != null && !c.subtitle().isBlank()) {
      html.append("<div class=\"card-subtitle\">").append(escape(c.subtitle())).append("</div>");
    }
    if (!c.facts().isEmpty()) {
      html.append("<dl class=\"facts\">");
      for (Fact f : c.facts()) {
        html.append("<dt>")
            .append(escape(f.label()))
            .append("</dt><dd>")
            .append(escape(f.value()))
            .append("</dd>");
      }
      html.append("</dl>");
    }
    if (c.text() != null && !c.text().isBlank()) {
      html.append("<div class=\"card-text\">").append(text(c.text())).append("</div>");
    }
    if (c.image() != null) {
      html.append("<img class=\"card-image\" src=\"")
          .append(escape(url(c.image().url())))
          .append("\" alt=\"")
          .append(escape(c.image().altText()))
          .append("\">");
    }
    if (!c.buttons().isEmpty()) {
      html.append("<div class=\"buttons\">");
      for (Button b : c.buttons()) {
        html.append(
            button(
                b.label(),
                b.actionId(),
                b.data(),
                b.style().name().toLowerCase(java.util.Locale.ROOT)));
      }
      html.append("</div>");
    }
    html.append("</div>");
  }

  private void form(StringBuilder html, Form f) {
    html.append("<form class=\"card form\" data-form=\"")
        .append(escape(f.id()))
        .append("\" data-context=\"")
        .append(escape(json(f.context())))
        .append("\" novalidate>");
    html.append("<div class=\"card-title\">").append(escape(f.title())).append("</div>");
    if (f.intro() != null && !f.intro().isBlank()) {
      html.append("<div class=\"card-text")
          .append(f.hasErrors() ? " warning" : "")
          .append("\">")
          .append(text(f.intro()))
          .append("</div>");
    }
    for (Field field : f.fields()) {
      field(html, field);
    }
    html.append("<div class=\"buttons\"><button type=\"submit\" class=\"primary\">")
        .append(escape(f.submitLabel()))
        .append("</button>");
    for (Button b : f.submits()) {
      // Submits the form as it is, its data added to the context (the page's script reads it).
      html.append("<button type=\"submit\" class=\"default\" data-via=\"")
          .append(escape(json(b.data())))
          .append("\">")
          .append(escape(b.label()))
          .append("</button>");
    }
    html.append("</div></form>");
  }

  private void field(StringBuilder html, Field field) {
    String id = "f-" + field.name();
    String value = field.values().isEmpty() ? "" : field.values().get(0);
    html.append("<div class=\"field")
        .append(field.error() != null ? " invalid" : "")
        .append("\" data-field=\"")
        .append(escape(field.name()))
        .append("\" data-type=\"")
        .append(field.type().name())
        .append("\">");
    html.append("<label>")
        .append(escape(field.label()))
        .append(field.required() ? " <span class=\"req\">*</span>" : "")
        .append("</label>");
    String placeholder =
        field.placeholder() == null ? "" : " placeholder=\"" + escape(field.placeholder()) + "\"";
    boolean choices =
        field.type() == Reply.FieldType.SELECT
            || field.type() == Reply.FieldType.MULTI_SELECT
            || field.type() == Reply.FieldType.SEARCH;
    if (field.type() == Reply.FieldType.SEARCH) {
      html.append("<input type=\"search\" name=\"")
          .append(escape(Field.queryName(field.name())))
          .append("\" value=\"")
          .append(escape(field.query() == null ? "" : field.query()))
          .append("\"")
          .append(field.options().isEmpty() ? "" : placeholder)
          .append(" maxlength=\"100\">");
    }
    if (choices && field.options().isEmpty()) {
      // Never a select without options: the field's note says why there are none.
      html.append("<div class=\"note\">")
          .append(escape(field.placeholder() == null ? "—" : field.placeholder()))
          .append("</div>");
    } else {
      input(html, field, value, placeholder);
    }
    if (field.error() != null) {
      html.append("<div class=\"error\">").append(escape(field.error())).append("</div>");
    }
    html.append("</div>");
  }

  private static void input(StringBuilder html, Field field, String value, String placeholder) {
    switch (field.type()) {
      case TEXT, PLACE ->
          html.append("<input type=\"text\" name=\"")
              .append(escape(field.name()))
              .append("\" value=\"")
              .append(escape(value))
              .append("\"")
              .append(placeholder)
              .append(" maxlength=\"3000\">");
      case NUMBER ->
          html.append("<input type=\"text\" inputmode=\"decimal\" name=\"")
              .append(escape(field.name()))
              .append("\" value=\"")
              .append(escape(value))
              .append("\"")
              .append(placeholder)
              .append(">");
      case DATE ->
          html.append("<input type=\"date\" name=\"")
              .append(escape(field.name()))
              .append("\" value=\"")
              .append(escape(value))
              .append("\">");
      case LONG_TEXT ->
          html.append("<textarea name=\"")
              .append(escape(field.name()))
              .append("\" rows=\"3\" maxlength=\"3000\">")
              .append(escape(value))
              .append("</textarea>");
      case SELECT, SEARCH -> {
        html.append("<select name=\"").append(escape(field.name())).append("\">");
        if (value.isEmpty()) {
          html.append("<option value=\"\"></option>");
        }
        options(html, field.groups(), field.values());
        html.append("</select>");
      }
      case MULTI_SELECT -> {
        html.append("<div class=\"checks\">");
        for (OptionGroup g : field.groups()) {
          if (!g.label().isBlank()) {
            html.append("<div class=\"group\">").append(escape(g.label())).append("</div>");
          }
          for (Option o : g.options()) {
            html.append("<label class=\"check\"><input type=\"checkbox\" name=\"")
                .append(escape(field.name()))
                .append("\" value=\"")
                .append(escape(o.value()))
                .append("\"")
                .append(field.values().contains(o.value()) ? " checked" : "")
                .append("> ")
                .append(escape(o.label()))
                .append("</label>");
          }
        }
        html.append("</div>");
      }
    }
  }

  private static void options(StringBuilder html, List<OptionGroup> groups, List<String> selected) {
    for (OptionGroup g : groups) {
      boolean grouped = !g.label().isBlank();
      if (grouped) {
        html.append("<optgroup label=\"").append(escape(g.label())).append("\">");
      }
      for (Option o : g.options()) {
        html.append("<option value=\"")
            .append(escape(o.value()))
            .append("\"")
            .append(selected.contains(o.value()) ? " selected" : "")
            .append(">")
            .append(escape(o.label()))
            .append("</option>");
      }
      if (grouped) {
        html.append("</optgroup>");
      }
    }
  }

  private static String button(
      String label, String actionId, Map<String, String> data, String style) {
    return "<button type=\"button\" class=\""
        + style
        + "\" data-action=\""
        + escape(actionId)
        + "\" data-data=\""
        + escape(json(data))
        + "\">"
        + escape(label)
        + "</button>";
  }

  /**
   * Escaped text with the sentence's own bold ({@link Markup}) and line breaks; a star typed in a
   * name stays a star.
   */
  static String text(String s) {
    return Markup.bold(htmlEscape(s), "<b>", "</b>").replace("\n", "<br>");
  }

  /**
   * Only addresses of this site or of the web go into {@code src} and {@code href}: a {@code
   * javascript:} or {@code data:} one, whoever made it, becomes an inert {@code #}.
   */
  static String url(String u) {
    if (u == null) {
      return "#";
    }
    String lower = u.strip().toLowerCase(java.util.Locale.ROOT);
    boolean local = lower.startsWith("/") && !lower.startsWith("//") && !lower.startsWith("/\\");
    return local || lower.startsWith("https://") || lower.startsWith("http://") ? u.strip() : "#";
  }

  static String escape(String s) {
    return htmlEscape(Markup.plain(s));
  }

  private static String htmlEscape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private static String json(Map<String, String> data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
