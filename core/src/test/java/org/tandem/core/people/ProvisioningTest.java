package org.tandem.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.missions.Mission;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * The directory's rules in core: a deactivated person keeps their history and loses their roles; an
 * account finds the person who talked to Tandem first by email; one userName, one account, even
 * when the identity provider sends it twice at once.
 */
@DatabaseTest
class ProvisioningTest {

  @Autowired Provisioning provisioning;
  @Autowired People people;
  @Autowired Authority authority;
  @Autowired AdminAudit audit;
  @Autowired Commitments commitments;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  static DirectoryAccount.Draft draft(String userName, String email, boolean active) {
    return new DirectoryAccount.Draft(
        userName, null, "Sophie", "Muller", null, email, "fr", active, "CSR", "Belval", "LU", null);
  }

  @Test
  void aDeactivatedPersonKeepsTheirHistoryAndLosesTheirRolesForGood() {
    TenantId tenant = fixtures.company();
    Employee admin = fixtures.person(tenant, "Iris Admin");
    people.installedBy(tenant, admin.id());
    Employee sophie =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            "U" + UUID.randomUUID(),
            new NewPerson("Sophie", "sophie@acme.example", Locale.FRENCH, Fixtures.LUXEMBOURG));
    people.grant(tenant, admin.id(), sophie.id(), Role.CSR_MANAGER).value();
    Mission workshop = fixtures.workshopInEsch(tenant, 5);
    commitments.commit(tenant, sophie.id(), workshop.id(), false).value();

    DirectoryAccount account =
        provisioning
            .create(tenant, draft("SOPHIE@acme.example", "Sophie@ACME.example", true))
            .value();
    assertThat(account.employeeId()).isEqualTo(sophie.id());
    assertThat(account.displayName()).isEqualTo("Sophie Muller");

    DirectoryAccount off =
        provisioning
            .update(tenant, account.id(), a -> draft(a.userName(), a.email(), false))
            .value();
    assertThat(off.active()).isFalse();
    Employee gone = people.find(tenant, sophie.id()).orElseThrow();
    assertThat(gone.roles()).isEmpty();
    assertThat(gone.deactivatedAt()).isNotNull();
    assertThat(authority.roles(tenant, sophie.id())).isEmpty();
    assertThat(people.serves(tenant, sophie.id())).isFalse();
    people.bootstrap(tenant, sophie.id(), Role.ADMIN);
    assertThat(people.find(tenant, sophie.id()).orElseThrow().roles()).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from commitment where tenant_id = ? and employee_id = ?")
                .params(tenant.value(), sophie.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    AdminAudit.Entry entry = audit.read(tenant, admin.id(), 1, null).value().entries().get(0);
    assertThat(entry.kind()).isEqualTo(AdminAudit.Kind.PERSON_DEACTIVATED);
    assertThat(entry.actor()).isEqualTo(Provisioning.DIRECTORY);
    assertThat(entry.detail()).containsEntry("roles", "CSR_MANAGER");

    // Nor from an admin: the directory decides who works here.
    assertThat(people.grant(tenant, admin.id(), sophie.id(), Role.CSR_MANAGER).refusal().code())
        .isEqualTo(ReasonCode.PERSON_DEACTIVATED);
    assertThat(people.find(tenant, sophie.id()).orElseThrow().roles()).isEmpty();

    provisioning.update(tenant, account.id(), a -> draft(a.userName(), a.email(), true)).value();
    Employee back = people.find(tenant, sophie.id()).orElseThrow();
    assertThat(back.roles()).containsExactly(Role.EMPLOYEE);
    assertThat(people.serves(tenant, sophie.id())).isTrue();
  }

  @Test
  void theIdentityProviderClearsOnlyWhatItCouldSee() {
    TenantId tenant = fixtures.company();
    Employee boss = fixtures.person(tenant, "Nina Boss");
    Employee lea =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            "U" + UUID.randomUUID(),
            new NewPerson("Lea", "lea@acme.example", Locale.FRENCH, Fixtures.LUXEMBOURG));
    // A file or "person NAME" gave Lea a workplace and a manager who has no SCIM account.
    people.setWorkplace(tenant, lea.id(), "Metz", "Finance", "FR").value();
    people.setManager(tenant, lea.id(), boss.id()).value();

    DirectoryAccount account =
        provisioning
            .create(
                tenant,
                new DirectoryAccount.Draft(
                    "lea",
                    null,
                    "Lea",
                    "Klein",
                    null,
                    "lea@acme.example",
                    null,
                    true,
                    null,
                    null,
                    null,
                    null))
            .value();
    Employee linked = people.find(tenant, lea.id()).orElseThrow();
    assertThat(account.employeeId()).isEqualTo(lea.id());
    assertThat(linked.site()).isEqualTo("Metz");
    assertThat(linked.department()).isEqualTo("Finance");
    assertThat(linked.country()).isEqualTo("FR");
    assertThat(linked.managerId()).isEqualTo(boss.id());

    // A PATCH of something else (its view of Lea has no manager: the boss has no account).
    provisioning
        .update(
            tenant,
            account.id(),
            a ->
                new DirectoryAccount.Draft(
                    a.userName(),
                    "ext-lea",
                    "Lea",
                    "Klein",
                    null,
                    a.email(),
                    null,
                    true,
                    a.department(),
                    a.site(),
                    a.country(),
                    a.managerId()))
        .value();
    assertThat(people.find(tenant, lea.id()).orElseThrow().managerId()).isEqualTo(boss.id());
  }

  @Test
  void aPersonProvisionedFirstIsFoundOnFirstContactByEmail() {
    TenantId tenant = fixtures.company();
    DirectoryAccount account =
        provisioning.create(tenant, draft("marc", "marc@acme.example", true)).value();
    Employee marc =
        people.enrol(
            tenant,
            IdentityKind.TEAMS,
            UUID.randomUUID().toString(),
            new NewPerson("M. K.", "MARC@acme.example", Locale.GERMAN, Fixtures.LUXEMBOURG));
    assertThat(marc.id()).isEqualTo(account.employeeId());
    assertThat(marc.department()).isEqualTo("CSR");
    assertThat(marc.locale().getLanguage()).isEqualTo("fr");
  }

  @Test
  void oneUserNameMakesOneAccountWhenSentTwiceAtOnce() throws Exception {
    TenantId tenant = fixtures.company();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Outcome<DirectoryAccount>>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Callable<Outcome<DirectoryAccount>> create =
            () -> provisioning.create(tenant, draft("same", "same@acme.example", true));
        results.add(pool.submit(create));
      }
      int created = 0;
      for (Future<Outcome<DirectoryAccount>> r : results) {
        Outcome<DirectoryAccount> o = r.get();
        if (o.isDone()) {
          created++;
        } else {
          assertThat(o.refusal().code()).isEqualTo(ReasonCode.USER_NAME_TAKEN);
        }
      }
      assertThat(created).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(
            jdbc.sql("select count(*) from employee where tenant_id = ?")
                .param(tenant.value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }
}
