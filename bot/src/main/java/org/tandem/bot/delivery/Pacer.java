package org.tandem.bot.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Notifier.Lane;
import org.tandem.bot.conversation.Notifier.Pace;

/**
 * Keeps sends within each platform's limits, as the platforms count them: at most N messages in any
 * window (a sliding log of the last sends per workspace and per conversation). A send is logged
 * when it starts, then stamped again when its call has returned, so the next window is counted from
 * the moment the platform surely had the message (a slow call never lets the next one arrive
 * early). A workspace that answered 429 is paused for its Retry-After. In memory, per instance: the
 * outbox task runs on one instance at a time (db-scheduler), and a 429 caused by another instance's
 * nudge is honoured like any other.
 */
@Component
public class Pacer {

  /** Every so many sends, the logs of idle keys are forgotten. */
  private static final int SWEEP_EVERY = 4096;

  private final LongSupplier ticker;
  private final Map<String, ArrayDeque<long[]>> logs = new HashMap<>();
  private final Map<String, Long> paused = new HashMap<>();
  private long operations;

  public Pacer() {
    this(System::nanoTime);
  }

  Pacer(LongSupplier ticker) {
    this.ticker = ticker;
  }

  /** The pacer's own time, in nanoseconds: what the waits are counted against. */
  public long now() {
    return ticker.getAsLong();
  }

  /** How long (ns) before a message may go to this workspace or conversation; 0 = now. */
  public synchronized long wait(String key, Pace pace) {
    long now = now();
    long wait = Math.max(0, paused.getOrDefault(key, now) - now);
    ArrayDeque<long[]> log = logs.get(key);
    if (log == null) {
      return wait;
    }
    long longest = Arrays.stream(pace.windows()).mapToLong(Duration::toNanos).max().orElse(0);
    while (!log.isEmpty() && log.peekFirst()[0] <= now - longest) {
      log.removeFirst();
    }
    for (int i = 0; i < pace.counts().length; i++) {
      wait = Math.max(wait, wait(log, pace.counts()[i], pace.windows()[i].toNanos(), now));
    }
    return wait;
  }

  /** The longer of the lane's two waits. */
  public synchronized long wait(Lane lane) {
    return Math.max(
        wait(lane.workspace(), lane.workspacePace()),
        wait(lane.conversation(), lane.conversationPace()));
  }

  /**
   * Takes a place in the lane now, if it is free ({@link #wait(Lane)} is 0): the returned ticket is
   * {@link Ticket#sent() stamped} once the call has returned. Null when the lane is not free.
   */
  public synchronized Ticket take(Lane lane) {
    if (wait(lane) > 0) {
      return null;
    }
    long now = now();
    long[] workspace = {now};
    long[] conversation = {now};
    log(lane.workspace()).addLast(workspace);
    log(lane.conversation()).addLast(conversation);
    if (++operations % SWEEP_EVERY == 0) {
      sweep(now);
    }
    return new Ticket(workspace, conversation);
  }

  /** The platform asked to wait (429 with Retry-After): nothing goes to {@code key} before then. */
  public synchronized void pause(String key, Duration retryAfter) {
    long until = now() + retryAfter.toNanos();
    paused.merge(key, until, Math::max);
  }

  /** A place taken in a lane, stamped with the time the platform surely had the message. */
  public final class Ticket {
    private final long[] workspace;
    private final long[] conversation;

    private Ticket(long[] workspace, long[] conversation) {
      this.workspace = workspace;
      this.conversation = conversation;
    }

    /** The call returned (whatever it answered: a refused call counts with the platform too). */
    public void sent() {
      synchronized (Pacer.this) {
        long now = now();
        workspace[0] = Math.max(workspace[0], now);
        conversation[0] = Math.max(conversation[0], now);
      }
    }
  }

  private ArrayDeque<long[]> log(String key) {
    return logs.computeIfAbsent(key, k -> new ArrayDeque<>());
  }

  /**
   * At most {@code count} sends in any {@code window}: when the window ending now already holds
   * {@code count}, the wait until enough of them have left it.
   */
  private static long wait(ArrayDeque<long[]> log, int count, long window, long now) {
    long[] inWindow = new long[log.size()];
    int k = 0;
    for (long[] sent : log) {
      if (sent[0] > now - window) {
        inWindow[k++] = sent[0];
      }
    }
    if (k < count) {
      return 0;
    }
    Arrays.sort(inWindow, 0, k);
    // The (k - count + 1)-th oldest must leave the window for one more to fit.
    return inWindow[k - count] + window - now + 1;
  }

  /** Forgets sends older than any window still kept (an hour at most) and ended pauses. */
  private void sweep(long now) {
    long oldest = now - Duration.ofHours(1).toNanos();
    for (Iterator<ArrayDeque<long[]>> it = logs.values().iterator(); it.hasNext(); ) {
      ArrayDeque<long[]> log = it.next();
      log.removeIf(sent -> sent[0] <= oldest);
      if (log.isEmpty()) {
        it.remove();
      }
    }
    paused.values().removeIf(until -> until <= now);
  }
}
