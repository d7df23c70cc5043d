package org.tandem.bot.scheduling;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.bot.channels.Inbox;
import org.tandem.bot.reporting.ReportFiles;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.privacy.Erasure;
import org.tandem.core.tenants.Tenants;

/** The recurring tasks; db-scheduler's Spring Boot starter picks up every task bean. */
@Configuration(proxyBeanMethods = false)
class ScheduledTasks {

  private static final Logger log = LoggerFactory.getLogger(ScheduledTasks.class);

  /** People erased per transaction by the nightly purge. */
  private static final int ERASE_BATCH = 200;

  /**
   * Every hour: where it is the first working day of the month, managers get last month's report.
   */
  @Bean
  RecurringTask<Void> monthlyReports(
      Notifications notifications,
      Clock clock,
      @Value("${tandem.monthly-reports.cron:0 5 * * * *}") String cron) {
    return Tasks.recurring("monthly-reports", Schedules.cron(cron))
        .execute(
            (instance, context) -> {
              int written = notifications.enqueueMonthlyReports(clock.instant());
              if (written > 0) {
                log.info("{} monthly report(s) queued", written);
              }
            });
  }

  /**
   * Every night (and at start, see {@link ReconsentNotices}): the admins of installs that lack what
   * Tandem now needs of their platform are told how to consent, once per install.
   */
  @Bean
  RecurringTask<Void> reconsentCheck(
      ReconsentNotices notices, @Value("${tandem.reconsent.cron:0 40 3 * * *}") String cron) {
    return Tasks.recurring("reconsent-notices", Schedules.cron(cron))
        .execute((instance, context) -> notices.check());
  }

  /** Every 30 seconds: due messages of the outbox are delivered. */
  @Bean
  RecurringTask<Void> outbox(
      OutboxDispatcher dispatcher, @Value("${tandem.outbox.every:PT30S}") Duration every) {
    return Tasks.recurring("outbox", Schedules.fixedDelay(every))
        .execute((instance, context) -> dispatcher.dispatch());
  }

  /**
   * Every night: tenants past their retention after an uninstall, people deactivated for longer
   * than their company's retention (erased, their hours kept without a name), expired report files,
   * and the inbox's finished rows once every platform's retries are long over.
   */
  @Bean
  RecurringTask<Void> nightlyPurge(
      Tenants tenants,
      Erasure erasure,
      ReportFiles files,
      Inbox inbox,
      @Value("${tandem.retention.cron:0 30 3 * * *}") String cron) {
    return Tasks.recurring("nightly-purge", Schedules.cron(cron))
        .execute(
            (instance, context) -> {
              int purged = tenants.purgeExpired();
              int erased = 0;
              for (int n = ERASE_BATCH; n == ERASE_BATCH; erased += n) {
                n = erasure.eraseExpired(ERASE_BATCH);
              }
              int expired = files.purgeExpired();
              int answered = inbox.purge();
              log.info(
                  "Nightly purge: {} tenant(s) past their retention, {} deactivated person(s) erased"
                      + " after it, {} expired report file(s), {} answered request(s) older than a"
                      + " week",
                  purged,
                  erased,
                  expired,
                  answered);
            });
  }
}
