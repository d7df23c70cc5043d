package org.tandem.bot.scheduling;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tandem.bot.channels.RetryLater;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.delivery.Pacer;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;

/**
 * Delivers the outbox: asks core whether each message goes out now (the person's topics and quiet
 * hours), has the {@link Notice} of its kind write it in its reader's language, and hands it to the
 * first channel (Slack, Teams) that reaches the person.
 */
@Component
public class OutboxDispatcher implements org.springframework.beans.factory.DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 50;

  /** At most this many claimed messages wait here for their lane. */
  private static final int MAX_HELD = 500;

  /** After a claim that found nothing due, the next one comes this much later. */
  private static final java.time.Duration CLAIM_AGAIN = java.time.Duration.ofSeconds(1);

  private final Notifications notifications;
  private final List<Notifier> notifiers;
  private final People people;
  private final Map<String, Notice> byKind = new HashMap<>();
  private final Clock clock;
  private final java.time.Duration lease;
  private final Pacer pacer;

  /** How long claimed messages may wait here for their lane (ns): a quarter of the lease. */
  private final long horizon;

  /** Runs a delivery now, beside the scheduled one: see {@link #soon()}. */
  private final java.util.concurrent.ExecutorService nudges =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "outbox-nudge");
            t.setDaemon(true);
            return t;
          });

  OutboxDispatcher(
      Notifications notifications,
      List<Notifier> notifiers,
      People people,
      List<Notice> notices,
      Clock clock,
      @org.springframework.beans.factory.annotation.Value("${tandem.outbox.lease:PT2M}")
          java.time.Duration lease,
      Pacer pacer) {
    this.notifications = notifications;
    this.notifiers = notifiers;
    this.people = people;
    this.clock = clock;
    this.lease = lease;
    this.pacer = pacer;
    this.horizon = lease.toNanos() / 4;
    for (Notice notice : notices) {
      for (String kind : notice.kinds()) {
        Notice previous = byKind.put(kind, notice);
        if (previous != null) {
          throw new IllegalStateException(kind + " is written by " + previous + " and " + notice);
        }
      }
    }
  }

  /**
   * Delivers what is due now, on a thread of its own, rather than at the next scheduled run (up to
   * half a minute later): for a message someone is waiting for, such as the installer's welcome.
   * What to send is already stored; this only hastens it. Claims are leased, so a scheduled run at
   * the same moment never sends a message twice.
   */
  public void soon() {
    nudges.execute(
        () -> {
          try {
            dispatch();
          } catch (RuntimeException ex) {
            log.warn("Could not deliver the outbox now; the scheduled run will", ex);
          }
        });
  }

  @Override
  public void destroy() {
    nudges.shutdownNow();
  }

  /**
   * Delivers what is due, each message when its lane allows (see {@link Pacer}); returns how many
   * messages were sent. Claimed messages are held here, by the time their lane frees, for at most a
   * quarter of the lease; a company whose workspace is used up for longer, or asked to wait (429),
   * is left out of the next claims and its messages go back to the outbox, without counting an
   * attempt, while the other companies go on. The run ends when nothing is held and nothing put
   * back is due again within a lease.
   */
  public int dispatch() {
    return new Run().go();
  }

  /** One pass over the outbox: what is held, and the companies left out of the claims. */
  private final class Run {
    private final java.util.PriorityQueue<Held> held =
        new java.util.PriorityQueue<>(
            java.util.Comparator.comparingLong(Held::at).thenComparingLong(Held::order));
    private final Map<Long, Long> skipped = new HashMap<>();
    private long order;
    private long nextClaim = pacer.now();

    /** Until when this run waits for messages it put back for a moment (pacer time). */
    private long linger = nextClaim;

    private boolean claiming = true;
    private int sent;

    int go() {
      while (true) {
        long now = pacer.now();
        skipped.values().removeIf(until -> until - now <= 0);
        Held next = held.peek();
        boolean ready = next != null && next.at() - now <= 0;
        boolean room = claiming && held.size() < MAX_HELD;
        if (!ready && room && now - nextClaim >= 0) {
          if (claim(now)) {
            continue;
          }
          nextClaim = now + CLAIM_AGAIN.toNanos();
        }
        if (ready) {
          send(held.poll(), now);
          continue;
        }
        long wake;
        if (next != null) {
          wake = next.at();
        } else if (claiming && linger - now > 0) {
          // A message put back for a while (its lane full, a 429's Retry-After) is due again
          // within a lease: wait for it, claiming for the other companies meanwhile.
          wake = linger;
        } else {
          return sent;
        }
        if (room && nextClaim - wake < 0) {
          wake = nextClaim;
        }
        if (!sleep(wake - now)) {
          return sent;
        }
      }
    }

    /** Claims more, fairly between companies; false when nothing was due. */
    private boolean claim(long now) {
      List<Notification> batch = notifications.claim(BATCH, lease, skipped.keySet());
      if (batch.isEmpty()) {
        return false;
      }
      int waited = 0;
      for (Notification n : batch) {
        Result admitted = admit(n);
        if (admitted == Result.SENT) {
          held.add(new Held(n, lane(n), now, now, order++));
        }
        waited += admitted == Result.WAITS ? 1 : 0;
      }
      // Only messages held for quiet hours came: the next run finds them when they are due.
      claiming = waited < batch.size();
      return true;
    }

    private void send(Held h, long now) {
      Notifier.Lane lane = h.lane();
      if (lane == null) {
        sent += deliver(h.n(), null) == Result.SENT ? 1 : 0;
        return;
      }
      long workspace = pacer.wait(lane.workspace(), lane.workspacePace());
      long wait = Math.max(workspace, pacer.wait(lane));
      Pacer.Ticket ticket = wait > 0 ? null : pacer.take(lane);
      if (ticket == null) {
        wait = Math.max(wait, 1);
        if (now + wait - h.claimed() > horizon) {
          // Not within the time messages are held: back to the outbox until the lane frees.
          notifications.putBack(h.n().id(), java.time.Duration.ofNanos(wait));
          if (workspace > horizon) {
            skipped.put(h.n().tenant().value(), now + workspace);
          }
          lingerUntil(now + wait, now);
        } else {
          held.add(new Held(h.n(), lane, h.claimed(), now + wait, h.order()));
        }
        return;
      }
      Result r;
      try {
        r = deliver(h.n(), lane);
      } finally {
        ticket.sent();
      }
      sent += r == Result.SENT ? 1 : 0;
      if (r == Result.THROTTLED) {
        long until = pacer.now() + pacer.wait(lane);
        skipped.put(h.n().tenant().value(), until);
        lingerUntil(until, now);
      }
    }

    /**
     * The run waits for a message put back until {@code due}, and claims it again then (meanwhile
     * it goes on claiming for the other companies), unless that is further than a lease away: then
     * the next scheduled run finds it.
     */
    private void lingerUntil(long due, long now) {
      if (due - now > lease.toNanos()) {
        return;
      }
      long until = due + 2 * CLAIM_AGAIN.toNanos();
      if (until - linger > 0) {
        linger = until;
      }
    }

    private boolean sleep(long nanos) {
      try {
        java.util.concurrent.TimeUnit.NANOSECONDS.sleep(Math.max(nanos, 1_000_000));
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        // Stopping: what is held goes back to the outbox at once, for the next run.
        for (Held h : held) {
          notifications.putBack(h.n().id(), java.time.Duration.ZERO);
        }
        return false;
      }
    }
  }

  /** A claimed message waiting here for its lane: claimed then, due at {@code at} (pacer time). */
  private record Held(Notification n, Notifier.Lane lane, long claimed, long at, long order) {}

  /** The lane of the first channel that reaches the person, or null (sent at once, or not). */
  private Notifier.Lane lane(Notification n) {
    for (Notifier notifier : notifiers) {
      try {
        Optional<Notifier.Lane> lane = notifier.lane(n.tenant(), n.employeeId());
        if (lane.isPresent()) {
          return lane.get();
        }
      } catch (RuntimeException ex) {
        log.warn("Could not tell how notification {} goes out", n.id(), ex);
      }
    }
    return null;
  }

  private enum Result {
    SENT,
    WAITS,
    THROTTLED,
    NOT_SENT
  }

  private Notifier.Progress progress(Notification n) {
    return new Notifier.Progress() {
      private String done = n.progress();

      @Override
      public String id() {
        return "notification:" + n.id();
      }

      @Override
      public String done() {
        return done;
      }

      @Override
      public boolean retry() {
        return n.attempts() > 1;
      }

      @Override
      public void record(String step) {
        done = step;
        notifications.progress(n.id(), step);
      }
    };
  }

  /**
   * Whether the message goes out now, by the person's choices: SENT means "to be sent", WAITS that
   * it was put back for their quiet hours, NOT_SENT that it was dropped.
   */
  private Result admit(Notification n) {
    try {
      Notifications.Admission admission = notifications.admit(n, clock.instant());
      if (admission instanceof Notifications.Admission.Wait w) {
        notifications.waitUntil(n.id(), w.at());
        return Result.WAITS;
      }
      if (admission instanceof Notifications.Admission.Drop d) {
        notifications.undeliverable(n.id(), d.reason());
        return Result.NOT_SENT;
      }
      return Result.SENT;
    } catch (RuntimeException ex) {
      log.warn("Could not deliver notification {}", n.id(), ex);
      notifications.retryLater(n.id(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
      return Result.NOT_SENT;
    }
  }

  private Result deliver(Notification n, Notifier.Lane lane) {
    try {
      Employee e = people.find(n.tenant(), n.employeeId()).orElse(null);
      Notice notice = byKind.get(n.kind());
      if (e == null || notice == null) {
        notifications.undeliverable(n.id(), e == null ? "person gone" : "unknown kind " + n.kind());
        return Result.NOT_SENT;
      }
      Optional<Reply> written = notice.reply(n, e, Texts.of(e.locale()));
      if (written.isEmpty()) {
        notifications.undeliverable(n.id(), "what it was about is gone");
        return Result.NOT_SENT;
      }
      Reply reply = written.get();
      boolean failed = false;
      for (Notifier notifier : notifiers) {
        Notifier.Delivery d = notifier.send(n.tenant(), n.employeeId(), reply, progress(n));
        if (d == Notifier.Delivery.SENT) {
          notifications.sent(n.id());
          return Result.SENT;
        }
        failed |= d == Notifier.Delivery.FAILED;
      }
      if (failed) {
        notifications.retryLater(n.id(), "channel failed");
      } else {
        notifications.undeliverable(n.id(), "no channel reaches this person");
        notice.unreachable(n);
      }
    } catch (RetryLater ex) {
      if (ex.after() == null) {
        log.warn("Could not deliver notification {}: {}", n.id(), ex.getMessage());
        notifications.retryLater(n.id(), ex.getMessage());
        return Result.NOT_SENT;
      }
      // The workspace asked to wait: paused, the message back without counting an attempt.
      log.info("Notification {}: {}, its workspace waits {}", n.id(), ex.getMessage(), ex.after());
      if (lane != null) {
        pacer.pause(lane.workspace(), ex.after());
      }
      notifications.putBack(n.id(), ex.after());
      return Result.THROTTLED;
    } catch (RuntimeException ex) {
      log.warn("Could not deliver notification {}", n.id(), ex);
      notifications.retryLater(n.id(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }
    return Result.NOT_SENT;
  }
}
