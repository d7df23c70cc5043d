package org.tandem.bot.channels;

import java.time.Duration;

/**
 * A platform said "not now" (429 with Retry-After, 5xx, a timeout): the delivery is tried again
 * after {@code after}, or after the inbox's own back-off when null. Nobody sleeps meanwhile.
 */
public class RetryLater extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient Duration after;

  public RetryLater(String reason, Duration after) {
    super(reason);
    this.after = after;
  }

  public RetryLater(String reason, Throwable cause) {
    super(reason, cause);
    this.after = null;
  }

  public Duration after() {
    return after;
  }
}
