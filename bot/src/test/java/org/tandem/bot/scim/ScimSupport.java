package org.tandem.bot.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** An identity provider's HTTP client for the running app's {@code /scim/v2}, with one token. */
final class ScimSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SCIM = "application/scim+json";

  /** One answer: status, body as JSON (null when empty) and the Content-Type. */
  record Answer(int status, JsonNode body, String type, HttpResponse<String> raw) {
    String id() {
      return body.path("id").asText();
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;
  final String token;

  ScimSupport(int port, String token) {
    this.port = port;
    this.token = token;
  }

  ScimSupport withToken(String other) {
    return new ScimSupport(port, other);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  Answer get(String path) throws Exception {
    return send("GET", path, null);
  }

  Answer post(String path, String body) throws Exception {
    return send("POST", path, body);
  }

  Answer put(String path, String body) throws Exception {
    return send("PUT", path, body);
  }

  Answer patch(String path, String body) throws Exception {
    return send("PATCH", path, body);
  }

  Answer delete(String path) throws Exception {
    return send("DELETE", path, null);
  }

  Answer send(String method, String path, String body) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scim/v2" + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      r.header("Content-Type", SCIM);
    }
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Answer(
        response.statusCode(),
        json,
        response.headers().firstValue("Content-Type").orElse(""),
        response);
  }

  /** Entra ID's "Create User" request (Microsoft's SCIM endpoint guide), for this person. */
  static String entraUser(String userName, String email, String given, String family) {
    return """
        {
          "schemas": [
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "externalId": "%s",
          "userName": "%s",
          "active": true,
          "emails": [{"primary": true, "type": "work", "value": "%s"}],
          "meta": {"resourceType": "User"},
          "name": {"formatted": "%s %s", "familyName": "%s", "givenName": "%s"},
          "roles": []
        }"""
        .formatted("ext-" + userName.hashCode(), userName, email, given, family, family, given);
  }

  /** A PatchOp with these operations (a JSON list's items). */
  static String patchOp(String operations) {
    return """
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [%s]}"""
        .formatted(operations);
  }
}
