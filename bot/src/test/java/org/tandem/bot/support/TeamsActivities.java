package org.tandem.bot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What Teams sends to the app's {@code /api/messages}: activities as the Bot Framework builds them,
 * posted with a token of the {@link FakeBotConnector}. A posted activity is answered after the 200,
 * by the inbox's worker: {@link #post(JsonNode, String)} waits until it is. One per test instance
 * (the port is the running app's).
 */
public final class TeamsActivities {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final String appId;
  private final FakeBotConnector connector;
  private final JdbcClient jdbc;
  private final HttpClient http = HttpClient.newHttpClient();

  public TeamsActivities(int port, String appId, FakeBotConnector connector, JdbcClient jdbc) {
    this.port = port;
    this.appId = appId;
    this.connector = connector;
    this.jdbc = jdbc;
  }

  /**
   * An activity from the Teams user {@code 29:user} (AAD object {@code aad}) of the AAD tenant
   * {@code tenant}, in their personal chat with the bot ({@code a:conv-user}) or in a new team
   * channel.
   */
  public ObjectNode activity(
      String type, String tenant, String user, String aad, String conversationType) {
    ObjectNode a = JSON.createObjectNode();
    a.put("type", type);
    a.put("id", "act-" + UUID.randomUUID());
    a.put("serviceUrl", connector.serviceUrl());
    a.put("channelId", "msteams");
    a.put("locale", "en-US");
    a.putObject("from").put("id", "29:" + user).put("aadObjectId", aad).put("name", "Ana Lopes");
    a.putObject("recipient").put("id", "28:" + appId).put("name", "Tandem");
    a.putObject("conversation")
        .put(
            "id",
            conversationType.equals("personal")
                ? "a:conv-" + user
                : "19:team-" + UUID.randomUUID() + "@thread.tacv2")
        .put("conversationType", conversationType)
        .put("tenantId", tenant);
    a.putObject("channelData").putObject("tenant").put("id", tenant);
    return a;
  }

  /** A message typed in the personal chat. */
  public ObjectNode message(String tenant, String user, String aad, String text) {
    ObjectNode m = activity("message", tenant, user, aad, "personal");
    m.put("text", text);
    return m;
  }

  /** Tandem added by {@code user}, as the installationUpdate Teams sends. */
  public ObjectNode installationUpdate(
      String tenant, String user, String aad, String conversationType) {
    ObjectNode a = activity("installationUpdate", tenant, user, aad, conversationType);
    a.put("action", "add");
    return a;
  }

  /** Posts {@code body} as it is, with {@code token} (none when null). */
  public HttpResponse<String> post(String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code activity}; once accepted (and not an invoke), waits until it is answered. */
  public HttpResponse<String> post(JsonNode activity, String token)
      throws IOException, InterruptedException {
    HttpResponse<String> response = post(JSON.writeValueAsString(activity), token);
    if (response.statusCode() == 200 && !activity.path("type").asText().equals("invoke")) {
      answered(activity.path("id").asText());
    }
    return response;
  }

  /** Posts {@code activity} with a valid token for the app, and waits until it is answered. */
  public HttpResponse<String> post(JsonNode activity) throws Exception {
    return post(activity, connector.token(appId));
  }

  /** Waits until the inbox's worker is done with the activity (or never took it). */
  public void answered(String activityId) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      String status =
          jdbc.sql(
                  "select coalesce(max(status), 'NONE') from inbox"
                      + " where channel = 'teams' and dedupe_key = ?")
              .param("activity:" + activityId)
              .query(String.class)
              .single();
      if (status.equals("DONE") || status.equals("FAILED") || status.equals("NONE")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("activity " + activityId + " was not answered");
  }
}
