package org.tandem.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.LinkCode;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.TenantLinks;
import org.tandem.core.tenants.Tenants;

/**
 * Admin actions in a company created by an install, as a real one starts (no demo data): only an
 * admin acts, values out of bounds are refused on their field, and every change is in the trail.
 */
@DatabaseTest
class AdminRulesTest {

  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired TenantLinks links;
  @Autowired AdminAudit audit;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  record Company(TenantId tenant, Employee admin, Employee csr, Employee employee) {}

  /** A Teams tenant where Iris added Tandem first; Sophie is a CSR manager, Tom an employee. */
  Company installed() {
    Tenant t =
        tenants.findOrCreate(
            Platform.TEAMS, "aad-" + java.util.UUID.randomUUID(), "Fresh Ltd", "LU");
    Employee iris = fixtures.person(t.id(), "Iris Admin");
    people.installedByFirst(t.id(), iris.id());
    Employee sophie = fixtures.person(t.id(), "Sophie CSR");
    people.grant(t.id(), iris.id(), sophie.id(), Role.CSR_MANAGER).value();
    Employee tom = fixtures.person(t.id(), "Tom Employee");
    people.installedByFirst(t.id(), tom.id());
    return new Company(t.id(), iris, people.find(t.id(), sophie.id()).orElseThrow(), tom);
  }

  Tenant tenant(Company c) {
    return tenants.find(c.tenant()).orElseThrow();
  }

  @Test
  void anInstallMakesTheFirstPersonAdminAndSaysSoInTheTrail() {
    Company c = installed();
    assertThat(people.find(c.tenant(), c.employee().id()).orElseThrow().roles())
        .containsExactly(Role.EMPLOYEE);
    List<AdminAudit.Entry> trail =
        audit.read(c.tenant(), c.admin().id(), 10, null).value().entries();
    assertThat(trail)
        .extracting(AdminAudit.Entry::kind)
        .containsExactly(
            AdminAudit.Kind.ROLE_GRANTED, AdminAudit.Kind.INSTALLED, AdminAudit.Kind.INSTALLED);
    assertThat(trail.get(0).actor()).isEqualTo("Iris Admin");
    assertThat(trail.get(0).detail()).containsEntry("person", "Sophie CSR");
    assertThat(trail.get(0).detail()).containsEntry("role", "CSR_MANAGER");
  }

  @Test
  void onlyAnAdminChangesThePolicyAndAnyoneElseChangesNothing() {
    Company c = installed();
    PolicyChange change = PolicyChange.none().allowance(1999);
    for (Employee someone : List.of(c.csr(), c.employee())) {
      Outcome<Tenant> o = tenants.changePolicy(c.tenant(), someone.id(), change);
      assertThat(o.refusal().code()).isEqualTo(ReasonCode.ADMINS_ONLY);
    }
    assertThat(tenants.changePolicy(c.tenant(), -1, change).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(tenant(c).policy().yearlyAllowanceHours()).isEqualByComparingTo("0");
    assertThat(kinds(c)).doesNotContain(AdminAudit.Kind.POLICY_CHANGED);
  }

  @Test
  void policyValuesOutOfBoundsAreRefusedOnTheirFieldInThePersonsLanguage() {
    Company c = installed();
    long admin = c.admin().id();
    assertRefused(
        c, PolicyChange.none().allowance(2000.25), "allowance", ReasonCode.ALLOWANCE_OUT_OF_RANGE);
    assertRefused(
        c,
        new PolicyChange(
            new BigDecimal("1E-999999999"), null, null, null, null, null, null, null, null, null),
        "allowance",
        ReasonCode.ALLOWANCE_OUT_OF_RANGE);
    assertRefused(
        c,
        new PolicyChange(
            new BigDecimal("-1"), null, null, null, null, null, null, null, null, null),
        "allowance",
        ReasonCode.ALLOWANCE_OUT_OF_RANGE);
    assertRefused(
        c, PolicyChange.none().valuation(10000.5, "EUR"), "rate", ReasonCode.RATE_OUT_OF_RANGE);
    assertRefused(
        c, PolicyChange.none().valuation(45, "XYZ"), "currency", ReasonCode.UNKNOWN_CURRENCY);
    assertRefused(
        c, PolicyChange.none().valuation(45, "eur"), "currency", ReasonCode.UNKNOWN_CURRENCY);
    assertRefused(
        c, PolicyChange.none().country("ZZ", null), "country", ReasonCode.UNKNOWN_COUNTRY);
    assertRefused(
        c,
        PolicyChange.none().country("LU", "Mars/Olympus"),
        "timeZone",
        ReasonCode.UNKNOWN_TIME_ZONE);
    assertRefused(
        c,
        PolicyChange.none().turnover(new BigDecimal("-5")),
        "turnover",
        ReasonCode.TURNOVER_OUT_OF_RANGE);
    assertRefused(
        c,
        PolicyChange.none().turnover(new BigDecimal("1E+20")),
        "turnover",
        ReasonCode.TURNOVER_OUT_OF_RANGE);
    Refusal fr =
        tenants.changePolicy(c.tenant(), admin, PolicyChange.none().allowance(2001)).refusal();
    assertThat(fr.message(Locale.FRENCH)).contains("forfait annuel").contains("2");
    assertThat(fr.message(Locale.GERMAN)).contains("Jahreskontingent");
    assertThat(tenant(c).policy().yearlyAllowanceHours()).isEqualByComparingTo("0");
    assertThat(kinds(c)).doesNotContain(AdminAudit.Kind.POLICY_CHANGED);
  }

  void assertRefused(Company c, PolicyChange change, String field, ReasonCode code) {
    Refusal r = tenants.changePolicy(c.tenant(), c.admin().id(), change).refusal();
    assertThat(r.code()).as(field).isEqualTo(code);
    assertThat(r.field()).isEqualTo(field);
    assertThat(r.message(Locale.ENGLISH)).isNotBlank().doesNotContain("{");
  }

  @Test
  void anAdminsPolicyChangeIsSavedAndRecordedWithWhatChanged() {
    Company c = installed();
    tenants
        .changePolicy(
            c.tenant(),
            c.admin().id(),
            PolicyChange.none().allowance(24).valuation(45.5, "CHF").managerApproval(false))
        .value();
    assertThat(tenant(c).policy().yearlyAllowanceHours()).isEqualByComparingTo("24");
    AdminAudit.Entry last =
        audit.read(c.tenant(), c.admin().id(), 1, null).value().entries().get(0);
    assertThat(last.kind()).isEqualTo(AdminAudit.Kind.POLICY_CHANGED);
    assertThat(last.actor()).isEqualTo("Iris Admin");
    assertThat(last.detail())
        .containsEntry("allowance", "0 -> 24")
        .containsEntry("rate", "0 -> 45.5")
        .containsEntry("currency", "EUR -> CHF")
        .doesNotContainKey("managerApproval");
  }

  @Test
  void rolesAreChangedByAdminsOnlyAndRecorded() {
    Company c = installed();
    assertThat(
            people.grant(c.tenant(), c.csr().id(), c.employee().id(), Role.ADMIN).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(
            people
                .revoke(c.tenant(), c.employee().id(), c.admin().id(), Role.ADMIN)
                .refusal()
                .code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(people.find(c.tenant(), c.employee().id()).orElseThrow().has(Role.ADMIN)).isFalse();
    assertThat(people.find(c.tenant(), c.admin().id()).orElseThrow().has(Role.ADMIN)).isTrue();
    people.revoke(c.tenant(), c.admin().id(), c.csr().id(), Role.CSR_MANAGER).value();
    AdminAudit.Entry last =
        audit.read(c.tenant(), c.admin().id(), 1, null).value().entries().get(0);
    assertThat(last.kind()).isEqualTo(AdminAudit.Kind.ROLE_REVOKED);
    assertThat(last.detail()).containsEntry("person", "Sophie CSR");
  }

  @Test
  void aRoleChangeThatChangesNothingIsRefusedAndNotRecorded() {
    Company c = installed();
    List<AdminAudit.Kind> before = kinds(c);
    Refusal already =
        people.grant(c.tenant(), c.admin().id(), c.csr().id(), Role.CSR_MANAGER).refusal();
    assertThat(already.code()).isEqualTo(ReasonCode.ROLE_ALREADY_HELD);
    assertThat(already.message(Locale.ENGLISH))
        .isEqualTo("Sophie CSR is already a CSR manager: nothing changed.");
    assertThat(already.message(Locale.FRENCH))
        .isEqualTo("Sophie CSR est déjà responsable RSE\u00a0: rien n'a changé.");
    Refusal notHeld =
        people.revoke(c.tenant(), c.admin().id(), c.employee().id(), Role.CSR_MANAGER).refusal();
    assertThat(notHeld.code()).isEqualTo(ReasonCode.ROLE_NOT_HELD);
    assertThat(notHeld.message(Locale.GERMAN))
        .isEqualTo("Tom Employee ist nicht CSR-Verantwortliche(r): Es gibt nichts zu entziehen.");
    assertThat(
            people.grant(c.tenant(), c.admin().id(), c.admin().id(), Role.ADMIN).refusal().code())
        .isEqualTo(ReasonCode.ROLE_ALREADY_HELD);
    assertThat(people.find(c.tenant(), c.employee().id()).orElseThrow().has(Role.CSR_MANAGER))
        .isFalse();
    assertThat(kinds(c)).isEqualTo(before);
  }

  @Test
  void aPolicySavedUnchangedLeavesNoEmptyEntryInTheTrail() {
    Company c = installed();
    // The first save as it stands confirms the policy (the setup step), said as such.
    tenants.changePolicy(c.tenant(), c.admin().id(), PolicyChange.none()).value();
    AdminAudit.Entry confirmed =
        audit.read(c.tenant(), c.admin().id(), 1, null).value().entries().get(0);
    assertThat(confirmed.kind()).isEqualTo(AdminAudit.Kind.POLICY_CHANGED);
    assertThat(confirmed.detail()).containsExactly(java.util.Map.entry("confirmed", "true"));
    tenants.changePolicy(c.tenant(), c.admin().id(), PolicyChange.none()).value();
    tenants.changePolicy(c.tenant(), c.admin().id(), PolicyChange.none().allowance(24)).value();
    List<AdminAudit.Kind> before = kinds(c);
    assertThat(before).filteredOn(k -> k == AdminAudit.Kind.POLICY_CHANGED).hasSize(2);
    tenants.changePolicy(c.tenant(), c.admin().id(), PolicyChange.none().allowance(24)).value();
    tenants.changePolicy(c.tenant(), c.admin().id(), PolicyChange.none()).value();
    assertThat(kinds(c)).isEqualTo(before);
    assertThat(tenant(c).policy().yearlyAllowanceHours()).isEqualByComparingTo("24");
  }

  @Test
  void aLinkCodeIsRecordedWithoutTheCodeAndOnlyAdminsIssueOne() {
    Company c = installed();
    assertThat(links.issue(c.tenant(), c.employee().id()).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    LinkCode code = links.issue(c.tenant(), c.admin().id()).value();
    AdminAudit.Entry last =
        audit.read(c.tenant(), c.admin().id(), 1, null).value().entries().get(0);
    assertThat(last.kind()).isEqualTo(AdminAudit.Kind.LINK_CODE_ISSUED);
    String stored =
        jdbc.sql("select detail::text from admin_audit where tenant_id = ?")
            .param(c.tenant().value())
            .query(String.class)
            .list()
            .toString();
    assertThat(stored).doesNotContain(code.code()).doesNotContain(code.code().replace("-", ""));
  }

  @Test
  void theTrailIsReadByAdminsOnlyNewestFirstAPageAtATime() {
    Company c = installed();
    for (int h = 1; h <= 5; h++) {
      tenants.changePolicy(c.tenant(), c.admin().id(), PolicyChange.none().allowance(h)).value();
    }
    assertThat(audit.read(c.tenant(), c.csr().id(), 10, null).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(audit.read(c.tenant(), c.employee().id(), 10, null).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    AdminAudit.Page first = audit.read(c.tenant(), c.admin().id(), 3, null).value();
    assertThat(first.entries())
        .extracting(e -> e.detail().get("allowance"))
        .containsExactly("4 -> 5", "3 -> 4", "2 -> 3");
    AdminAudit.Page second = audit.read(c.tenant(), c.admin().id(), 3, first.olderThan()).value();
    assertThat(second.entries())
        .extracting(e -> e.detail().get("allowance"))
        .containsExactly("1 -> 2", "0 -> 1", null);
    AdminAudit.Page last = audit.read(c.tenant(), c.admin().id(), 3, second.olderThan()).value();
    assertThat(last.entries()).hasSize(2);
    assertThat(last.olderThan()).isNull();
    // Another company's admin reads nothing of this one.
    Company other = installed();
    assertThat(audit.read(c.tenant(), other.admin().id(), 10, null).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
  }

  List<AdminAudit.Kind> kinds(Company c) {
    return audit
        .read(c.tenant(), c.admin().id(), AdminAudit.MAX_PAGE, null)
        .value()
        .entries()
        .stream()
        .map(AdminAudit.Entry::kind)
        .toList();
  }

  @Test
  void anUninstallByThePlatformIsInTheTrail() {
    Company c = installed();
    Tenant t = tenant(c);
    tenants.uninstalled(t.platform(), t.externalId());
    AdminAudit.Entry last =
        audit.read(c.tenant(), c.admin().id(), 1, null).value().entries().get(0);
    assertThat(last.kind()).isEqualTo(AdminAudit.Kind.UNINSTALLED);
    assertThat(last.actor()).isEqualTo("Microsoft Teams");
    assertThat(tenant(c).uninstalledAt()).isNotNull();
  }
}
