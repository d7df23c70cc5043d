package org.tandem.bot.scheduling;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
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
          java.time.Duration lease) {
    this.notifications = notifications;
    this.notifiers = notifiers;
    this.people = people;
    this.clock = clock;
    this.lease = lease;
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

  /** Delivers what is due; returns how many messages were sent. */
  public int dispatch() {
    int sent = 0;
    for (List<Notification> batch = notifications.claim(BATCH, lease);
        !batch.isEmpty();
        batch = notifications.claim(BATCH, lease)) {
      int waited = 0;
      for (Notification n : batch) {
        Result r = deliver(n);
        sent += r == Result.SENT ? 1 : 0;
        waited += r == Result.WAITS ? 1 : 0;
      }
      if (waited == batch.size()) {
        // Only messages held for quiet hours are left: the next run finds them when they are due.
        break;
      }
    }
    return sent;
  }

  private enum Result {
    SENT,
    WAITS,
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

  private Result deliver(Notification n) {
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
    } catch (RuntimeException ex) {
      log.warn("Could not deliver notification {}", n.id(), ex);
      notifications.retryLater(n.id(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }
    return Result.NOT_SENT;
  }
}
