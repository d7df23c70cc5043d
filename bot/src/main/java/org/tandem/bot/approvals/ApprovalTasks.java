package org.tandem.bot.approvals;

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
import org.tandem.core.approvals.Approvals;

/** The approvals' recurring work, run once across instances by db-scheduler. */
@Configuration(proxyBeanMethods = false)
class ApprovalTasks {

  private static final Logger log = LoggerFactory.getLogger(ApprovalTasks.class);

  /**
   * Every 15 minutes ({@code tandem.approvals.every}): approvers of requests waiting 2 working days
   * are reminded, and the CSR managers asked about those waiting 5.
   */
  @Bean
  RecurringTask<Void> approvalReminders(
      Approvals approvals, Clock clock, @Value("${tandem.approvals.every:PT15M}") Duration every) {
    return Tasks.recurring("approval-reminders", Schedules.fixedDelay(every))
        .execute(
            (instance, context) -> {
              int written = approvals.remind(clock.instant());
              if (written > 0) {
                log.info("{} approval reminder(s) or escalation(s) queued", written);
              }
            });
  }
}
