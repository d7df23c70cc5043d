package org.tandem.bot.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A company's identity provider pushing its people to {@code /scim/v2/Users} with the bearer token
 * an admin got from "admin scim", as Entra ID sends them: email, name, site (the work address's
 * locality), country, department and line manager (the enterprise extension).
 */
public final class ScimClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private final int port;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  public ScimClient(int port, String token) {
    this.port = port;
    this.token = token;
  }

  /** Provisions one person; returns their SCIM id. {@code managerId} may be null. */
  public String user(String email, String name, String site, String department, String managerId)
      throws Exception {
    return user(email, name, site, department, managerId, null);
  }

  /**
   * The same with the {@code externalId} Entra ID sends when it maps it from the user's Azure AD
   * object id (null: none).
   */
  public String user(
      String email,
      String name,
      String site,
      String department,
      String managerId,
      String externalId)
      throws Exception {
    Map<String, Object> user = new LinkedHashMap<>();
    if (externalId != null) {
      user.put("externalId", externalId);
    }
    user.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE));
    user.put("userName", email);
    user.put("displayName", name);
    user.put("active", true);
    user.put("emails", List.of(Map.of("type", "work", "value", email, "primary", true)));
    user.put("addresses", List.of(Map.of("type", "work", "locality", site, "country", "LU")));
    Map<String, Object> enterprise = new LinkedHashMap<>();
    enterprise.put("department", department);
    if (managerId != null) {
      enterprise.put("manager", Map.of("value", managerId));
    }
    user.put(ENTERPRISE, enterprise);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scim/v2/Users"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).path("id").asText();
  }
}
