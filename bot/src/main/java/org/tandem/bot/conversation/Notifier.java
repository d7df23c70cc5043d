package org.tandem.bot.conversation;

import org.tandem.core.tenants.TenantId;

/**
 * Writes to a person without being asked (a monthly report): each channel that can reach people
 * implements it, so scheduled work stays channel-neutral.
 */
public interface Notifier {

  enum Delivery {
    /** Delivered. */
    SENT,
    /** This channel does not know the person (or the workspace is gone): try another. */
    UNREACHABLE,
    /** The channel failed for now: try again later. */
    FAILED
  }

  Delivery send(TenantId tenant, long employeeId, Reply reply);

  /**
   * Why this channel could not reach the person last time, when it knows (Teams: {@code
   * NOT_GRANTED}, {@code NO_AAD_ID}), so a message routed elsewhere can say why.
   */
  default java.util.Optional<String> unreachableBecause(TenantId tenant, long employeeId) {
    return java.util.Optional.empty();
  }

  /**
   * The same, for an outbox delivery that may be tried again after a crash: a channel that sends a
   * reply in several steps (Slack: the message, then its files) records each step, and stamps the
   * message with {@link Progress#id()} so a retry can tell it was already posted.
   */
  default Delivery send(TenantId tenant, long employeeId, Reply reply, Progress progress) {
    return send(tenant, employeeId, reply);
  }

  /** What of one delivery already went out, kept in the outbox across attempts. */
  interface Progress {

    /** The delivery's own id ({@code notification:42}). */
    String id();

    /** What an earlier attempt recorded, or null. */
    String done();

    /** True when an earlier attempt may have sent something without recording it (a crash). */
    boolean retry();

    void record(String done);
  }
}
