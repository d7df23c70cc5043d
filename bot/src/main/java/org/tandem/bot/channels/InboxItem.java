package org.tandem.bot.channels;

import java.time.Instant;

/**
 * One acknowledged delivery of the inbox, as claimed by a worker: {@code attempts} is the claim's
 * fence (a worker whose row was taken over after its lease sees another number and stops).
 */
public record InboxItem(
    long id,
    String channel,
    String key,
    String kind,
    String team,
    String payload,
    String answer,
    String progress,
    String status,
    int attempts,
    Instant receivedAt,
    boolean apology) {

  public boolean answered() {
    return "ANSWERED".equals(status);
  }

  /** The same claim once its answer is stored: what the delivery works from. */
  public InboxItem withAnswer(String answer) {
    return new InboxItem(
        id,
        channel,
        key,
        kind,
        team,
        payload,
        answer,
        progress,
        "ANSWERED",
        attempts,
        receivedAt,
        apology);
  }
}
