package org.tandem.bot.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code attributes} and {@code excludedAttributes} (RFC 7644 §3.4.2.5): which attributes of a User
 * to return. {@code id} and {@code schemas} are always returned. Names are case-insensitive and may
 * carry their schema's URN ({@code urn:...:enterprise:2.0:User:department}) or name a sub-attribute
 * ({@code name.givenName}, {@code emails.value}).
 */
final class ScimAttributes {

  private record Wanted(String top, String sub) {}

  private ScimAttributes() {}

  static ObjectNode project(ObjectNode user, String attributes, String excluded) {
    if (attributes != null && !attributes.isBlank()) {
      return only(user, parse(attributes));
    }
    if (excluded != null && !excluded.isBlank()) {
      return without(user, parse(excluded));
    }
    return user;
  }

  private static List<Wanted> parse(String list) {
    List<Wanted> wanted = new ArrayList<>();
    for (String raw : list.split(",")) {
      String a = raw.strip();
      if (a.isEmpty()) {
        continue;
      }
      String lower = a.toLowerCase(Locale.ROOT);
      String core = ScimUsers.USER.toLowerCase(Locale.ROOT) + ":";
      String ext = ScimUsers.ENTERPRISE.toLowerCase(Locale.ROOT);
      if (lower.startsWith(core)) {
        a = a.substring(core.length());
      } else if (lower.equals(ext)) {
        wanted.add(new Wanted(ScimUsers.ENTERPRISE, null));
        continue;
      } else if (lower.startsWith(ext + ":")) {
        wanted.add(new Wanted(ScimUsers.ENTERPRISE, a.substring(ext.length() + 1)));
        continue;
      }
      int dot = a.indexOf('.');
      wanted.add(
          dot < 0 ? new Wanted(a, null) : new Wanted(a.substring(0, dot), a.substring(dot + 1)));
    }
    return wanted;
  }

  private static ObjectNode only(ObjectNode user, List<Wanted> wanted) {
    ObjectNode out = ScimUsers.JSON.createObjectNode();
    out.set("schemas", user.get("schemas"));
    out.set("id", user.get("id"));
    for (Wanted w : wanted) {
      String key = ScimUsers.key(user, w.top());
      if (key == null || key.equals("id") || key.equals("schemas")) {
        continue;
      }
      JsonNode v = user.get(key);
      if (w.sub() == null) {
        out.set(key, v);
      } else if (v instanceof ObjectNode o) {
        String sub = ScimUsers.key(o, w.sub());
        if (sub != null) {
          ObjectNode target = out.get(key) instanceof ObjectNode t ? t : out.putObject(key);
          target.set(sub, o.get(sub));
        }
      } else if (v instanceof ArrayNode list) {
        ArrayNode target = out.putArray(key);
        for (JsonNode e : list) {
          String sub = ScimUsers.key(e, w.sub());
          if (sub != null) {
            target.addObject().set(sub, e.get(sub));
          }
        }
      }
    }
    return out;
  }

  private static ObjectNode without(ObjectNode user, List<Wanted> excluded) {
    ObjectNode out = user.deepCopy();
    for (Wanted w : excluded) {
      String key = ScimUsers.key(out, w.top());
      if (key == null || key.equals("id") || key.equals("schemas")) {
        continue;
      }
      JsonNode v = out.get(key);
      if (w.sub() == null) {
        out.remove(key);
      } else if (v instanceof ObjectNode o) {
        String sub = ScimUsers.key(o, w.sub());
        if (sub != null) {
          o.remove(sub);
        }
      } else if (v instanceof ArrayNode list) {
        for (JsonNode e : list) {
          String sub = ScimUsers.key(e, w.sub());
          if (sub != null) {
            ((ObjectNode) e).remove(sub);
          }
        }
      }
    }
    return out;
  }
}
