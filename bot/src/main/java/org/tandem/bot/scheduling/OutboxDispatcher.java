package org.tandem.bot.scheduling;

import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.bot.conversation.reports.ReportReply;
import org.tandem.core.common.Outcome;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;
import org.tandem.core.reports.Report;
import org.tandem.core.reports.Reports;

/**
 * Delivers the outbox: builds each message in its reader's language and hands it to the first
 * channel (Slack, Teams) that reaches the person.
 */
@Component
public class OutboxDispatcher implements org.springframework.beans.factory.DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 50;

  private final Notifications notifications;
  private final List<Notifier> notifiers;
  private final People people;
  private final Reports reports;
  private final ReportReply reportReply;
  private final DecisionNotices decisions;
  private final ReconsentNotices reconsents;
  private final ConversationEngine engine;
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
      Reports reports,
      ReportReply reportReply,
      DecisionNotices decisions,
      ReconsentNotices reconsents,
      ConversationEngine engine,
      @org.springframework.beans.factory.annotation.Value("${tandem.outbox.lease:PT2M}")
          java.time.Duration lease) {
    this.decisions = decisions;
    this.reconsents = reconsents;
    this.engine = engine;
    this.lease = lease;
    this.notifications = notifications;
    this.notifiers = notifiers;
    this.people = people;
    this.reports = reports;
    this.reportReply = reportReply;
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
      for (Notification n : batch) {
        sent += deliver(n) ? 1 : 0;
      }
    }
    return sent;
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

  private boolean deliver(Notification n) {
    try {
      Employee e = people.find(n.tenant(), n.employeeId()).orElse(null);
      if (e == null) {
        notifications.undeliverable(n.id(), "person gone");
        return false;
      }
      Texts texts = Texts.of(e.locale());
      Reply reply;
      if (Notification.MONTHLY_REPORT.equals(n.kind())) {
        Outcome<Report> report =
            reports.report(
                n.tenant(),
                e.id(),
                Period.month(YearMonth.parse(n.payload())),
                Dimension.CAUSE,
                "monthly");
        if (!report.isDone()) {
          notifications.undeliverable(n.id(), "no longer a CSR manager");
          return false;
        }
        reply =
            Reply.notice(Reply.Notice.Level.INFO, texts.t("report.monthly.intro"))
                .then(reportReply.reply(n.tenant(), report.value(), texts, false));
      } else if (Notification.HOURS_REJECTED.equals(n.kind())
          || Notification.COMMITMENT_DECLINED.equals(n.kind())) {
        java.util.Optional<Reply> notice = decisions.reply(n, texts);
        if (notice.isEmpty()) {
          notifications.undeliverable(n.id(), "what was decided is gone");
          return false;
        }
        reply = notice.get();
      } else if (Notification.RECONSENT.equals(n.kind())) {
        java.util.Optional<Reply> notice = reconsents.reply(n, texts);
        if (notice.isEmpty()) {
          notifications.undeliverable(n.id(), "unknown requirement " + n.payload());
          return false;
        }
        reply = notice.get();
      } else if (Notification.SETUP_CHECKLIST.equals(n.kind())) {
        // Built when sent, so it shows the steps as they are then.
        Who who = Who.of(e, n.payload() == null ? "outbox" : n.payload());
        reply =
            Reply.notice(Reply.Notice.Level.SUCCESS, texts.t("setup.welcome"))
                .then(engine.handle(new Inbound.Command(who, "admin", "setup")));
      } else {
        notifications.undeliverable(n.id(), "unknown kind " + n.kind());
        return false;
      }
      boolean failed = false;
      for (Notifier notifier : notifiers) {
        Notifier.Delivery d = notifier.send(n.tenant(), n.employeeId(), reply, progress(n));
        if (d == Notifier.Delivery.SENT) {
          notifications.sent(n.id());
          return true;
        }
        failed |= d == Notifier.Delivery.FAILED;
      }
      if (failed) {
        notifications.retryLater(n.id(), "channel failed");
      } else {
        notifications.undeliverable(n.id(), "no channel reaches this person");
      }
    } catch (RuntimeException ex) {
      log.warn("Could not deliver notification {}", n.id(), ex);
      notifications.retryLater(n.id(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }
    return false;
  }
}
