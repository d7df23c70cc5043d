package org.tandem.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

@DatabaseTest
class ReportAccessAndValuationTest {

  @Autowired Reports reports;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Tenants tenants;
  @Autowired JdbcClient jdbc;

  @Test
  void anEmployeeGetsNoFigureAndEveryRequestIsAudited() {
    TenantId tenant = fixtures.company();
    Employee admin = fixtures.person(tenant, "Claire Weber");
    people.bootstrap(tenant, admin.id(), Role.ADMIN);
    Employee employee = fixtures.person(tenant, "David Reuter");
    Employee csr = fixtures.person(tenant, "Sophie Muller");
    people.grant(tenant, admin.id(), csr.id(), Role.CSR_MANAGER);

    var refused = reports.report(tenant, employee.id(), Period.year(2026), Dimension.SITE, "web");
    assertThat(refused.isDone()).isFalse();
    assertThat(refused.refusal().code()).isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(
            reports.report(tenant, csr.id(), Period.year(2026), Dimension.CAUSE, "slack").isDone())
        .isTrue();
    assertThat(
            reports.report(tenant, admin.id(), Period.year(2025), Dimension.SITE, "teams").isDone())
        .isTrue();

    assertThat(
            jdbc.sql(
                    "select employee_id, period, dimension, channel from report_audit"
                        + " where tenant_id = ? order by id")
                .params(tenant.value())
                .query(
                    (rs, n) ->
                        rs.getLong(1)
                            + " "
                            + rs.getString(2)
                            + " "
                            + rs.getString(3)
                            + " "
                            + rs.getString(4))
                .list())
        .containsExactly(csr.id() + " 2026 CAUSE slack", admin.id() + " 2025 SITE teams");
  }

  @Test
  void aFrenchCompanyGetsTheSponsorshipEstimateWithinItsCeiling() {
    TenantId tenant = fixtures.company();
    tenants.change(
        tenant,
        PolicyChange.none()
            .valuation(80, "EUR")
            .country("FR", "Europe/Paris")
            .turnover(new BigDecimal("2000000")));
    var mission = fixtures.workshopInEsch(tenant, 5);
    Employee e = fixtures.person(tenant, "Lucie Martin");
    long commitment =
        jdbc.sql(
                "insert into commitment (tenant_id, mission_id, employee_id, status) values (?, ?, ?, 'CONFIRMED') returning id")
            .params(tenant.value(), mission.id(), e.id())
            .query(Long.class)
            .single();
    // 300 hours in 2026 at 80 EUR = 24,000 EUR; the ceiling is max(20,000, 0.5 % of 2 M) = 20,000.
    for (int day = 1; day <= 30; day++) {
      jdbc.sql(
              "insert into hour_entry (tenant_id, commitment_id, employee_id, work_date, minutes, status)"
                  + " values (?, ?, ?, ?, 600, 'APPROVED')")
          .params(tenant.value(), commitment, e.id(), Date.valueOf(LocalDate.of(2026, 4, day)))
          .update();
    }
    Report report = reports.compute(tenant, Period.year(2026), Dimension.CAUSE);
    assertThat(report.valuation().value()).isEqualByComparingTo("24000");
    assertThat(report.valuation().currency()).isEqualTo("EUR");
    assertThat(report.valuation().taxReductionEstimate()).isEqualByComparingTo("12000");

    tenants.change(tenant, PolicyChange.none().turnover(new BigDecimal("10000000")));
    // 0.5 % of 10 M = 50,000 > 24,000: all of it counts, 60 % of 24,000.
    assertThat(
            reports
                .compute(tenant, Period.year(2026), Dimension.CAUSE)
                .valuation()
                .taxReductionEstimate())
        .isEqualByComparingTo("14400");
  }

  @Test
  void aLuxembourgCompanyGetsAValuationButNoFrenchEstimate() {
    TenantId tenant = fixtures.company();
    Report report = reports.compute(tenant, Period.year(2026), Dimension.SITE);
    assertThat(report.valuation().taxReductionEstimate()).isNull();
    assertThat(report.valuation().value()).isEqualByComparingTo("0");
    assertThat(report.groups()).isEmpty();
  }

  @Test
  void theCeilingAppliesYearByYear() {
    BigDecimal estimate =
        FrenchSponsorshipReduction.estimate(
            Map.of(2025, new BigDecimal("30000"), 2026, new BigDecimal("10000")), null);
    // min(30,000, 20,000) * 60 % + 10,000 * 60 %
    assertThat(estimate).isEqualByComparingTo("18000");
  }
}
