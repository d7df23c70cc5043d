package org.tandem.bot.demo;

import java.util.List;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the try-it chat and its demo company exist. The chat lets anyone on the page act as the
 * demo admin, so it must never sit beside a real Slack workspace, Teams tenant or database: it is
 * on only when none of their settings is present, or when {@code TANDEM_TRY_IT=true} asks for it
 * anyway (the server then listens on 127.0.0.1 only, see {@link LoopbackOnly}). {@code
 * TANDEM_TRY_IT=false} turns it off in local mode too.
 */
public final class TryItMode implements Condition {

  /** Any of these set means a real platform or real data may be reachable. */
  public static final List<String> REAL_SETTINGS =
      List.of(
          "spring.datasource.url",
          "SLACK_SIGNING_SECRET",
          "SLACK_BOT_TOKEN",
          "SLACK_CLIENT_ID",
          "SLACK_CLIENT_SECRET",
          "SLACK_APP_TOKEN",
          "TEAMS_APP_ID",
          "TEAMS_APP_PASSWORD",
          "TEAMS_TENANT_ID");

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return enabled(context.getEnvironment());
  }

  public static boolean enabled(Environment env) {
    String asked = env.getProperty("TANDEM_TRY_IT", "").strip();
    if (!asked.isEmpty()) {
      return Boolean.parseBoolean(asked);
    }
    return REAL_SETTINGS.stream().allMatch(key -> env.getProperty(key, "").isBlank());
  }

  /** Asked for explicitly: it may then sit beside real settings, so it stays on this machine. */
  static boolean explicit(Environment env) {
    return Boolean.parseBoolean(env.getProperty("TANDEM_TRY_IT", "").strip());
  }

  /** Matches when {@code TANDEM_TRY_IT=true}. */
  static final class Explicit implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return explicit(context.getEnvironment());
    }
  }
}
