package org.tandem.bot.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.tandem.core.people.DirectoryAccount;

/**
 * A person as a SCIM User (RFC 7643 §4.1, with the enterprise extension §4.3), and back. Reading is
 * lenient the way identity providers need it: attribute names in any case, {@code "active":
 * "False"} as a string (Entra ID), the manager as an id, {@code {"value": id}} or a one-element
 * list. The site is the work address's {@code locality}, the country its {@code country}.
 */
final class ScimUsers {

  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final ObjectMapper JSON = new ObjectMapper();

  private ScimUsers() {}

  /** The account as the identity provider reads it; {@code base} ends in {@code /scim/v2}. */
  static ObjectNode render(DirectoryAccount a, String base) {
    ObjectNode u = JSON.createObjectNode();
    u.putArray("schemas").add(USER).add(ENTERPRISE);
    u.put("id", a.id());
    if (a.externalId() != null) {
      u.put("externalId", a.externalId());
    }
    u.put("userName", a.userName());
    ObjectNode name = u.putObject("name");
    if (a.givenName() != null) {
      name.put("givenName", a.givenName());
    }
    if (a.familyName() != null) {
      name.put("familyName", a.familyName());
    }
    name.put("formatted", a.displayName());
    u.put("displayName", a.displayName());
    if (a.email() != null) {
      u.putArray("emails")
          .addObject()
          .put("value", a.email())
          .put("type", "work")
          .put("primary", true);
    }
    if (a.locale() != null) {
      u.put("preferredLanguage", a.locale());
    }
    u.put("active", a.active());
    if (a.site() != null || a.country() != null) {
      ObjectNode address = u.putArray("addresses").addObject().put("type", "work");
      if (a.site() != null) {
        address.put("locality", a.site());
      }
      if (a.country() != null) {
        address.put("country", a.country());
      }
      address.put("primary", true);
    }
    ObjectNode enterprise = u.putObject(ENTERPRISE);
    if (a.department() != null) {
      enterprise.put("department", a.department());
    }
    if (a.managerId() != null) {
      ObjectNode manager = enterprise.putObject("manager").put("value", a.managerId());
      manager.put("$ref", base + "/Users/" + a.managerId());
      if (a.managerName() != null) {
        manager.put("displayName", a.managerName());
      }
    }
    ObjectNode meta = u.putObject("meta");
    meta.put("resourceType", "User");
    meta.put("created", a.created().toString());
    meta.put("lastModified", a.lastModified().toString());
    meta.put("location", base + "/Users/" + a.id());
    return u;
  }

  /** What a POST or PUT body (or a patched resource) says of the person. */
  static DirectoryAccount.Draft read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ScimError.invalidSyntax("The body must be a JSON object (a SCIM User).");
    }
    JsonNode name = field(body, "name");
    JsonNode email = pick(field(body, "emails"), "emails");
    JsonNode address = pick(field(body, "addresses"), "addresses");
    JsonNode enterprise = field(body, ENTERPRISE);
    if (enterprise != null && !enterprise.isObject()) {
      throw ScimError.invalidValue(ENTERPRISE + " must be an object.");
    }
    String displayName = text(body, "displayName");
    if (displayName == null && name != null) {
      displayName = text(name, "formatted");
    }
    String language = text(body, "preferredLanguage");
    return new DirectoryAccount.Draft(
        text(body, "userName"),
        text(body, "externalId"),
        name == null ? null : text(name, "givenName"),
        name == null ? null : text(name, "familyName"),
        displayName,
        email == null ? null : text(email, "value"),
        language != null ? language : text(body, "locale"),
        active(field(body, "active")),
        enterprise == null ? null : text(enterprise, "department"),
        address == null ? null : text(address, "locality"),
        address == null ? null : text(address, "country"),
        enterprise == null ? null : manager(field(enterprise, "manager")));
  }

  /** {@code true}, {@code "False"}, absent (active); anything else is refused. */
  static boolean active(JsonNode v) {
    if (v == null || v.isNull()) {
      return true;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      String s = v.textValue().strip().toLowerCase(Locale.ROOT);
      if (s.equals("true") || s.equals("false")) {
        return s.equals("true");
      }
    }
    throw ScimError.invalidValue("active must be true or false, not " + v);
  }

  /**
   * The manager's id: {@code "id"}, {@code {"value": "id"}}, {@code [{"value": "id"}]}, or none.
   */
  private static String manager(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      if (v.isEmpty()) {
        return null;
      }
      if (v.size() > 1) {
        throw ScimError.invalidValue("manager takes one value.");
      }
      return manager(v.get(0));
    }
    if (v.isObject()) {
      return text(v, "value");
    }
    if (v.isValueNode()) {
      return v.asText();
    }
    throw ScimError.invalidValue("manager must be an id or {\"value\": id}.");
  }

  /** Of a multi-valued attribute: the primary value, else the work one, else the first. */
  private static JsonNode pick(JsonNode values, String attribute) {
    if (values == null || values.isNull()) {
      return null;
    }
    if (!values.isArray()) {
      throw ScimError.invalidValue(attribute + " must be a list.");
    }
    JsonNode work = null;
    for (JsonNode v : values) {
      if (!v.isObject()) {
        throw ScimError.invalidValue(attribute + " must hold objects.");
      }
      JsonNode primary = field(v, "primary");
      if (primary != null && primary.asText().equalsIgnoreCase("true")) {
        return v;
      }
      if (work == null && "work".equalsIgnoreCase(text(v, "type"))) {
        work = v;
      }
    }
    return work != null ? work : values.isEmpty() ? null : values.get(0);
  }

  /** A member of an object, whatever the case of its name. */
  static JsonNode field(JsonNode object, String name) {
    if (object == null || !object.isObject()) {
      return null;
    }
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The member's name as the object spells it, or null. */
  static String key(JsonNode object, String name) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (k.equalsIgnoreCase(name)) {
        return k;
      }
    }
    return null;
  }

  private static String text(JsonNode object, String name) {
    JsonNode v = field(object, name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray() || v.isObject()) {
      throw ScimError.invalidValue(name + " must be a single value.");
    }
    return v.asText();
  }
}
