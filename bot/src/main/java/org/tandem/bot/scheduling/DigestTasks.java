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
import org.tandem.core.digest.Digests;

/** The weekly digest's run: every hour by default, so each zone's 08:00 is met within the hour. */
@Configuration(proxyBeanMethods = false)
class DigestTasks {

  private static final Logger log = LoggerFactory.getLogger(DigestTasks.class);

  @Bean
  RecurringTask<Void> weeklyDigests(
      Digests digests, Clock clock, @Value("${tandem.digest.every:PT1H}") Duration every) {
    return Tasks.recurring("weekly-digests", Schedules.fixedDelay(every))
        .execute(
            (instance, context) -> {
              Digests.Run run = digests.enqueueDue(clock.instant());
              if (run.checked() > 0) {
                log.info(
                    "Weekly digest: {} subscriber(s) worked out, {} digest(s) queued",
                    run.checked(),
                    run.written());
              }
            });
  }
}
