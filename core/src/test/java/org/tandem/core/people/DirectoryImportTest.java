package org.tandem.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A directory file planned and applied in a company created by an install: the preview changes
 * nothing, Confirm applies every valid line at once, the same file again changes nothing, bad lines
 * are named with their reason, loops are refused, and only the admin who previewed confirms.
 */
@DatabaseTest
class DirectoryImportTest {

  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Directory directory;
  @Autowired AdminAudit audit;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  record Company(TenantId tenant, Employee admin, Employee employee) {}

  Company installed() {
    Tenant t = tenants.findOrCreate(Platform.SLACK, "T" + UUID.randomUUID(), "Acme Lux", "LU");
    Employee iris = fixtures.person(t.id(), "Iris Admin");
    people.installedBy(t.id(), iris.id());
    Employee tom = fixtures.person(t.id(), "Tom Employee");
    return new Company(t.id(), iris, tom);
  }

  static DirectoryRow row(int line, String email, String name, String manager) {
    return new DirectoryRow(line, email, name, "Esch", "Finance", "lu", manager);
  }

  Map<String, Employee> byEmail(TenantId t) {
    return people.members(t).stream()
        .filter(e -> e.email() != null)
        .collect(Collectors.toMap(e -> e.email().toLowerCase(Locale.ROOT), e -> e));
  }

  @Test
  void aGoodFileIsPreviewedThenAppliedOnceAndAgainChangesNothing() {
    Company c = installed();
    List<DirectoryRow> rows =
        List.of(
            row(2, "claire@acme.lu", "Claire Boss", ""),
            row(3, "Marc@Acme.lu", "Marc Martin", "claire@acme.lu"),
            new DirectoryRow(4, "lea@acme.lu", "Léa Petit", "Metz", "IT", "FR", "marc@acme.lu"));

    DirectoryPlan preview =
        directory.preview(c.tenant(), c.admin().id(), "staff.csv", rows).value();
    assertThat(preview.toAdd()).isEqualTo(3);
    assertThat(preview.errors()).isEmpty();
    assertThat(byEmail(c.tenant())).doesNotContainKey("claire@acme.lu");

    DirectoryPlan applied = directory.confirm(c.tenant(), c.admin().id(), preview.id()).value();
    assertThat(applied.toAdd()).isEqualTo(3);
    Map<String, Employee> now = byEmail(c.tenant());
    Employee claire = now.get("claire@acme.lu");
    Employee marc = now.get("marc@acme.lu");
    Employee lea = now.get("lea@acme.lu");
    assertThat(claire.managerId()).isNull();
    assertThat(marc.managerId()).isEqualTo(claire.id());
    assertThat(lea.managerId()).isEqualTo(marc.id());
    assertThat(lea.site()).isEqualTo("Metz");
    assertThat(lea.country()).isEqualTo("FR");
    assertThat(marc.country()).isEqualTo("LU");
    assertThat(marc.locale().getLanguage()).isEqualTo("fr");
    assertThat(marc.roles()).containsExactly(Role.EMPLOYEE);

    // A second Confirm of the same preview finds nothing.
    assertThat(directory.confirm(c.tenant(), c.admin().id(), preview.id()).refusal().code())
        .isEqualTo(ReasonCode.DIRECTORY_PLAN_EXPIRED);

    // The same file again: nothing to add or update, and nothing changes.
    DirectoryPlan again = directory.preview(c.tenant(), c.admin().id(), "staff.csv", rows).value();
    assertThat(again.toAdd()).isZero();
    assertThat(again.toUpdate()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    directory.confirm(c.tenant(), c.admin().id(), again.id()).value();
    assertThat(people.members(c.tenant())).hasSize(5);

    List<AdminAudit.Entry> trail =
        audit.read(c.tenant(), c.admin().id(), 2, null).value().entries();
    assertThat(trail.get(1).kind()).isEqualTo(AdminAudit.Kind.IMPORTED);
    assertThat(trail.get(1).detail())
        .containsEntry("directory", "staff.csv")
        .containsEntry("added", "3");
    assertThat(trail.get(0).detail()).containsEntry("added", "0").containsEntry("updated", "0");
  }

  @Test
  void badLinesAreNamedWithTheirReasonAndTheGoodOnesApplied() {
    Company c = installed();
    List<DirectoryRow> rows =
        List.of(
            row(2, "ana@acme.lu", "Ana Lopes", ""),
            row(3, "", "No Email", ""),
            row(4, "not-an-email", "Bad Email", ""),
            row(5, "ANA@acme.lu", "Ana Twice", ""),
            row(6, "bob@acme.lu", "Bob", "x@acme.lu"),
            new DirectoryRow(7, "cem@acme.lu", "Cem", "Esch", "IT", "XX", ""),
            row(8, "dan@acme.lu", "", ""),
            row(9, "eve@acme.lu", "Eve", "eve@acme.lu"),
            // Fay's manager is on a refused line: Fay is refused too.
            row(10, "fay@acme.lu", "Fay", "cem@acme.lu"),
            new DirectoryRow(11, "gil@acme.lu", "Gil", "x".repeat(101), "IT", "LU", ""));
    DirectoryPlan p = directory.preview(c.tenant(), c.admin().id(), "staff.csv", rows).value();
    Map<Integer, ReasonCode> errors =
        p.errors().stream()
            .collect(Collectors.toMap(DirectoryPlan.LineError::line, e -> e.reason().code()));
    assertThat(errors)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                3, ReasonCode.EMAIL_MISSING,
                4, ReasonCode.EMAIL_INVALID,
                5, ReasonCode.EMAIL_DUPLICATE,
                6, ReasonCode.MANAGER_NOT_FOUND,
                7, ReasonCode.UNKNOWN_COUNTRY,
                8, ReasonCode.NAME_MISSING,
                9, ReasonCode.SELF_MANAGER,
                10, ReasonCode.MANAGER_NOT_FOUND,
                11, ReasonCode.VALUE_TOO_LONG));
    assertThat(p.errors().get(0).line()).isEqualTo(3);
    assertThat(
            p.errors().stream()
                .filter(e -> e.line() == 6)
                .findFirst()
                .orElseThrow()
                .reason()
                .message(Locale.ENGLISH))
        .isEqualTo("Manager \"x@acme.lu\" not found, neither in the file nor in Tandem.");
    assertThat(
            p.errors().stream()
                .filter(e -> e.line() == 5)
                .findFirst()
                .orElseThrow()
                .reason()
                .message(Locale.FRENCH))
        .isEqualTo("ANA@acme.lu figure déjà ligne 2\u00a0: une seule fois par personne.");
    assertThat(p.toAdd()).isEqualTo(1);

    directory.confirm(c.tenant(), c.admin().id(), p.id()).value();
    assertThat(byEmail(c.tenant())).containsOnlyKeys("ana@acme.lu");
  }

  @Test
  void aLoopWithinTheFileOrThroughTheDirectoryIsRefused() {
    Company c = installed();
    directory
        .confirm(
            c.tenant(),
            c.admin().id(),
            directory
                .preview(
                    c.tenant(),
                    c.admin().id(),
                    "first.csv",
                    List.of(
                        row(2, "a@acme.lu", "Alice", ""),
                        row(3, "b@acme.lu", "Bruno", "a@acme.lu")))
                .value()
                .id())
        .value();
    List<DirectoryRow> rows =
        List.of(
            // Within the file: C manages D manages C.
            row(2, "c@acme.lu", "Chloé", "d@acme.lu"),
            row(3, "d@acme.lu", "Dieter", "c@acme.lu"),
            // Through the directory: Bruno (under Alice) would manage Alice.
            row(4, "a@acme.lu", "Alice", "b@acme.lu"),
            // A chain is fine.
            row(5, "e@acme.lu", "Emma", "b@acme.lu"));
    DirectoryPlan p = directory.preview(c.tenant(), c.admin().id(), "loops.csv", rows).value();
    assertThat(p.errors())
        .extracting(e -> e.line() + " " + e.reason().code())
        .containsExactly(
            "2 MANAGER_LOOP_IN_FILE", "3 MANAGER_LOOP_IN_FILE", "4 MANAGER_LOOP_IN_FILE");
    assertThat(p.toAdd()).isEqualTo(1);
    directory.confirm(c.tenant(), c.admin().id(), p.id()).value();
    Map<String, Employee> now = byEmail(c.tenant());
    assertThat(now.get("a@acme.lu").managerId()).isNull();
    assertThat(now.get("e@acme.lu").managerId()).isEqualTo(now.get("b@acme.lu").id());
    assertThat(now).doesNotContainKeys("c@acme.lu", "d@acme.lu");
  }

  @Test
  void onlyTheAdminWhoPreviewedConfirmsInTheirCompany() {
    Company c = installed();
    Company other = installed();
    List<DirectoryRow> rows = List.of(row(2, "ana@acme.lu", "Ana", ""));
    assertThat(directory.preview(c.tenant(), c.employee().id(), "x.csv", rows).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    DirectoryPlan p = directory.preview(c.tenant(), c.admin().id(), "x.csv", rows).value();

    assertThat(directory.confirm(c.tenant(), c.employee().id(), p.id()).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    // Another company's admin, naming this plan from their own company: no such plan there.
    assertThat(directory.confirm(other.tenant(), other.admin().id(), p.id()).refusal().code())
        .isEqualTo(ReasonCode.DIRECTORY_PLAN_EXPIRED);
    // A second admin of the same company: the preview is not theirs.
    Employee second = fixtures.person(c.tenant(), "Second Admin");
    people.grant(c.tenant(), c.admin().id(), second.id(), Role.ADMIN).value();
    assertThat(directory.confirm(c.tenant(), second.id(), p.id()).refusal().code())
        .isEqualTo(ReasonCode.DIRECTORY_PLAN_EXPIRED);
    assertThat(byEmail(c.tenant())).doesNotContainKey("ana@acme.lu");

    assertThat(directory.confirm(c.tenant(), c.admin().id(), p.id()).isDone()).isTrue();
  }

  @Test
  void missingColumnsKeepValuesAndEmptyCellsClearThem() {
    Company c = installed();
    DirectoryPlan first =
        directory
            .preview(
                c.tenant(),
                c.admin().id(),
                "a.csv",
                List.of(
                    row(2, "boss@acme.lu", "Boss", ""),
                    row(3, "ana@acme.lu", "Ana", "boss@acme.lu")))
            .value();
    directory.confirm(c.tenant(), c.admin().id(), first.id()).value();
    // Only emails and departments: names, sites, countries and managers are kept.
    DirectoryPlan second =
        directory
            .preview(
                c.tenant(),
                c.admin().id(),
                "b.csv",
                List.of(new DirectoryRow(2, "ana@acme.lu", null, null, "Legal", null, null)))
            .value();
    assertThat(second.toUpdate()).isEqualTo(1);
    directory.confirm(c.tenant(), c.admin().id(), second.id()).value();
    Employee ana = byEmail(c.tenant()).get("ana@acme.lu");
    assertThat(ana.displayName()).isEqualTo("Ana");
    assertThat(ana.department()).isEqualTo("Legal");
    assertThat(ana.site()).isEqualTo("Esch");
    assertThat(ana.managerId()).isEqualTo(byEmail(c.tenant()).get("boss@acme.lu").id());
    // An empty manager cell clears the manager.
    DirectoryPlan third =
        directory
            .preview(
                c.tenant(),
                c.admin().id(),
                "c.csv",
                List.of(new DirectoryRow(2, "ana@acme.lu", null, null, null, null, "")))
            .value();
    directory.confirm(c.tenant(), c.admin().id(), third.id()).value();
    assertThat(byEmail(c.tenant()).get("ana@acme.lu").managerId()).isNull();
  }

  @Test
  void aPersonAddedByAFileIsRecognisedOnFirstContactByEmail() {
    Company c = installed();
    DirectoryPlan p =
        directory
            .preview(c.tenant(), c.admin().id(), "a.csv", List.of(row(2, "ana@acme.lu", "Ana", "")))
            .value();
    directory.confirm(c.tenant(), c.admin().id(), p.id()).value();
    long id = byEmail(c.tenant()).get("ana@acme.lu").id();
    Employee enrolled =
        people.enrol(
            c.tenant(),
            IdentityKind.SLACK,
            "U0ANA",
            new NewPerson("Ana L.", "ANA@acme.lu", Locale.ENGLISH, java.time.ZoneId.of("UTC")));
    assertThat(enrolled.id()).isEqualTo(id);
    assertThat(enrolled.site()).isEqualTo("Esch");
  }

  @Test
  void anAdminEditsOnePersonAndTheRulesHold() {
    Company c = installed();
    Employee boss = fixtures.person(c.tenant(), "Boss");
    Employee ana = fixtures.person(c.tenant(), "Ana Lopes");
    assertThat(
            directory
                .edit(c.tenant(), c.employee().id(), ana.id(), "Esch", "IT", "LU", null)
                .refusal()
                .code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    Employee edited =
        directory.edit(c.tenant(), c.admin().id(), ana.id(), "Esch", "IT", "lu", boss.id()).value();
    assertThat(edited.country()).isEqualTo("LU");
    assertThat(edited.managerId()).isEqualTo(boss.id());
    // Boss under Ana would be a loop: refused, and Boss's site is not changed either.
    assertThat(
            directory
                .edit(c.tenant(), c.admin().id(), boss.id(), "Metz", null, null, ana.id())
                .refusal()
                .code())
        .isEqualTo(ReasonCode.MANAGER_LOOP);
    assertThat(people.find(c.tenant(), boss.id()).orElseThrow().site()).isNull();
    AdminAudit.Entry last =
        audit.read(c.tenant(), c.admin().id(), 1, null).value().entries().get(0);
    assertThat(last.kind()).isEqualTo(AdminAudit.Kind.DIRECTORY_CHANGED);
    assertThat(last.detail())
        .containsEntry("person", "Ana Lopes")
        .containsEntry("manager", " -> Boss");

    assertThat(directory.search(c.tenant(), c.admin().id(), "lopes", 5).value())
        .extracting(Employee::id)
        .containsExactly(ana.id());
    assertThat(directory.search(c.tenant(), c.employee().id(), "lopes", 5).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
  }

  @Test
  void searchIgnoresAccentsAndCase() {
    Company c = installed();
    Employee chloe = fixtures.person(c.tenant(), "Chloé Müller");
    List<Long> found = new ArrayList<>();
    directory
        .search(c.tenant(), c.admin().id(), "chloe muller", 5)
        .value()
        .forEach(e -> found.add(e.id()));
    assertThat(found).containsExactly(chloe.id());
  }
}
