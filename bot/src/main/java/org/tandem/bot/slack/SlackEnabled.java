package org.tandem.bot.slack;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Slack is on when {@code SLACK_SIGNING_SECRET} (HTTP) or {@code SLACK_APP_TOKEN} (Socket Mode) is
 * set.
 */
class SlackEnabled implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return SlackSettings.from(context.getEnvironment()).enabled();
  }
}
