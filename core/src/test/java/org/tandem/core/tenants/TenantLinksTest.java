package org.tandem.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;

/** A Slack workspace and a Teams tenant of one company become one tenant through a code. */
@DatabaseTest
class TenantLinksTest {

  @Autowired TenantLinks links;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  /** A Slack company with a mission and an admin, Paul, whose email is paul@acme.example. */
  record Company(TenantId id, Employee admin) {}

  Company slackCompany() {
    TenantId t = fixtures.company();
    fixtures.workshopInEsch(t, 3);
    Employee paul =
        people.enrol(
            t,
            IdentityKind.SLACK,
            "U" + UUID.randomUUID(),
            new NewPerson("Paul Admin", "paul@acme.example", Locale.ENGLISH, Fixtures.LUXEMBOURG));
    people.bootstrap(t, paul.id(), Role.ADMIN);
    return new Company(t, paul);
  }

  /** A freshly installed Teams tenant: its installer is its admin, and one colleague. */
  record Fresh(String externalId, TenantId id, Employee admin, Employee colleague) {}

  Fresh teamsTenant() {
    String aadTenant = UUID.randomUUID().toString();
    TenantId t = tenants.findOrCreate(Platform.TEAMS, aadTenant, aadTenant, "LU").id();
    Employee tom = teams(t, "Tom Installer", "tom@acme.example");
    people.installedBy(t, tom.id());
    Employee eve = teams(t, "Eve Colleague", "eve@acme.example");
    return new Fresh(aadTenant, t, people.find(t, tom.id()).orElseThrow(), eve);
  }

  Employee teams(TenantId t, String name, String email) {
    return people.enrol(
        t,
        IdentityKind.TEAMS,
        UUID.randomUUID().toString(),
        new NewPerson(name, email, Locale.ENGLISH, Fixtures.LUXEMBOURG));
  }

  int count(String table, TenantId t) {
    return jdbc.sql("select count(*) from " + table + " where tenant_id = ?")
        .param(t.value())
        .query(Integer.class)
        .single();
  }

  @Test
  void anAdminsCodeLinksTheOtherPlatformsTenantWhoseIdThenLeadsToTheCompany() {
    Company acme = slackCompany();
    Fresh teams = teamsTenant();

    LinkCode code = links.issue(acme.id(), acme.admin().id()).value();
    assertThat(code.code()).matches("[A-HJKMNP-TW-Z2-9]{4}-[A-HJKMNP-TW-Z2-9]{4}");
    assertThat(Duration.between(Instant.now(), code.expiresAt()))
        .isBetween(Duration.ofHours(23), Duration.ofHours(24));

    // Typed by hand: lower case, a space instead of the dash.
    Outcome<Tenant> linked =
        links.redeem(
            teams.id(), teams.admin().id(), code.code().toLowerCase(Locale.ROOT).replace('-', ' '));

    assertThat(linked.value().id()).isEqualTo(acme.id());
    assertThat(tenants.find(Platform.TEAMS, teams.externalId()).orElseThrow().id())
        .isEqualTo(acme.id());
    assertThat(tenants.findOrCreate(Platform.TEAMS, teams.externalId(), "again", "LU").id())
        .isEqualTo(acme.id());
    assertThat(tenants.find(teams.id())).isEmpty();
    assertThat(count("employee", teams.id())).isZero();
    assertThat(count("chat_identity", teams.id())).isZero();
    assertThat(tenants.linked(acme.id())).isTrue();

    // Paul on Teams, with his email, is the Paul of Slack; Eve is enrolled in the company.
    Employee paulOnTeams = teams(acme.id(), "Paul A.", "Paul@Acme.example");
    assertThat(paulOnTeams.id()).isEqualTo(acme.admin().id());
    assertThat(paulOnTeams.has(Role.ADMIN)).isTrue();
    Employee eve = teams(acme.id(), "Eve Colleague", "eve@acme.example");
    assertThat(eve.tenantId()).isEqualTo(acme.id());
    assertThat(count("chat_identity", acme.id())).isGreaterThanOrEqualTo(3);
  }

  @Test
  void everyRefusalIsExplainedInThreeLanguagesAndChangesNothing() {
    Company acme = slackCompany();
    Fresh teams = teamsTenant();
    String code = links.issue(acme.id(), acme.admin().id()).value().code();

    assertThat(links.issue(teams.id(), teams.colleague().id()).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(links.redeem(teams.id(), teams.colleague().id(), code).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(links.redeem(teams.id(), teams.admin().id(), "ZZZZ-ZZZZ").refusal().code())
        .isEqualTo(ReasonCode.LINK_CODE_UNKNOWN);
    assertThat(links.redeem(teams.id(), teams.admin().id(), "hello").refusal().code())
        .isEqualTo(ReasonCode.LINK_CODE_UNKNOWN);
    assertThat(links.redeem(acme.id(), acme.admin().id(), code).refusal().code())
        .isEqualTo(ReasonCode.LINK_SAME_TENANT);
    Company otherSlack = slackCompany();
    var samePlatform = links.redeem(otherSlack.id(), otherSlack.admin().id(), code).refusal();
    assertThat(samePlatform.code()).isEqualTo(ReasonCode.LINK_SAME_PLATFORM);
    assertThat(samePlatform.message(Locale.ENGLISH)).contains("another Slack workspace");

    String stale = links.issue(acme.id(), acme.admin().id()).value().code();
    jdbc.sql(
            """
            update tenant_link_code set created_at = now() - interval '25 hours',
              expires_at = now() - interval '1 hour'
            where tenant_id = ? and used_at is null""")
        .param(acme.id().value())
        .update();
    assertThat(links.redeem(teams.id(), teams.admin().id(), stale).refusal().code())
        .isEqualTo(ReasonCode.LINK_CODE_EXPIRED);

    // Nothing changed: the Teams tenant is whole and on its own.
    assertThat(tenants.find(Platform.TEAMS, teams.externalId()).orElseThrow().id())
        .isEqualTo(teams.id());
    assertThat(count("employee", teams.id())).isEqualTo(2);
    assertThat(tenants.linked(acme.id())).isFalse();

    // A fresh code links once; then it is used.
    String fresh = links.issue(acme.id(), acme.admin().id()).value().code();
    assertThat(links.redeem(teams.id(), teams.admin().id(), fresh).isDone()).isTrue();
    Fresh late = teamsTenant();
    assertThat(links.redeem(late.id(), late.admin().id(), fresh).refusal().code())
        .isEqualTo(ReasonCode.LINK_CODE_USED);

    for (ReasonCode reason : ReasonCode.values()) {
      if (reason.name().startsWith("LINK_")) {
        var refusal = new org.tandem.core.common.Refusal(reason, new Object[] {"Acme"});
        assertThat(refusal.message(Locale.FRENCH))
            .isNotEqualTo(refusal.message(Locale.ENGLISH))
            .doesNotContain("''");
        assertThat(refusal.message(Locale.GERMAN)).isNotEqualTo(refusal.message(Locale.ENGLISH));
      }
    }
  }

  @Test
  void aTenantWithMissionsOrHoursIsRefusedAndKeptWholeSoItsCodeStillWorksTheOtherWay() {
    Company acme = slackCompany();
    Fresh teams = teamsTenant();
    fixtures.workshopInEsch(teams.id(), 2);
    String code = links.issue(acme.id(), acme.admin().id()).value().code();

    var refusal = links.redeem(teams.id(), teams.admin().id(), code).refusal();

    assertThat(refusal.code()).isEqualTo(ReasonCode.LINK_TENANT_HAS_DATA);
    assertThat(refusal.message(Locale.ENGLISH)).contains("Acme").contains("nothing was changed");
    assertThat(tenants.find(Platform.TEAMS, teams.externalId()).orElseThrow().id())
        .isEqualTo(teams.id());
    assertThat(count("mission", teams.id())).isEqualTo(1);
    // Its two people and the admin who imported the mission.
    assertThat(count("employee", teams.id())).isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "select count(*) from tenant_link_code where tenant_id = ? and used_at is null")
                .param(acme.id().value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void sameCodeRedeemedConcurrentlyFromSixTenantsLinksExactlyOne() throws Exception {
    Company acme = slackCompany();
    String code = links.issue(acme.id(), acme.admin().id()).value().code();
    List<Fresh> candidates = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      candidates.add(teamsTenant());
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Outcome<Tenant>>> results = new ArrayList<>();
    for (Fresh f : candidates) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return links.redeem(f.id(), f.admin().id(), code);
              }));
    }
    start.countDown();
    List<Outcome<Tenant>> outcomes = new ArrayList<>();
    for (Future<Outcome<Tenant>> r : results) {
      outcomes.add(r.get());
    }
    pool.shutdown();

    assertThat(outcomes.stream().filter(Outcome::isDone)).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.isDone()))
        .allSatisfy(o -> assertThat(o.refusal().code()).isEqualTo(ReasonCode.LINK_CODE_USED));
    assertThat(
            jdbc.sql("select count(*) from tenant_alias where tenant_id = ?")
                .param(acme.id().value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(candidates.stream().filter(f -> tenants.find(f.id()).isEmpty())).hasSize(1);
  }

  @Test
  void theSameTenantRedeemingTwiceAtOnceIsLinkedOnce() throws Exception {
    Company acme = slackCompany();
    Fresh teams = teamsTenant();
    String code = links.issue(acme.id(), acme.admin().id()).value().code();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Outcome<Tenant>>> twice = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      twice.add(
          pool.submit(
              () -> {
                start.await();
                return links.redeem(teams.id(), teams.admin().id(), code);
              }));
    }
    start.countDown();
    Outcome<Tenant> first = twice.get(0).get();
    Outcome<Tenant> second = twice.get(1).get();
    pool.shutdown();
    assertThat(List.of(first, second).stream().filter(Outcome::isDone)).hasSize(1);
    assertThat(tenants.find(Platform.TEAMS, teams.externalId()).orElseThrow().id())
        .isEqualTo(acme.id());
  }

  @Test
  void anUninstallOfALinkedPlatformStartsNoRetentionClockButOneOfASinglePlatformDoes() {
    Company acme = slackCompany();
    Fresh teams = teamsTenant();
    String code = links.issue(acme.id(), acme.admin().id()).value().code();
    links.redeem(teams.id(), teams.admin().id(), code).value();

    tenants.uninstalled(Platform.TEAMS, teams.externalId());
    assertThat(tenants.find(acme.id()).orElseThrow().uninstalledAt()).isNull();

    Fresh alone = teamsTenant();
    tenants.uninstalled(Platform.TEAMS, alone.externalId());
    assertThat(tenants.find(alone.id()).orElseThrow().uninstalledAt()).isNotNull();
  }

  @Test
  void theDemoCompanyOfTheTryItChatIsNeverLinkedEitherWay() {
    String demoId = "demo-" + UUID.randomUUID();
    TenantId demo = tenants.findOrCreate(Platform.LOCAL, demoId, "Demo", "LU").id();
    Employee demoAdmin =
        people.enrol(
            demo,
            IdentityKind.LOCAL,
            "admin-" + demoId,
            new NewPerson("Demo Admin", null, Locale.ENGLISH, Fixtures.LUXEMBOURG));
    people.bootstrap(demo, demoAdmin.id(), Role.ADMIN);
    Company acme = slackCompany();

    // The demo admin (anyone on the try-it page) gets no code to hand to a real workspace...
    var issued = links.issue(demo, demoAdmin.id()).refusal();
    assertThat(issued.code()).isEqualTo(ReasonCode.LINK_DEMO_COMPANY);
    assertThat(issued.message(Locale.FRENCH)).contains("d'essai").contains("\u00a0:");
    // ...and cannot pull a real workspace's code into the demo either.
    String code = links.issue(acme.id(), acme.admin().id()).value().code();
    assertThat(links.redeem(demo, demoAdmin.id(), code).refusal().code())
        .isEqualTo(ReasonCode.LINK_DEMO_COMPANY);
    assertThat(tenants.find(demo)).isPresent();
    assertThat(tenants.linked(acme.id())).isFalse();
    assertThat(
            jdbc.sql("select used_at is null from tenant_link_code where tenant_id = ?")
                .param(acme.id().value())
                .query(Boolean.class)
                .list())
        .containsOnly(true);
  }
}
