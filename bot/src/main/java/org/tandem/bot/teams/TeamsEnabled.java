package org.tandem.bot.teams;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Teams is on when {@code TEAMS_APP_ID} is set. */
class TeamsEnabled implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return TeamsSettings.from(context.getEnvironment()).enabled();
  }
}
