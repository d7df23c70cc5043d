package org.tandem.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.associations.Association;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Missions;
import org.tandem.core.missions.Session;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Reminders are due from 08:00 on the last working day before a session, in each volunteer's own
 * zone, are written once per person, session and sequence, and only for confirmed volunteers. The
 * mission is imported with fixed dates (an import may have any dates) so the week is always the
 * same: a Monday session on 10 March 2025, the day after the United States moved their clocks.
 */
@DatabaseTest
class SessionRemindersTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  /** Monday 10 March 2025, 14:00 in Luxembourg (13:00 UTC). */
  static final Instant MONDAY_SESSION =
      LocalDateTime.of(2025, 3, 10, 14, 0).atZone(Fixtures.LUXEMBOURG).toInstant();

  @Autowired Fixtures fixtures;
  @Autowired SessionReminders reminders;
  @Autowired Commitments commitments;
  @Autowired Missions missions;
  @Autowired People people;
  @Autowired Tenants tenants;
  @Autowired JdbcClient jdbc;

  private Employee person(TenantId tenant, String name, ZoneId zone) {
    return people.enrol(
        tenant,
        IdentityKind.SLACK,
        "U" + UUID.randomUUID().toString().substring(0, 8),
        new NewPerson(name, null, Locale.ENGLISH, zone));
  }

  private static Instant at(int day, int hour, int minute, ZoneId zone) {
    return LocalDateTime.of(2025, 3, day, hour, minute).atZone(zone).toInstant();
  }

  /** The reminders written for this tenant: who, and from when. */
  private Map<Long, Instant> written(TenantId tenant) {
    return jdbc
        .sql(
            """
            select employee_id, next_attempt_at from notification
            where tenant_id = ? and kind = 'SESSION_REMINDER'""")
        .params(tenant.value())
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Test
  void aMondaySessionIsRemindedOnFridayFromEightInEachPersonsZone() {
    TenantId tenant = fixtures.company();
    Association a = fixtures.association(tenant, "Caritas " + UUID.randomUUID(), Cause.HEALTH);
    Mission m =
        fixtures.mission(
            tenant,
            Fixtures.draft(
                a.id(),
                "Food bank shift",
                List.of(),
                MissionMode.ONSITE,
                fixtures.place("Esch-sur-Alzette"),
                10,
                new Session(MONDAY_SESSION, MONDAY_SESSION.plusSeconds(3 * 3600))));
    Employee lea = person(tenant, "Léa", Fixtures.LUXEMBOURG);
    Employee sam = person(tenant, "Sam", NEW_YORK);
    Employee priya = person(tenant, "Priya", KOLKATA);
    for (Employee e : List.of(lea, sam, priya)) {
      assertThat(commitments.commit(tenant, e.id(), m.id(), false).isDone()).isTrue();
    }

    // Friday 08:00 in Kolkata is 02:30 UTC; in Luxembourg 07:00 UTC; in New York (still on
    // standard time until Sunday) 13:00 UTC. Nothing before, each one from then on.
    Instant kolkata = at(7, 8, 0, KOLKATA);
    Instant luxembourg = at(7, 8, 0, Fixtures.LUXEMBOURG);
    Instant newYork = at(7, 8, 0, NEW_YORK);
    assertThat(kolkata).isEqualTo(Instant.parse("2025-03-07T02:30:00Z"));
    assertThat(newYork).isEqualTo(Instant.parse("2025-03-07T13:00:00Z"));

    reminders.enqueueDue(at(6, 23, 0, Fixtures.LUXEMBOURG));
    reminders.enqueueDue(kolkata.minusSeconds(1));
    assertThat(written(tenant)).isEmpty();

    reminders.enqueueDue(kolkata);
    assertThat(written(tenant)).containsOnlyKeys(priya.id());
    reminders.enqueueDue(luxembourg);
    assertThat(written(tenant)).containsOnlyKeys(priya.id(), lea.id());
    reminders.enqueueDue(newYork.minusSeconds(1));
    assertThat(written(tenant)).hasSize(2);
    reminders.enqueueDue(newYork);
    reminders.enqueueDue(newYork.plusSeconds(3600));
    // Due from 08:00 in each zone, and written once each whatever the number of runs.
    assertThat(written(tenant))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(priya.id(), kolkata, lea.id(), luxembourg, sam.id(), newYork));

    // Once the session has started, no reminder is written any more (Sam's was already).
    jdbc.sql("delete from notification where tenant_id = ?").params(tenant.value()).update();
    reminders.enqueueDue(MONDAY_SESSION);
    assertThat(written(tenant)).isEmpty();
  }

  @Test
  void onlyConfirmedVolunteersOfALiveMissionAreReminded() {
    TenantId tenant = fixtures.company();
    Association a = fixtures.association(tenant, "Scouts " + UUID.randomUUID(), Cause.EDUCATION);
    Mission m =
        fixtures.mission(
            tenant,
            Fixtures.draft(
                a.id(),
                "Homework club",
                List.of(),
                MissionMode.REMOTE,
                null,
                2,
                new Session(MONDAY_SESSION, MONDAY_SESSION.plusSeconds(3600))));
    Employee left = person(tenant, "Left", Fixtures.LUXEMBOURG);
    Employee seated = person(tenant, "Seated", Fixtures.LUXEMBOURG);
    Employee pending = person(tenant, "Pending", Fixtures.LUXEMBOURG);
    Employee waiting = person(tenant, "Waiting", Fixtures.LUXEMBOURG);
    long gone = commitments.commit(tenant, left.id(), m.id(), false).value().id();
    assertThat(commitments.cancel(tenant, left.id(), gone).isDone()).isTrue();
    assertThat(commitments.commit(tenant, seated.id(), m.id(), false).value().status())
        .isEqualTo(CommitmentStatus.CONFIRMED);
    tenants.change(tenant, PolicyChange.none().managerApproval(true));
    assertThat(commitments.commit(tenant, pending.id(), m.id(), false).value().status())
        .isEqualTo(CommitmentStatus.PENDING_APPROVAL);
    assertThat(commitments.commit(tenant, waiting.id(), m.id(), false).value().status())
        .isEqualTo(CommitmentStatus.WAITLISTED);

    Instant friday = at(7, 9, 0, Fixtures.LUXEMBOURG);
    reminders.enqueueDue(friday);
    assertThat(written(tenant)).containsOnlyKeys(seated.id());

    // A cancelled mission is not reminded.
    jdbc.sql("delete from notification where tenant_id = ?").params(tenant.value()).update();
    missions.cancel(tenant, fixtures.csrManager(tenant, "Claire").id(), m.id());
    jdbc.sql("delete from notification where tenant_id = ?").params(tenant.value()).update();
    reminders.enqueueDue(friday);
    assertThat(written(tenant)).isEmpty();
  }

  @Test
  void theLastWorkingDaySkipsTheWeekend() {
    ZoneId lux = Fixtures.LUXEMBOURG;
    // Monday -> Friday, Tuesday -> Monday, Sunday and Saturday -> Friday.
    assertThat(ReminderDay.due(at(10, 14, 0, lux), lux)).isEqualTo(at(7, 8, 0, lux));
    assertThat(ReminderDay.due(at(11, 7, 0, lux), lux)).isEqualTo(at(10, 8, 0, lux));
    assertThat(ReminderDay.due(at(9, 10, 0, lux), lux)).isEqualTo(at(7, 8, 0, lux));
    assertThat(ReminderDay.due(at(8, 10, 0, lux), lux)).isEqualTo(at(7, 8, 0, lux));
    // The day is the person's: 01:00 on Tuesday in Luxembourg is still Monday in New York.
    assertThat(ReminderDay.due(at(11, 1, 0, lux), NEW_YORK))
        .isEqualTo(LocalDate.of(2025, 3, 7).atTime(8, 0).atZone(NEW_YORK).toInstant());
  }
}
