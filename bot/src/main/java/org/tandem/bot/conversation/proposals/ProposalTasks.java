package org.tandem.bot.conversation.proposals;

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
import org.tandem.core.proposals.Proposals;

/** The recurring job of hours that log themselves. */
@Configuration(proxyBeanMethods = false)
class ProposalTasks {

  private static final Logger log = LoggerFactory.getLogger(ProposalTasks.class);

  /**
   * Every quarter of an hour: the hours of sessions that ended are proposed, and proposals left
   * unanswered past the policy's window stand. Both are keyed by commitment and session, so a run
   * repeated (or on two instances) writes nothing twice.
   */
  @Bean
  RecurringTask<Void> hoursProposals(
      Proposals proposals, Clock clock, @Value("${tandem.proposals.every:PT15M}") Duration every) {
    return Tasks.recurring("hours-proposals", Schedules.fixedDelay(every))
        .execute(
            (instance, context) -> {
              int proposed = proposals.proposeEnded(clock.instant());
              int stood = proposals.standDue(clock.instant());
              if (proposed + stood > 0) {
                log.info(
                    "{} hours proposed after sessions, {} left unanswered stood", proposed, stood);
              }
            });
  }
}
