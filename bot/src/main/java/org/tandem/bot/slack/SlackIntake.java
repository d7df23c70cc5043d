package org.tandem.bot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.tandem.bot.channels.Inbox;
import org.tandem.bot.channels.InboxWorker;

/**
 * Stores what Slack delivered in the inbox before the handler acknowledges it, then hands it to a
 * worker of this instance. When the database cannot take it, the handler says so in its ack (or
 * answers 503 to an event, so that Slack delivers it again).
 */
class SlackIntake {

  private static final Logger log = LoggerFactory.getLogger(SlackIntake.class);
  static final ObjectMapper JSON = new ObjectMapper();

  /** Said in the ack when the request could not be stored; the person's language is unknown. */
  static final String DOWN =
      "Tandem could not take your request just now: please try again in a minute."
          + " / Tandem n’a pas pu prendre votre demande pour l’instant\u00a0: réessayez dans une"
          + " minute. / Tandem konnte Ihre Anfrage gerade nicht annehmen: bitte versuchen Sie es"
          + " in einer Minute erneut.";

  /** The same, short enough for a form field's error (Slack shows up to 150 characters or so). */
  static final String DOWN_SHORT =
      "Please try again in a minute. / Réessayez dans une minute. / Bitte in einer Minute erneut"
          + " versuchen.";

  enum Result {
    ACCEPTED,
    REPEATED,
    DOWN
  }

  private final Inbox inbox;
  private final InboxWorker worker;

  SlackIntake(Inbox inbox, InboxWorker worker) {
    this.inbox = inbox;
    this.worker = worker;
  }

  Result accept(String key, SlackRequest request) {
    try {
      var item =
          inbox.accept(
              "slack", key, request.kind(), request.teamId(), json(request), worker.lease());
      item.ifPresent(worker::start);
      return item.isPresent() ? Result.ACCEPTED : Result.REPEATED;
    } catch (DataAccessException | TransactionException e) {
      log.error(
          "Could not store a Slack {} of {} ({}): the person is asked to try again",
          request.kind(),
          request.userId(),
          e.toString());
      return Result.DOWN;
    }
  }

  /**
   * The de-duplication key of an interaction: its trigger id, which Slack's retries repeat; a
   * request without one is keyed by its raw body, so two of them never share a key.
   */
  static String interactionKey(String triggerId, String rawBody) {
    return triggerId == null || triggerId.isBlank() ? bodyKey(rawBody) : "trigger:" + triggerId;
  }

  /** The key of a delivery without a trigger or event id: its raw body, hashed. */
  private static String bodyKey(String rawBody) {
    return "body:" + sha256(rawBody == null ? "" : rawBody);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
