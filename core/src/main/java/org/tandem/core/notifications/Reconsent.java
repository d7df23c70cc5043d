package org.tandem.core.notifications;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;

/**
 * Telling the admins of an existing install that Tandem needs more of their platform (Slack's
 * {@code files:read} scope, Teams' {@code supportsFiles}) and how to consent to it, exactly once
 * per install and requirement: the install is marked due once ({@code reconsent_notice}, V18), and
 * its admins' messages are written to the outbox in the same transaction that marks it told, under
 * keys that cannot repeat. A restart, a second instance or a second run finds it told and writes
 * nothing. Teams installs that predate the requirement were marked by the migration; Slack installs
 * are marked by a {@link Source} that reads the scopes Slack granted them.
 */
@Service
public class Reconsent {

  /** Slack's scope for downloading a file shared with Tandem. */
  public static final String SLACK_FILES = "files:read";

  /** The Teams manifest entry for receiving files in the personal chat. */
  public static final String TEAMS_FILES = "supportsFiles";

  /** Finds the installs of one platform that lack something Tandem now needs. */
  public interface Source {
    void markMissing(Reconsent reconsent);
  }

  private final JdbcClient jdbc;

  Reconsent(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The install lacks {@code requirement}: its admins are to be told, unless they were. */
  @Transactional
  public boolean due(Platform platform, String installId, TenantId tenant, String requirement) {
    return jdbc.sql(
                """
            insert into reconsent_notice (platform, install_id, requirement, tenant_id)
            values (?, ?, ?, ?) on conflict do nothing""")
            .params(platform.name(), installId, requirement, tenant.value())
            .update()
        == 1;
  }

  /**
   * Writes the messages of every install due: one per admin of its company, payload {@code
   * PLATFORM|requirement}. An install whose company has no admin yet stays due. Returns how many
   * messages were written.
   */
  @Transactional
  public int enqueueDue() {
    List<Object[]> due =
        jdbc.sql(
                """
                select platform, install_id, requirement, tenant_id from reconsent_notice
                where due order by created_at for update skip locked""")
            .query(
                (rs, n) ->
                    new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)})
            .list();
    int written = 0;
    for (Object[] d : due) {
      String key = "reconsent:" + d[0] + ":" + d[1] + ":" + d[2] + ":";
      int admins =
          jdbc.sql(
                  """
                  insert into notification (tenant_id, employee_id, kind, dedupe_key, payload)
                  select e.tenant_id, e.id, 'RECONSENT', ? || e.id, ?
                  from employee e
                  where e.tenant_id = ? and e.is_admin and e.deactivated_at is null
                    and e.erased_at is null
                  on conflict (dedupe_key) do nothing""")
              .params(key, d[0] + "|" + d[2], d[3])
              .update();
      if (admins > 0) {
        jdbc.sql(
                """
                update reconsent_notice set due = false, noticed_at = now()
                where platform = ? and install_id = ? and requirement = ?""")
            .params(d[0], d[1], d[2])
            .update();
      }
      written += admins;
    }
    return written;
  }
}
