package org.tandem.bot.calendar;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.core.calendar.SessionReminders;

/** The recurring job of session reminders (db-scheduler: one run at a time across instances). */
@Configuration(proxyBeanMethods = false)
class CalendarTasks {

  /**
   * Every 15 minutes by default: the reminders due (08:00 on the last working day before a session,
   * in each person's zone) are written to the outbox, once per person, session and sequence.
   */
  @Bean
  RecurringTask<Void> sessionRemindersTask(
      SessionReminders reminders,
      Clock clock,
      @Value("${tandem.reminders.every:PT15M}") Duration every) {
    return Tasks.recurring("session-reminders", Schedules.fixedDelay(every))
        .execute((instance, context) -> reminders.enqueueDue(clock.instant()));
  }
}
