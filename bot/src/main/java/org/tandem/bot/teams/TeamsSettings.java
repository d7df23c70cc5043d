package org.tandem.bot.teams;

import org.springframework.core.env.Environment;

/** Teams settings from the environment; Teams is on when {@code TEAMS_APP_ID} is set. */
record TeamsSettings(
    String appId,
    String appPassword,
    String tenantId,
    String openIdMetadataUrl,
    String tokenUrl,
    String issuer) {

  static final String BOT_FRAMEWORK_METADATA =
      "https://login.botframework.com/v1/.well-known/openidconfiguration";
  static final String BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";

  static TeamsSettings from(Environment env) {
    String tenant = env.getProperty("TEAMS_TENANT_ID", "");
    String tokenTenant = tenant.isBlank() ? "botframework.com" : tenant;
    return new TeamsSettings(
        env.getProperty("TEAMS_APP_ID", ""),
        env.getProperty("TEAMS_APP_PASSWORD", ""),
        tenant,
        env.getProperty("TEAMS_OPENID_METADATA_URL", BOT_FRAMEWORK_METADATA),
        env.getProperty(
            "TEAMS_TOKEN_URL",
            "https://login.microsoftonline.com/" + tokenTenant + "/oauth2/v2.0/token"),
        env.getProperty("TEAMS_TOKEN_ISSUER", BOT_FRAMEWORK_ISSUER));
  }

  boolean enabled() {
    return !appId.isBlank();
  }
}
