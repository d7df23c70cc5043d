package org.tandem.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The Bot Connector REST API v3 on the activity's {@code serviceUrl}: replies sent with an app
 * token from the client-credentials flow, cached until five minutes before it expires. Every call
 * has connect and read timeouts (the client is built with them).
 */
class BotConnector {

  private static final Logger log = LoggerFactory.getLogger(BotConnector.class);

  private final TeamsSettings settings;
  private final RestClient http;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private String token;
  private Instant tokenExpires = Instant.EPOCH;

  BotConnector(TeamsSettings settings, RestClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  /** What the connector said: sent, gone (403/404: the bot was removed), or failed. */
  enum Delivery {
    SENT,
    GONE,
    FAILED
  }

  /**
   * Replies in the conversation, threaded on the activity replied to (null: a new message). One
   * attempt: a 5xx is FAILED and a 429 throws {@link org.tandem.bot.channels.RetryLater} with its
   * Retry-After, and the inbox or the outbox tries again later (a sleep here would hold a worker,
   * or a database connection).
   */
  Delivery reply(String serviceUrl, String conversationId, String replyToId, JsonNode activity) {
    String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
    String url =
        base
            + "v3/conversations/"
            + conversationId
            + "/activities"
            + (replyToId == null ? "" : "/" + replyToId);
    try {
      http.post()
          .uri(url)
          .header("Authorization", "Bearer " + token())
          .contentType(MediaType.APPLICATION_JSON)
          .body(json.writeValueAsString(activity))
          .retrieve()
          .toBodilessEntity();
      return Delivery.SENT;
    } catch (RestClientResponseException e) {
      int status = e.getStatusCode().value();
      log.warn("The Bot Connector answered {} for {}", status, url);
      if (status == 429) {
        // Throttled: the inbox or the outbox tries again after the Retry-After (the outbox pauses
        // the tenant meanwhile); 1 s when the connector does not say.
        throw new org.tandem.bot.channels.RetryLater(
            "the Bot Connector answered 429", retryAfter(e.getResponseHeaders()));
      }
      return status == 403 || status == 404 ? Delivery.GONE : Delivery.FAILED;
    } catch (ResourceAccessException e) {
      log.warn("The Bot Connector did not answer for {}: {}", url, e.toString());
      return Delivery.FAILED;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.time.Duration retryAfter(org.springframework.http.HttpHeaders headers) {
    String value = headers == null ? null : headers.getFirst("Retry-After");
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(value == null ? "1" : value.strip())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  /**
   * The member's profile in the conversation ({@code GET .../members/{id}}): name, email and UPN,
   * or empty when the connector does not say.
   */
  java.util.Optional<JsonNode> member(String serviceUrl, String conversationId, String userId) {
    String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
    try {
      String body =
          http.get()
              .uri(base + "v3/conversations/" + conversationId + "/members/" + userId)
              .header("Authorization", "Bearer " + token())
              .retrieve()
              .body(String.class);
      return java.util.Optional.ofNullable(body == null ? null : json.readTree(body));
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      log.debug("No member profile for {}", userId, e);
      return java.util.Optional.empty();
    }
  }

  synchronized String token() {
    if (token != null && tokenExpires.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
      return token;
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", settings.appId());
    form.add("client_secret", settings.appPassword());
    form.add("scope", "https://api.botframework.com/.default");
    JsonNode answer;
    try {
      answer =
          json.readTree(
              http.post()
                  .uri(settings.tokenUrl())
                  .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                  .body(form)
                  .retrieve()
                  .body(String.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("The token endpoint did not answer JSON", e);
    }
    token = answer.path("access_token").asText();
    tokenExpires = clock.instant().plusSeconds(answer.path("expires_in").asLong(3600));
    return token;
  }
}
