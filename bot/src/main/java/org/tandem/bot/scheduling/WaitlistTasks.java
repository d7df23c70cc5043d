package org.tandem.bot.scheduling;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The waiting lists' recurring work. */
@Configuration(proxyBeanMethods = false)
class WaitlistTasks {

  /**
   * Every 5 minutes by default: an offer is passed on at most this long after its deadline
   * (accepting after the deadline is refused by core at once, whatever the job's pace).
   */
  @Bean
  RecurringTask<Void> seatOffers(
      SeatOfferExpiry expiry, @Value("${tandem.waitlist.every:PT5M}") Duration every) {
    return Tasks.recurring("seat-offers", Schedules.fixedDelay(every))
        .execute((instance, context) -> expiry.run());
  }
}
