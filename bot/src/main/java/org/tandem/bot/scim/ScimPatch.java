package org.tandem.bot.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 7644 §3.5.2 PATCH, applied to the User's JSON, which is then read as a PUT would be. Accepts
 * what Entra ID and Okta send: {@code op} in any case ("Replace"), attribute names in any case,
 * paths with the schema's URN ({@code urn:...:enterprise:2.0:User:department}), value filters on
 * multi-valued attributes ({@code emails[type eq "work"].value}, created when missing), and
 * operations without a path whose value's keys are themselves paths. A multi-valued attribute given
 * whole (no filter) is replaced whole: Tandem keeps one email and one work address.
 */
final class ScimPatch {

  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private static final Pattern PATH =
      Pattern.compile(
          "([A-Za-z$][\\w$-]*)(?:\\[\\s*([A-Za-z][\\w.]*)\\s+(?i:eq)\\s+(.+?)\\s*\\])?(?:\\.([A-Za-z$][\\w$-]*))?");

  /** Names as RFC 7643 spells them, for attributes a patch creates. */
  private static final Map<String, String> CANONICAL =
      Map.ofEntries(
          Map.entry("username", "userName"),
          Map.entry("externalid", "externalId"),
          Map.entry("displayname", "displayName"),
          Map.entry("givenname", "givenName"),
          Map.entry("familyname", "familyName"),
          Map.entry("preferredlanguage", "preferredLanguage"),
          Map.entry("emails", "emails"),
          Map.entry("addresses", "addresses"),
          Map.entry("active", "active"),
          Map.entry("name", "name"),
          Map.entry("department", "department"),
          Map.entry("manager", "manager"));

  private ScimPatch() {}

  /** The path of one operation: in the enterprise extension or not, attribute, filter, sub. */
  record Path(
      boolean enterprise, String attribute, String filterOn, String filterValue, String sub) {}

  /** Applies a PatchOp body to {@code user} (changed in place). */
  static void apply(ObjectNode user, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ScimError.invalidSyntax("The body must be a JSON object (a SCIM PatchOp).");
    }
    JsonNode operations = ScimUsers.field(body, "Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw ScimError.invalidSyntax("A PatchOp needs a non-empty \"Operations\" list.");
    }
    for (JsonNode op : operations) {
      if (!op.isObject()) {
        throw ScimError.invalidSyntax("Each operation must be an object.");
      }
      JsonNode kind = ScimUsers.field(op, "op");
      String name = kind == null || !kind.isTextual() ? "" : kind.textValue();
      name = name.toLowerCase(Locale.ROOT);
      if (!List.of("add", "replace", "remove").contains(name)) {
        throw ScimError.invalidSyntax("op must be add, replace or remove, not \"" + name + "\".");
      }
      JsonNode pathNode = ScimUsers.field(op, "path");
      JsonNode value = ScimUsers.field(op, "value");
      if (pathNode == null || pathNode.isNull() || pathNode.asText().isBlank()) {
        if (name.equals("remove")) {
          throw new ScimError(400, "noTarget", "remove needs a path.");
        }
        if (value == null || !value.isObject()) {
          throw ScimError.invalidValue("Without a path, value must be an object of attributes.");
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          if (e.getKey().equalsIgnoreCase(ScimUsers.ENTERPRISE) && e.getValue().isObject()) {
            for (Map.Entry<String, JsonNode> x : e.getValue().properties()) {
              set(user, path(ScimUsers.ENTERPRISE + ":" + x.getKey()), x.getValue());
            }
          } else {
            set(user, path(e.getKey()), e.getValue());
          }
        }
      } else if (name.equals("remove")) {
        remove(user, path(pathNode.asText()));
      } else {
        if (value == null) {
          throw ScimError.invalidValue(name + " needs a value.");
        }
        set(user, path(pathNode.asText()), value);
      }
    }
  }

  static Path path(String raw) {
    String p = raw.strip();
    String lower = p.toLowerCase(Locale.ROOT);
    boolean enterprise = false;
    if (lower.startsWith(ScimUsers.USER.toLowerCase(Locale.ROOT) + ":")) {
      p = p.substring(ScimUsers.USER.length() + 1);
    } else if (lower.startsWith(ScimUsers.ENTERPRISE.toLowerCase(Locale.ROOT) + ":")) {
      p = p.substring(ScimUsers.ENTERPRISE.length() + 1);
      enterprise = true;
    }
    Matcher m = PATH.matcher(p);
    if (!m.matches()) {
      throw ScimError.invalidPath("Cannot read the path \"" + raw + "\".");
    }
    String filterValue = m.group(3);
    if (filterValue != null && filterValue.startsWith("\"")) {
      try {
        filterValue = ScimUsers.JSON.readValue(filterValue, String.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw ScimError.invalidPath("Cannot read the value filter of \"" + raw + "\".");
      }
    }
    // "manager" and "department" are the enterprise extension's, whether the path says so or not.
    enterprise |= List.of("manager", "department").contains(m.group(1).toLowerCase(Locale.ROOT));
    return new Path(enterprise, m.group(1), m.group(2), filterValue, m.group(4));
  }

  private static boolean readOnly(Path p) {
    return !p.enterprise()
        && List.of("id", "meta", "schemas").contains(p.attribute().toLowerCase(Locale.ROOT));
  }

  private static ObjectNode container(ObjectNode user, Path p, boolean create) {
    if (!p.enterprise()) {
      return user;
    }
    String key = ScimUsers.key(user, ScimUsers.ENTERPRISE);
    JsonNode ext = key == null ? null : user.get(key);
    if (ext instanceof ObjectNode o) {
      return o;
    }
    return create ? user.putObject(ScimUsers.ENTERPRISE) : null;
  }

  private static String name(ObjectNode object, String attribute) {
    String key = ScimUsers.key(object, attribute);
    return key != null
        ? key
        : CANONICAL.getOrDefault(attribute.toLowerCase(Locale.ROOT), attribute);
  }

  private static void set(ObjectNode user, Path p, JsonNode value) {
    if (readOnly(p)) {
      return;
    }
    ObjectNode c = container(user, p, true);
    String attr = name(c, p.attribute());
    JsonNode current = c.get(attr);
    if (p.filterOn() != null) {
      ArrayNode list = current instanceof ArrayNode a ? a : c.putArray(attr);
      List<ObjectNode> matching = matching(list, p);
      if (matching.isEmpty()) {
        ObjectNode created = list.addObject();
        String v = p.filterValue();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
          created.put(p.filterOn(), Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
        } else {
          created.put(p.filterOn(), v);
        }
        matching = List.of(created);
      }
      for (ObjectNode element : matching) {
        setIn(element, p.sub(), value);
      }
      return;
    }
    if (p.sub() != null) {
      if (current instanceof ArrayNode list) {
        // "emails.value", "addresses.locality": the one value Tandem keeps.
        ObjectNode element =
            list.isEmpty() || !(list.get(0) instanceof ObjectNode)
                ? list.addObject().put("type", "work").put("primary", true)
                : primaryOf(list);
        element.set(name(element, p.sub()), value);
        return;
      }
      ObjectNode object = current instanceof ObjectNode o ? o : c.putObject(attr);
      object.set(name(object, p.sub()), value);
      return;
    }
    if (value.isObject()
        && current instanceof ObjectNode object
        && !attr.equalsIgnoreCase("manager")) {
      // A complex attribute ("name"): the sub-attributes given replace theirs.
      value.properties().forEach(e -> object.set(name(object, e.getKey()), e.getValue()));
      return;
    }
    c.set(attr, value);
  }

  private static void setIn(ObjectNode element, String sub, JsonNode value) {
    if (sub == null) {
      if (!value.isObject()) {
        throw ScimError.invalidValue("A filtered value must be an object.");
      }
      value.properties().forEach(e -> element.set(name(element, e.getKey()), e.getValue()));
    } else {
      element.set(name(element, sub), value);
    }
  }

  private static void remove(ObjectNode user, Path p) {
    if (readOnly(p)) {
      return;
    }
    ObjectNode c = container(user, p, false);
    if (c == null) {
      return;
    }
    String attr = name(c, p.attribute());
    JsonNode current = c.get(attr);
    if (current == null) {
      return;
    }
    if (p.filterOn() != null) {
      if (!(current instanceof ArrayNode list)) {
        return;
      }
      List<ObjectNode> matching = matching(list, p);
      if (p.sub() == null) {
        for (int i = list.size() - 1; i >= 0; i--) {
          if (matching.contains(list.get(i))) {
            list.remove(i);
          }
        }
      } else {
        matching.forEach(e -> e.remove(name(e, p.sub())));
      }
      return;
    }
    if (p.sub() == null) {
      c.remove(attr);
    } else if (current instanceof ObjectNode o) {
      o.remove(name(o, p.sub()));
    } else if (current instanceof ArrayNode list) {
      for (JsonNode e : list) {
        if (e instanceof ObjectNode o) {
          o.remove(name(o, p.sub()));
        }
      }
    }
  }

  private static List<ObjectNode> matching(ArrayNode list, Path p) {
    List<ObjectNode> found = new ArrayList<>();
    for (JsonNode e : list) {
      JsonNode v = ScimUsers.field(e, p.filterOn());
      if (e instanceof ObjectNode o && v != null && v.asText().equalsIgnoreCase(p.filterValue())) {
        found.add(o);
      }
    }
    return found;
  }

  private static ObjectNode primaryOf(ArrayNode list) {
    for (JsonNode e : list) {
      JsonNode primary = ScimUsers.field(e, "primary");
      if (e instanceof ObjectNode o && primary != null && primary.asText().equals("true")) {
        return o;
      }
    }
    return (ObjectNode) list.get(0);
  }
}
