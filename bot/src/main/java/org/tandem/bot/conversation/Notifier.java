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

  /**
   * The lane a message to this person would take through this channel, for pacing: its workspace
   * (Slack) or tenant (Teams) and its conversation, each with the channel's limits; empty when this
   * channel does not reach the person. A channel that answers 429 throws {@code
   * org.tandem.bot.channels.RetryLater} with the Retry-After from {@link #send}.
   */
  default java.util.Optional<Lane> lane(TenantId tenant, long employeeId) {
    return java.util.Optional.empty();
  }

  /** Where a message goes, as the platform counts its limits. */
  record Lane(String workspace, Pace workspacePace, String conversation, Pace conversationPace) {}

  /**
   * A platform's limits on one workspace or conversation: at most {@code counts[i]} messages in any
   * {@code windows[i]} (Teams: 7 in a second and 60 in 30 seconds per conversation).
   */
  record Pace(int[] counts, java.time.Duration[] windows) {

    /** Reads {@code 300/PT1M} or {@code 7/PT1S,60/PT30S}. */
    public static Pace parse(String text) {
      String[] parts = text.split(",");
      int[] counts = new int[parts.length];
      java.time.Duration[] windows = new java.time.Duration[parts.length];
      for (int i = 0; i < parts.length; i++) {
        String[] p = parts[i].strip().split("/", 2);
        if (p.length != 2) {
          throw new IllegalArgumentException("A pace is COUNT/DURATION, such as 300/PT1M: " + text);
        }
        counts[i] = Integer.parseInt(p[0].strip());
        windows[i] = java.time.Duration.parse(p[1].strip());
        if (counts[i] < 1 || windows[i].isNegative() || windows[i].isZero()) {
          throw new IllegalArgumentException("A pace needs a count and a window above 0: " + text);
        }
      }
      return new Pace(counts, windows);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pace p
          && java.util.Arrays.equals(counts, p.counts)
          && java.util.Arrays.equals(windows, p.windows);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(counts) * 31 + java.util.Arrays.hashCode(windows);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < counts.length; i++) {
        b.append(i == 0 ? "" : ",").append(counts[i]).append('/').append(windows[i]);
      }
      return b.toString();
    }
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
