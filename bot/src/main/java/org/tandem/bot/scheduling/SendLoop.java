package org.tandem.bot.scheduling;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.delivery.Pacer;
import org.tandem.core.notifications.Notification;

/**
 * One run of the outbox ({@link OutboxDispatcher#dispatch()}): claims due messages fairly between
 * companies, holds each here until its lane is free ({@link Pacer}), and hands it to one of a few
 * sender threads, so the calls of several lanes overlap. A message whose lane is not free within a
 * quarter of the lease, or whose workspace asked to wait (429), goes back to the outbox without an
 * attempt counted, and its company is left out of the claims until then while the others go on. The
 * run ends when nothing is held or being sent and nothing it put back is due within a lease.
 */
final class SendLoop {

  private static final Logger log = LoggerFactory.getLogger(SendLoop.class);

  /** At most this many claimed messages wait here for their lane. */
  private static final int MAX_HELD = 500;

  /** A message for a conversation that another is being sent to looks again this much later. */
  private static final long ONE_AFTER_ANOTHER = Duration.ofMillis(5).toNanos();

  /** After a claim that found nothing due, the next one comes this much later. */
  private static final long CLAIM_AGAIN = Duration.ofSeconds(1).toNanos();

  /** A claimed message waiting for its lane: claimed then, due at {@code at} (pacer time). */
  private record Held(Notification n, Notifier.Lane lane, long claimed, long at, long order) {}

  /** What became of a message handed to a sender. */
  private record Done(Notification n, Notifier.Lane lane, OutboxDispatcher.Result result) {}

  private final OutboxDispatcher dispatcher;
  private final Pacer pacer;
  private final ExecutorService senders;
  private final int parallel;
  private final long horizon;
  private final long lease;
  private final PriorityQueue<Held> held =
      new PriorityQueue<>(
          java.util.Comparator.comparingLong(Held::at).thenComparingLong(Held::order));
  private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
  private final Map<Long, Long> skipped = new HashMap<>();

  /**
   * Conversations with a message being sent: the next waits, so each person reads them in order.
   */
  private final java.util.Set<String> sending = new java.util.HashSet<>();

  private long order;
  private long nextClaim;
  private long linger;
  private boolean claiming = true;
  private int inFlight;
  private int sent;

  SendLoop(
      OutboxDispatcher dispatcher,
      Pacer pacer,
      ExecutorService senders,
      int parallel,
      Duration lease) {
    this.dispatcher = dispatcher;
    this.pacer = pacer;
    this.senders = senders;
    this.parallel = parallel;
    this.lease = lease.toNanos();
    this.horizon = this.lease / 4;
    this.nextClaim = pacer.now();
    this.linger = nextClaim;
  }

  /** Runs until nothing is left to do now; returns how many messages were sent. */
  int run() {
    try {
      while (true) {
        finished();
        long now = pacer.now();
        skipped.values().removeIf(until -> until - now <= 0);
        Held next = held.peek();
        boolean ready = next != null && next.at() - now <= 0;
        boolean room = claiming && held.size() < MAX_HELD;
        if (!ready && room && now - nextClaim >= 0) {
          if (claim(now)) {
            continue;
          }
          nextClaim = now + CLAIM_AGAIN;
        }
        if (ready && inFlight < parallel) {
          send(held.poll(), now);
          continue;
        }
        long wake;
        if (ready || inFlight > 0 && next == null) {
          wake = now + CLAIM_AGAIN; // woken earlier by a sender that is done
        } else if (next != null) {
          wake = next.at();
        } else if (claiming && linger - now > 0) {
          // A message put back for a while (its lane full, a 429's Retry-After) is due again
          // within a lease: wait for it, claiming for the other companies meanwhile.
          wake = linger;
        } else {
          return sent;
        }
        if (room && !ready && nextClaim - wake < 0) {
          wake = nextClaim;
        }
        Done d = done.poll(Math.max(wake - now, 1_000_000), TimeUnit.NANOSECONDS);
        if (d != null) {
          record(d);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // Stopping: what is held goes back to the outbox at once, for the next run; what is being
      // sent finishes on its own and records itself.
      for (Held h : held) {
        dispatcher.putBack(h.n().id(), Duration.ZERO);
      }
      return sent;
    } finally {
      drain();
    }
  }

  /** Claims more, fairly between companies; false when nothing was due. */
  private boolean claim(long now) {
    List<Notification> batch = dispatcher.claim(skipped.keySet());
    if (batch.isEmpty()) {
      return false;
    }
    int waited = 0;
    for (Notification n : batch) {
      OutboxDispatcher.Result admitted = dispatcher.admit(n);
      if (admitted == OutboxDispatcher.Result.SENT) {
        held.add(new Held(n, dispatcher.lane(n), now, now, order++));
      }
      waited += admitted == OutboxDispatcher.Result.WAITS ? 1 : 0;
    }
    // Only messages held for quiet hours came: the next run finds them when they are due.
    claiming = waited < batch.size();
    return true;
  }

  private void send(Held h, long now) {
    Notifier.Lane lane = h.lane();
    Pacer.Ticket ticket = null;
    if (lane != null && sending.contains(lane.conversation())) {
      held.add(new Held(h.n(), lane, h.claimed(), now + ONE_AFTER_ANOTHER, h.order()));
      return;
    }
    if (lane != null) {
      long workspace = pacer.wait(lane.workspace(), lane.workspacePace());
      long wait = Math.max(workspace, pacer.wait(lane));
      ticket = wait > 0 ? null : pacer.take(lane);
      if (ticket == null) {
        wait = Math.max(wait, 1);
        if (now + wait - h.claimed() > horizon) {
          // Not within the time messages are held: back to the outbox until the lane frees.
          dispatcher.putBack(h.n().id(), Duration.ofNanos(wait));
          if (workspace > horizon) {
            skipped.put(h.n().tenant().value(), now + workspace);
          }
          lingerUntil(now + wait, now);
        } else {
          held.add(new Held(h.n(), lane, h.claimed(), now + wait, h.order()));
        }
        return;
      }
    }
    Pacer.Ticket taken = ticket;
    inFlight++;
    if (lane != null) {
      sending.add(lane.conversation());
    }
    senders.execute(
        () -> {
          OutboxDispatcher.Result r = OutboxDispatcher.Result.NOT_SENT;
          try {
            r = dispatcher.deliver(h.n(), lane);
          } catch (RuntimeException e) {
            log.warn("Could not deliver notification {}", h.n().id(), e);
          } finally {
            if (taken != null) {
              taken.sent();
            }
            done.add(new Done(h.n(), lane, r));
          }
        });
  }

  private void finished() {
    for (Done d = done.poll(); d != null; d = done.poll()) {
      record(d);
    }
  }

  private void record(Done d) {
    inFlight--;
    if (d.lane() != null) {
      sending.remove(d.lane().conversation());
    }
    sent += d.result() == OutboxDispatcher.Result.SENT ? 1 : 0;
    if (d.result() == OutboxDispatcher.Result.THROTTLED && d.lane() != null) {
      long now = pacer.now();
      long until = now + pacer.wait(d.lane());
      skipped.put(d.n().tenant().value(), until);
      lingerUntil(until, now);
    }
  }

  /** Waits for what is being sent, so the run's count is whole. */
  private void drain() {
    boolean interrupted = false;
    while (inFlight > 0) {
      try {
        record(done.take());
      } catch (InterruptedException e) {
        interrupted = true;
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The run waits for a message put back until {@code due}, and claims it again then (meanwhile it
   * goes on claiming for the other companies), unless that is further than a lease away: then the
   * next scheduled run finds it.
   */
  private void lingerUntil(long due, long now) {
    if (due - now > lease) {
      return;
    }
    long until = due + 2 * CLAIM_AGAIN;
    if (until - linger > 0) {
      linger = until;
    }
  }
}
