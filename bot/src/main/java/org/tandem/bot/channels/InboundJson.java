package org.tandem.bot.channels;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Checks shared by the channels on what a platform sent, before anything is stored. PostgreSQL
 * refuses a NUL character in text, so a body carrying one (in an id, a name or a message) would
 * fail half-way with a 500: it is refused whole, up front, as bad input.
 */
public final class InboundJson {

  /** Deeper than any Slack or Teams payload: a body nested further is not theirs. */
  static final int MAX_DEPTH = 64;

  private InboundJson() {}

  /** True when every name and text in the tree is free of NUL and the tree is not absurdly deep. */
  public static boolean clean(JsonNode node) {
    return clean(node, 0);
  }

  /** True when the text holds no NUL (and is not null). */
  public static boolean clean(String text) {
    return text != null && text.indexOf('\u0000') < 0;
  }

  private static boolean clean(JsonNode node, int depth) {
    if (node == null) {
      return true;
    }
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (node.isTextual()) {
      return clean(node.asText());
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!clean(e.getKey()) || !clean(e.getValue(), depth + 1)) {
          return false;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (!clean(item, depth + 1)) {
          return false;
        }
      }
    }
    return true;
  }
}
