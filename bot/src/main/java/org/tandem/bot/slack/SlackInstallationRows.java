package org.tandem.bot.slack;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.tenants.ChannelRows;
import org.tandem.core.tenants.TenantId;

/**
 * A workspace linked into another tenant keeps its installation: the bot token now serves that
 * tenant (Bolt still finds it by team id).
 */
class SlackInstallationRows implements ChannelRows {

  private final JdbcClient jdbc;

  SlackInstallationRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void move(TenantId from, TenantId to) {
    jdbc.sql("update slack_installation set tenant_id = ? where tenant_id = ?")
        .params(to.value(), from.value())
        .update();
  }
}
