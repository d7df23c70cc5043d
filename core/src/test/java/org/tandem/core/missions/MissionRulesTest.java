package org.tandem.core.missions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.core.associations.Association;
import org.tandem.core.causes.Cause;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.Employee;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/** Who may create and change missions, and which dates a mission may have. */
@DatabaseTest
class MissionRulesTest {

  @Autowired Missions missions;
  @Autowired Fixtures fixtures;
  @Autowired org.tandem.core.associations.Associations associations;
  @Autowired org.tandem.core.people.AdminAudit audit;

  static Session on(LocalDate day) {
    Instant start = day.atTime(LocalTime.of(18, 0)).atZone(Fixtures.LUXEMBOURG).toInstant();
    return new Session(start, start.plus(2, ChronoUnit.HOURS));
  }

  MissionDraft draft(Association a, Session... sessions) {
    return Fixtures.draft(
        a.id(),
        "Repair café",
        List.of("accounting"),
        MissionMode.ONSITE,
        fixtures.place("Esch-sur-Alzette"),
        4,
        sessions);
  }

  @Test
  void onlyCsrManagersCreateMissionsAndOnlyTheyOrTheOrganiserChangeThem() {
    TenantId tenant = fixtures.company();
    Association a = fixtures.association(tenant, "Repair Café Esch", Cause.ENVIRONMENT);
    Employee claire = fixtures.csrManager(tenant, "Claire");
    Employee tom = fixtures.person(tenant, "Tom");
    MissionDraft next = draft(a, Fixtures.evening(7));
    assertThat(missions.create(tenant, tom.id(), next, true).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(missions.create(tenant, -1, next, true).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    Mission m = missions.create(tenant, claire.id(), next, false).value();
    assertThat(m.createdBy()).isEqualTo(claire.id());
    MissionDraft hijacked =
        Fixtures.draft(a.id(), "Hijacked", List.of(), MissionMode.REMOTE, null, 1);
    assertThat(missions.edit(tenant, tom.id(), m.id(), hijacked).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(missions.publish(tenant, tom.id(), m.id()).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(missions.cancel(tenant, tom.id(), m.id()).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    Mission unchanged = missions.find(tenant, m.id()).orElseThrow();
    assertThat(unchanged.title()).isEqualTo("Repair café");
    assertThat(unchanged.status()).isEqualTo(MissionStatus.DRAFT);
    // The tenant's importer is an admin, not a CSR manager: no mission of theirs to edit.
    assertThat(
            missions
                .edit(tenant, fixtures.importer(tenant).id(), m.id(), hijacked)
                .refusal()
                .code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(missions.edit(tenant, claire.id(), m.id(), hijacked).value().title())
        .isEqualTo("Hijacked");
    assertThat(missions.publish(tenant, claire.id(), m.id()).value().status())
        .isEqualTo(MissionStatus.OPEN);
  }

  @Test
  void sessionsInThePastOrMoreThanThreeYearsAheadAreRefusedOnTheFirstDate() {
    TenantId tenant = fixtures.company();
    Association a = fixtures.association(tenant, "Repair Café Esch", Cause.ENVIRONMENT);
    long claire = fixtures.csrManager(tenant, "Claire").id();
    LocalDate today = LocalDate.now(Fixtures.LUXEMBOURG);
    Refusal year1 =
        missions.create(tenant, claire, draft(a, on(LocalDate.of(1, 1, 1))), true).refusal();
    assertThat(year1.code()).isEqualTo(ReasonCode.MISSION_DATE_PASSED);
    assertThat(year1.field()).isEqualTo("firstDate");
    assertThat(year1.message(Locale.ENGLISH)).contains("already passed");
    Refusal yesterday =
        missions.create(tenant, claire, draft(a, on(today.minusDays(1))), true).refusal();
    assertThat(yesterday.code()).isEqualTo(ReasonCode.MISSION_DATE_PASSED);
    Refusal series =
        missions
            .create(tenant, claire, draft(a, on(today.plusDays(1)), on(today.minusDays(6))), true)
            .refusal();
    assertThat(series.code()).isEqualTo(ReasonCode.MISSION_DATE_PASSED);
    Refusal far =
        missions
            .create(tenant, claire, draft(a, on(today.plusYears(3).plusDays(1))), true)
            .refusal();
    assertThat(far.code()).isEqualTo(ReasonCode.MISSION_DATE_TOO_FAR);
    assertThat(far.field()).isEqualTo("firstDate");
    assertThat(far.message(Locale.FRENCH)).contains("trop loin");
    Refusal year9999 =
        missions.create(tenant, claire, draft(a, on(LocalDate.of(9999, 12, 31))), true).refusal();
    assertThat(year9999.code()).isEqualTo(ReasonCode.MISSION_DATE_TOO_FAR);
    Session[] weekly = new Session[53];
    for (int i = 0; i < weekly.length; i++) {
      weekly[i] = on(today.plusWeeks(i));
    }
    Refusal tooMany = missions.create(tenant, claire, draft(a, weekly), true).refusal();
    assertThat(tooMany.field()).isEqualTo("sessions");
    assertThat(missions.create(tenant, claire, draft(a, on(today)), true).isDone()).isTrue();
    assertThat(missions.create(tenant, claire, draft(a, on(today.plusYears(3))), true).isDone())
        .isTrue();
  }

  @Test
  void anEditKeepsSessionsThatHavePassedButAddsNoNewOneInThePast() {
    TenantId tenant = fixtures.company();
    long claire = fixtures.csrManager(tenant, "Claire").id();
    // Imported with a session a week ago and one in a week, as a mission already under way.
    Mission m = fixtures.workshopInEsch(tenant, 4);
    List<Session> held = missions.sessions(tenant, m.id());
    MissionDraft renamed =
        Fixtures.draft(
            m.associationId(),
            "Bookkeeping workshop, second term",
            List.of("accounting"),
            MissionMode.ONSITE,
            fixtures.place("Esch-sur-Alzette"),
            4,
            held.toArray(Session[]::new));
    assertThat(missions.edit(tenant, claire, m.id(), renamed).value().title())
        .isEqualTo("Bookkeeping workshop, second term");
    MissionDraft movedBack =
        Fixtures.draft(
            m.associationId(),
            "Bookkeeping workshop",
            List.of("accounting"),
            MissionMode.ONSITE,
            fixtures.place("Esch-sur-Alzette"),
            4,
            Fixtures.evening(-30),
            held.get(1));
    Refusal r = missions.edit(tenant, claire, m.id(), movedBack).refusal();
    assertThat(r.code()).isEqualTo(ReasonCode.MISSION_DATE_PASSED);
    assertThat(missions.sessions(tenant, m.id())).isEqualTo(held);
  }

  @Test
  void associationsAreManagedByCsrManagersAndImportsByAdminsOnRecord() {
    TenantId tenant = fixtures.company();
    Employee claire = fixtures.csrManager(tenant, "Claire");
    Employee tom = fixtures.person(tenant, "Tom");
    var draft =
        new org.tandem.core.associations.AssociationDraft(
            "Repair Café Esch", "", List.of(Cause.ENVIRONMENT), null, null, null, null, null);
    assertThat(associations.register(tenant, tom.id(), draft).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    Association a = associations.register(tenant, claire.id(), draft).value();
    assertThat(associations.edit(tenant, tom.id(), a.id(), draft).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(associations.imported(tenant, claire.id(), draft).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(
            missions.imported(tenant, claire.id(), draft(a, Fixtures.evening(-3))).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    long importer = fixtures.importer(tenant).id();
    missions.imported(tenant, importer, draft(a, Fixtures.evening(-3))).value();
    var last = audit.read(tenant, importer, 1, null).value().entries().get(0);
    assertThat(last.kind()).isEqualTo(org.tandem.core.people.AdminAudit.Kind.IMPORTED);
    assertThat(last.detail()).containsEntry("mission", "Repair café");
  }
}
