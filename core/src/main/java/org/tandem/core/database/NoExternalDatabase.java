package org.tandem.core.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no {@code spring.datasource.url} is set: Tandem then runs on embedded PostgreSQL. */
public class NoExternalDatabase implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return isEmbedded(context.getEnvironment());
  }

  public static boolean isEmbedded(org.springframework.core.env.Environment environment) {
    String url = environment.getProperty("spring.datasource.url");
    return url == null || url.isBlank();
  }
}
