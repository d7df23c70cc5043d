package org.tandem.bot.conversation.campaigns;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every minute: dated campaigns whose 08:00 has come, and channel campaigns to post. */
@Configuration(proxyBeanMethods = false)
class CampaignTasks {

  @Bean
  RecurringTask<Void> campaignsDue(
      CampaignPosting posting, @Value("${tandem.campaigns.every:PT1M}") Duration every) {
    return Tasks.recurring("campaigns", Schedules.fixedDelay(every))
        .execute((instance, context) -> posting.run());
  }
}
