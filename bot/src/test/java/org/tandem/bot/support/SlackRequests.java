package org.tandem.bot.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What Slack sends to the app's {@code /slack/events}: slash commands, interactions (block actions,
 * view submissions) and Events API envelopes, signed as Slack signs them. Answers go to response
 * URLs of the given {@link FakeSlackApi}. One per test instance (the port is the running app's).
 */
public final class SlackRequests {

  public static final String FORM = "application/x-www-form-urlencoded";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final String secret;
  private final FakeSlackApi slack;
  private final HttpClient http = HttpClient.newHttpClient();

  public SlackRequests(int port, String secret, FakeSlackApi slack) {
    this.port = port;
    this.secret = secret;
    this.slack = slack;
  }

  /** Posts {@code body} with the given timestamp and signature header, as they are. */
  public HttpResponse<String> post(
      String body,
      String contentType,
      long timestamp,
      String signature,
      Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/events"))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(r::header);
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The signature Slack would send for {@code body} at {@code timestamp}, with this secret. */
  public String signature(long timestamp, String body) {
    return SlackSigner.sign(secret, Long.toString(timestamp), body);
  }

  public HttpResponse<String> signed(String body, String contentType, Map<String, String> headers)
      throws IOException, InterruptedException {
    long ts = Instant.now().getEpochSecond();
    return post(body, contentType, ts, signature(ts, body), headers);
  }

  public HttpResponse<String> signed(String body, String contentType)
      throws IOException, InterruptedException {
    return signed(body, contentType, Map.of());
  }

  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The form body of {@code /tandem text}; the answer goes to the response URL {@code name}. */
  public String commandBody(String team, String userId, String text, String responseName) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", "legacy");
    f.put("team_id", team);
    f.put("team_domain", "acme");
    f.put("channel_id", "C12345678");
    f.put("channel_name", "general");
    f.put("user_id", userId);
    f.put("user_name", userId.toLowerCase(Locale.ROOT));
    f.put("command", "/tandem");
    f.put("text", text);
    f.put("response_url", slack.responseUrl(responseName));
    f.put("trigger_id", "123." + UUID.randomUUID());
    return form(f);
  }

  public HttpResponse<String> command(String team, String userId, String text, String responseName)
      throws IOException, InterruptedException {
    return signed(commandBody(team, userId, text, responseName), FORM);
  }

  public static String interactionBody(Object payload) throws JsonProcessingException {
    return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
  }

  public HttpResponse<String> interaction(Object payload) throws IOException, InterruptedException {
    return signed(interactionBody(payload), FORM);
  }

  /** A button click by a member of {@code team}, in a direct message with the bot. */
  public Map<String, Object> blockAction(
      String team, String userId, String actionId, Map<String, String> data, String responseName)
      throws JsonProcessingException {
    return blockAction(team, team, userId, "D0DM", actionId, data, responseName);
  }

  /** A button click in {@code channel} by a person whose own workspace is {@code userTeam}. */
  public Map<String, Object> blockAction(
      String team,
      String userTeam,
      String userId,
      String channel,
      String actionId,
      Map<String, String> data,
      String responseName)
      throws JsonProcessingException {
    return Map.of(
        "type", "block_actions",
        "team", Map.of("id", team, "domain", "acme"),
        "user", Map.of("id", userId, "username", "ana", "team_id", userTeam),
        "api_app_id", "A0TANDEM",
        "trigger_id", "456." + UUID.randomUUID(),
        "response_url", slack.responseUrl(responseName),
        "channel",
            Map.of("id", channel, "name", channel.startsWith("D") ? "directmessage" : "shared"),
        "actions",
            List.of(
                Map.of(
                    "type", "button",
                    "action_id", actionId,
                    "block_id", "b1",
                    "value", JSON.writeValueAsString(data),
                    "action_ts", "1548426417.840180")));
  }

  /** A modal's submission as Slack sends it, with the view's {@code state} as given. */
  public static Map<String, Object> viewSubmission(
      String team, String userId, String viewId, String callbackId, Map<String, Object> state) {
    return Map.of(
        "type",
        "view_submission",
        "team",
        Map.of("id", team, "domain", "acme"),
        "user",
        Map.of("id", userId, "username", "ana", "team_id", team),
        "api_app_id",
        "A0TANDEM",
        "trigger_id",
        "789." + UUID.randomUUID(),
        "view",
        Map.of(
            "id",
            viewId,
            "type",
            "modal",
            "callback_id",
            callbackId,
            "private_metadata",
            "{}",
            "state",
            state));
  }

  /** An Events API envelope for {@code event} in {@code team}, as JSON. */
  public static String eventBody(String team, String eventId, Map<String, Object> event)
      throws JsonProcessingException {
    return JSON.writeValueAsString(
        Map.of(
            "token",
            "verification_token",
            "team_id",
            team,
            "api_app_id",
            "A0TANDEM",
            "event",
            event,
            "type",
            "event_callback",
            "event_id",
            eventId,
            "event_time",
            Instant.now().getEpochSecond(),
            "authorizations",
            List.of(
                Map.of(
                    "team_id",
                    team,
                    "user_id",
                    "UBOT",
                    "is_bot",
                    true,
                    "is_enterprise_install",
                    false))));
  }

  public HttpResponse<String> event(
      String team, String eventId, Map<String, Object> event, Map<String, String> headers)
      throws IOException, InterruptedException {
    return signed(eventBody(team, eventId, event), "application/json", headers);
  }

  public HttpResponse<String> event(String team, Map<String, Object> event)
      throws IOException, InterruptedException {
    return event(team, "Ev" + UUID.randomUUID(), event, Map.of());
  }
}
