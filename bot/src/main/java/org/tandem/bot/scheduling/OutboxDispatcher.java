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

  private final Notifications notifications;
  private final List<Notifier> notifiers;
  private final People people;
  private final Map<String, Notice> byKind = new HashMap<>();
  private final Clock clock;
  private final java.time.Duration lease;
  private final Pacer pacer;

  /** How many messages a run sends at once, each to another conversation. */
  private final int senders;

  private final java.util.concurrent.ExecutorService sendersPool;

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
      @org.springframework.beans.factory.annotation.Value("${tandem.outbox.senders:4}") int senders,
      Pacer pacer) {
    this.notifications = notifications;
    this.notifiers = notifiers;
    this.people = people;
    this.clock = clock;
    this.lease = lease;
    this.pacer = pacer;
    this.senders = Math.max(1, senders);
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    this.sendersPool =
        java.util.concurrent.Executors.newFixedThreadPool(
            this.senders,
            r -> {
              Thread t = new Thread(r, "outbox-send-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
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
    sendersPool.shutdownNow();
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
    return new SendLoop(this, pacer, sendersPool, senders, lease).run();
  }

  /** Claims due messages for a run, fairly between companies, leaving out {@code skipped}. */
  List<Notification> claim(java.util.Set<Long> skipped) {
    return notifications.claim(BATCH, lease, skipped);
  }

  /** A claimed message back to the outbox for {@code after}, without an attempt counted. */
  void putBack(long id, java.time.Duration after) {
    notifications.putBack(id, after);
  }

  /** The lane of the first channel that reaches the person, or null (sent at once, or not). */
  Notifier.Lane lane(Notification n) {
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

  enum Result {
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
  Result admit(Notification n) {
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

  Result deliver(Notification n, Notifier.Lane lane) {
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
