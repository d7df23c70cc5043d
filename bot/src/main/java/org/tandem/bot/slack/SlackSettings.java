package org.tandem.bot.slack;

import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * Slack settings from the environment. Slack is on when a signing secret (HTTP) or an app token
 * (Socket Mode) is set; OAuth install mode when a client id and secret are set, else one workspace
 * with {@code SLACK_BOT_TOKEN}.
 */
record SlackSettings(
    String signingSecret,
    String botToken,
    String clientId,
    String clientSecret,
    String appToken,
    String apiUrl,
    List<String> admins,
    String scopes) {

  static final String DEFAULT_SCOPES =
      "commands,chat:write,im:history,im:write,app_mentions:read,users:read,users:read.email,files:write,files:read";

  static SlackSettings from(Environment env) {
    return new SlackSettings(
        env.getProperty("SLACK_SIGNING_SECRET", ""),
        env.getProperty("SLACK_BOT_TOKEN", ""),
        env.getProperty("SLACK_CLIENT_ID", ""),
        env.getProperty("SLACK_CLIENT_SECRET", ""),
        env.getProperty("SLACK_APP_TOKEN", ""),
        env.getProperty("SLACK_API_URL", "https://slack.com/api/"),
        Arrays.stream(env.getProperty("TANDEM_ADMINS", "").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList(),
        env.getProperty("SLACK_SCOPES", DEFAULT_SCOPES));
  }

  boolean enabled() {
    return !signingSecret.isBlank() || !appToken.isBlank();
  }

  boolean oauth() {
    return !clientId.isBlank() && !clientSecret.isBlank();
  }

  boolean socketMode() {
    return !appToken.isBlank();
  }
}
