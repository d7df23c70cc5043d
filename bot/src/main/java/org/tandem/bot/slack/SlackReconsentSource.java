package org.tandem.bot.slack;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.notifications.Reconsent;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;

/**
 * The Slack installs whose granted scopes (as Slack gave them at install, stored by the OAuth flow)
 * lack {@code files:read}: their admins are to reinstall Tandem. A single-workspace install keeps
 * no installation row; its admin updates the app from its settings (see README).
 */
class SlackReconsentSource implements Reconsent.Source {

  private final JdbcClient jdbc;

  SlackReconsentSource(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void markMissing(Reconsent reconsent) {
    jdbc.sql(
            """
            select team_id, tenant_id from slack_installation
            where not (? = any(string_to_array(replace(coalesce(bot_scopes, ''), ' ', ''), ',')))""")
        .param(Reconsent.SLACK_FILES)
        .query(
            (rs, n) -> {
              reconsent.due(
                  Platform.SLACK,
                  rs.getString(1),
                  new TenantId(rs.getLong(2)),
                  Reconsent.SLACK_FILES);
              return 1;
            })
        .list();
  }
}
