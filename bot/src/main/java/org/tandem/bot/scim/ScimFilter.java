package org.tandem.bot.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tandem.core.people.DirectoryQuery;
import org.tandem.core.people.DirectoryQuery.Field;
import org.tandem.core.people.DirectoryQuery.Op;

/**
 * RFC 7644 §3.4.2.2 filters, the subset identity providers send: {@code eq}, {@code sw}, {@code co}
 * and {@code pr} on {@code userName}, {@code externalId}, {@code displayName}, {@code emails.value}
 * (also {@code emails[type eq "work"].value}), {@code id} and {@code active} (eq only), joined by
 * {@code and} and {@code or} with parentheses. Names and operators in any case.
 */
final class ScimFilter {

  static final int MAX_LENGTH = 2000;

  private final String text;
  private int at;
  private int depth;

  private ScimFilter(String text) {
    this.text = text;
  }

  static DirectoryQuery parse(String filter) {
    if (filter == null || filter.isBlank()) {
      return DirectoryQuery.ALL;
    }
    if (filter.length() > MAX_LENGTH) {
      throw ScimError.invalidFilter("The filter is longer than " + MAX_LENGTH + " characters.");
    }
    ScimFilter p = new ScimFilter(filter);
    DirectoryQuery q = p.or();
    p.space();
    if (p.at < filter.length()) {
      throw ScimError.invalidFilter("Unexpected \"" + filter.substring(p.at) + "\" in the filter.");
    }
    return q;
  }

  private DirectoryQuery or() {
    List<DirectoryQuery> any = new ArrayList<>();
    any.add(and());
    while (word("or")) {
      any.add(and());
    }
    return any.size() == 1 ? any.get(0) : new DirectoryQuery.Any(any);
  }

  private DirectoryQuery and() {
    List<DirectoryQuery> all = new ArrayList<>();
    all.add(factor());
    while (word("and")) {
      all.add(factor());
    }
    return all.size() == 1 ? all.get(0) : new DirectoryQuery.All(all);
  }

  private DirectoryQuery factor() {
    space();
    if (at < text.length() && text.charAt(at) == '(') {
      if (++depth > 20) {
        throw ScimError.invalidFilter("The filter nests too deep.");
      }
      at++;
      DirectoryQuery inner = or();
      space();
      if (at >= text.length() || text.charAt(at) != ')') {
        throw ScimError.invalidFilter("A parenthesis is not closed.");
      }
      at++;
      depth--;
      return inner;
    }
    String attribute = attribute();
    Field field = field(attribute);
    String op = token().toLowerCase(Locale.ROOT);
    if (op.equals("pr")) {
      return new DirectoryQuery.Compare(field, Op.PRESENT, null);
    }
    Op how =
        switch (op) {
          case "eq" -> Op.EQ;
          case "sw" -> Op.SW;
          case "co" -> Op.CO;
          default ->
              throw ScimError.invalidFilter(
                  "The operator \"" + op + "\" is not supported: use eq, sw, co, pr, and, or.");
        };
    String value = value();
    if (field == Field.ACTIVE && (how != Op.EQ || !List.of("true", "false").contains(value))) {
      throw ScimError.invalidFilter("active takes eq true or eq false.");
    }
    return new DirectoryQuery.Compare(field, how, value);
  }

  private static Field field(String attribute) {
    String a = attribute.toLowerCase(Locale.ROOT);
    String core = ScimUsers.USER.toLowerCase(Locale.ROOT) + ":";
    if (a.startsWith(core)) {
      a = a.substring(core.length());
    }
    if (a.matches("emails\\[\\s*type\\s+eq\\s+\"work\"\\s*\\]\\.value")) {
      return Field.EMAIL;
    }
    return switch (a) {
      case "username" -> Field.USER_NAME;
      case "externalid" -> Field.EXTERNAL_ID;
      case "displayname" -> Field.DISPLAY_NAME;
      case "emails", "emails.value" -> Field.EMAIL;
      case "id" -> Field.ID;
      case "active" -> Field.ACTIVE;
      default ->
          throw ScimError.invalidFilter(
              "Filtering on \""
                  + attribute
                  + "\" is not supported: userName, externalId, displayName, emails.value, id,"
                  + " active.");
    };
  }

  /** An attribute path, which may hold a bracketed value filter with spaces and quotes. */
  private String attribute() {
    space();
    int start = at;
    boolean quoted = false;
    int brackets = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (quoted) {
        if (c == '\\') {
          at++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '[') {
        brackets++;
      } else if (c == ']') {
        brackets--;
      } else if ((Character.isWhitespace(c) || c == '(' || c == ')') && brackets == 0) {
        break;
      }
      at++;
    }
    if (start == at) {
      throw ScimError.invalidFilter("An attribute name is missing in the filter.");
    }
    return text.substring(start, at);
  }

  private String token() {
    space();
    int start = at;
    while (at < text.length()
        && !Character.isWhitespace(text.charAt(at))
        && text.charAt(at) != ')'
        && text.charAt(at) != '(') {
      at++;
    }
    if (start == at) {
      throw ScimError.invalidFilter("The filter ends too soon.");
    }
    return text.substring(start, at);
  }

  /** A JSON string, or true, false, null or a number as written. */
  private String value() {
    space();
    if (at < text.length() && text.charAt(at) == '"') {
      int start = at++;
      while (at < text.length() && text.charAt(at) != '"') {
        if (text.charAt(at) == '\\') {
          at++;
        }
        at++;
      }
      if (at >= text.length()) {
        throw ScimError.invalidFilter("A quoted value is not closed.");
      }
      at++;
      try {
        return ScimUsers.JSON.readValue(text.substring(start, at), String.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw ScimError.invalidFilter("Cannot read the value " + text.substring(start, at));
      }
    }
    String v = token();
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false") || v.matches("-?\\d+(\\.\\d+)?")) {
      return lower;
    }
    throw ScimError.invalidFilter("Values are quoted strings, true, false or numbers: " + v);
  }

  private boolean word(String w) {
    space();
    int end = at + w.length();
    if (end < text.length()
        && text.regionMatches(true, at, w, 0, w.length())
        && Character.isWhitespace(text.charAt(end))) {
      at = end;
      return true;
    }
    return false;
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }
}
