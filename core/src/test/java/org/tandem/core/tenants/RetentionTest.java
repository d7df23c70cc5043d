package org.tandem.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;

/** After an uninstall, a tenant's data is kept for its retention period, then purged whole. */
@DatabaseTest
class RetentionTest {

  @Autowired Fixtures fixtures;
  @Autowired Tenants tenants;
  @Autowired Commitments commitments;
  @Autowired Hours hours;
  @Autowired JdbcClient jdbc;

  private TenantId withData() {
    TenantId t = fixtures.company();
    Mission m = fixtures.workshopInEsch(t, 3);
    Employee e = fixtures.accountantInDifferdange(t);
    var c = commitments.commit(t, e.id(), m.id(), false).value();
    hours
        .log(t, e.id(), HoursRequest.onWorkTime(c.id(), LocalDate.now(Fixtures.LUXEMBOURG), 60, ""))
        .value();
    return t;
  }

  @Test
  void onlyTenantsPastTheirRetentionArePurgedWithAllTheirRows() {
    TenantId expired = withData();
    TenantId recent = withData();
    TenantId reinstalled = withData();
    TenantId installed = withData();
    tenants.retention(expired, 30);
    tenants.uninstalled(expired);
    jdbc.sql("update tenant set uninstalled_at = now() - interval '31 days' where id = ?")
        .param(expired.value())
        .update();
    tenants.uninstalled(recent);
    tenants.uninstalled(reinstalled);
    jdbc.sql("update tenant set uninstalled_at = now() - interval '400 days' where id = ?")
        .param(reinstalled.value())
        .update();
    tenants.reinstalled(reinstalled);

    assertThat(tenants.purgeExpired()).isGreaterThanOrEqualTo(1);

    assertThat(tenants.find(expired)).isEmpty();
    for (String table :
        new String[] {
          "employee",
          "mission",
          "commitment",
          "hour_entry",
          "association",
          "chat_identity",
          "hour_month",
          "report_mission_month",
          "report_span",
          "report_span_count"
        }) {
      assertThat(
              jdbc.sql("select count(*) from " + table + " where tenant_id = ?")
                  .param(expired.value())
                  .query(Integer.class)
                  .single())
          .as(table)
          .isZero();
    }
    for (TenantId kept : new TenantId[] {recent, reinstalled, installed}) {
      assertThat(tenants.find(kept)).isPresent();
      assertThat(
              jdbc.sql("select count(*) from hour_entry where tenant_id = ?")
                  .param(kept.value())
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);
    }
  }
}
