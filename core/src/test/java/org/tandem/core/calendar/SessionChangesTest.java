package org.tandem.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.associations.Association;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.DatedSession;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionDraft;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Missions;
import org.tandem.core.missions.Session;
import org.tandem.core.missions.SessionEdit;
import org.tandem.core.people.Employee;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * Sessions keep their calendar identity through edits, and the people committed are told of a
 * session moved or removed, or of the mission cancelled, in the transaction of the change.
 */
@DatabaseTest
class SessionChangesTest {

  @Autowired Fixtures fixtures;
  @Autowired Missions missions;
  @Autowired Commitments commitments;
  @Autowired JdbcClient jdbc;

  record Told(long employeeId, String kind, String payload, boolean urgent) {}

  private List<Told> told(TenantId tenant) {
    return jdbc.sql(
            """
            select employee_id, kind, payload, urgent from notification
            where tenant_id = ? and kind like '%CANCELLED' or tenant_id = ? and kind like 'SESSION%'
            order by id""")
        .params(tenant.value(), tenant.value())
        .query(
            (rs, n) -> new Told(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
        .list();
  }

  private MissionDraft draft(Association a, String link, MissionMode mode, Session... sessions) {
    MissionDraft d =
        Fixtures.draft(
            a.id(),
            "Repair café",
            List.of(),
            mode,
            mode == MissionMode.REMOTE ? null : fixtures.place("Esch-sur-Alzette"),
            3,
            sessions);
    return new MissionDraft(
        d.associationId(),
        d.title(),
        d.description(),
        d.skills(),
        d.causes(),
        d.languages(),
        d.mode(),
        d.place(),
        d.schedule(),
        d.sessions(),
        d.flexibleSlots(),
        d.hoursPerSession(),
        d.capacity(),
        d.teamSize(),
        link);
  }

  private static Session later(Session s, long hours) {
    return new Session(
        s.startsAt().plus(hours, ChronoUnit.HOURS), s.endsAt().plus(hours, ChronoUnit.HOURS));
  }

  @Test
  void anEditKeepsUnchangedSessionsMovesOthersAndTellsTheCommittedAtOnce() {
    TenantId tenant = fixtures.company();
    Association a = fixtures.association(tenant, "Repair " + UUID.randomUUID(), Cause.ENVIRONMENT);
    Employee claire = fixtures.csrManager(tenant, "Claire");
    Session first = Fixtures.evening(7);
    Session second = Fixtures.evening(14);
    Session third = Fixtures.evening(21);
    Mission m =
        missions
            .create(
                tenant, claire.id(), draft(a, null, MissionMode.ONSITE, first, second, third), true)
            .value();
    List<DatedSession> before = missions.datedSessions(tenant, m.id());
    assertThat(before).extracting(DatedSession::sequence).containsExactly(0, 0, 0);
    assertThat(before).extracting(DatedSession::uid).doesNotHaveDuplicates();

    Employee ana = fixtures.person(tenant, "Ana");
    Employee ben = fixtures.person(tenant, "Ben");
    Employee cid = fixtures.person(tenant, "Cid");
    Employee dan = fixtures.person(tenant, "Dan");
    commitments.commit(tenant, ana.id(), m.id(), false);
    long benSeat = commitments.commit(tenant, ben.id(), m.id(), false).value().id();
    commitments.commit(tenant, cid.id(), m.id(), false);
    assertThat(commitments.commit(tenant, dan.id(), m.id(), false).value().status())
        .isEqualTo(CommitmentStatus.WAITLISTED);
    commitments.cancel(tenant, ben.id(), benSeat);
    // Ben's seat is offered to Dan: an offer not accepted yet is not a commitment to the dates.
    assertThat(commitments.live(tenant, m.id(), dan.id()).orElseThrow().status())
        .isEqualTo(CommitmentStatus.OFFERED);

    // The first evening stays, the second moves an hour later, the third is dropped.
    Session moved = later(second, 1);
    missions.edit(tenant, claire.id(), m.id(), draft(a, null, MissionMode.ONSITE, first, moved));
    List<DatedSession> after = missions.datedSessions(tenant, m.id());
    assertThat(after).hasSize(2);
    assertThat(after.get(0)).isEqualTo(before.get(0));
    assertThat(after.get(1).uid()).isEqualTo(before.get(1).uid());
    assertThat(after.get(1).sequence()).isEqualTo(1);
    assertThat(after.get(1).startsAt()).isEqualTo(moved.startsAt());

    List<Told> told = told(tenant);
    List<Long> committed = List.of(ana.id(), cid.id());
    assertThat(told.stream().filter(t -> t.kind().equals("SESSION_CHANGED")))
        .extracting(Told::employeeId)
        .containsExactlyInAnyOrderElementsOf(committed);
    assertThat(told.stream().filter(t -> t.kind().equals("SESSION_CANCELLED")))
        .extracting(Told::employeeId)
        .containsExactlyInAnyOrderElementsOf(committed);
    assertThat(told)
        .noneMatch(t -> t.employeeId() == ben.id() || t.employeeId() == dan.id())
        .noneMatch(Told::urgent);
    SessionPayload change =
        SessionPayload.parse(
                told.stream()
                    .filter(t -> t.kind().equals("SESSION_CHANGED"))
                    .findFirst()
                    .get()
                    .payload())
            .orElseThrow();
    assertThat(change.session()).isEqualTo(after.get(1));
    assertThat(change.beforeStart()).isEqualTo(second.startsAt());
    SessionPayload removed =
        SessionPayload.parse(
                told.stream()
                    .filter(t -> t.kind().equals("SESSION_CANCELLED"))
                    .findFirst()
                    .get()
                    .payload())
            .orElseThrow();
    assertThat(removed.session().uid()).isEqualTo(before.get(2).uid());
    assertThat(removed.session().sequence()).isEqualTo(1);
    assertThat(removed.session().startsAt()).isEqualTo(third.startsAt());

    // Saving the same again changes nothing and tells nobody.
    int messages = told.size();
    missions.edit(tenant, claire.id(), m.id(), draft(a, null, MissionMode.ONSITE, first, moved));
    assertThat(missions.datedSessions(tenant, m.id())).isEqualTo(after);
    assertThat(told(tenant)).hasSize(messages);

    // Cancelled: one message per person, every session's sequence goes up.
    missions.cancel(tenant, claire.id(), m.id());
    assertThat(told(tenant).stream().filter(t -> t.kind().equals("MISSION_CANCELLED")))
        .extracting(Told::employeeId)
        .containsExactlyInAnyOrderElementsOf(committed);
    assertThat(missions.datedSessions(tenant, m.id()))
        .extracting(DatedSession::sequence)
        .containsExactly(1, 2);
  }

  @Test
  void movedSessionsArePairedInDateOrderAndNewOnesGetANewIdentity() {
    Instant t = Instant.parse("2027-01-04T17:00:00Z");
    DatedSession a = new DatedSession(UUID.randomUUID(), 0, t, t.plusSeconds(3600));
    DatedSession b =
        new DatedSession(UUID.randomUUID(), 2, t.plusSeconds(86400), t.plusSeconds(90000));
    // Both move a week later, in the other order in the list, and one more date is added.
    Session a2 =
        new Session(a.startsAt().plus(7, ChronoUnit.DAYS), a.endsAt().plus(7, ChronoUnit.DAYS));
    Session b2 =
        new Session(b.startsAt().plus(7, ChronoUnit.DAYS), b.endsAt().plus(7, ChronoUnit.DAYS));
    Session c2 =
        new Session(t.plus(30, ChronoUnit.DAYS), t.plus(30, ChronoUnit.DAYS).plusSeconds(60));
    SessionEdit edit = SessionEdit.of(List.of(b, a), List.of(c2, b2, a2));
    assertThat(edit.removed()).isEmpty();
    assertThat(edit.moved())
        .extracting(mv -> mv.before().uid(), mv -> mv.after().uid(), mv -> mv.after().sequence())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(a.uid(), a.uid(), 1),
            org.assertj.core.groups.Tuple.tuple(b.uid(), b.uid(), 3));
    assertThat(edit.after())
        .extracting(DatedSession::startsAt)
        .containsExactly(a2.startsAt(), b2.startsAt(), c2.startsAt());
    assertThat(edit.after().get(2).uid()).isNotIn(a.uid(), b.uid());
    assertThat(edit.after().get(2).sequence()).isZero();

    // Only the end changes: the same session, updated.
    Session longer = new Session(a.startsAt(), a.endsAt().plusSeconds(1800));
    SessionEdit stretched = SessionEdit.of(List.of(a), List.of(longer));
    assertThat(stretched.after())
        .containsExactly(new DatedSession(a.uid(), 1, longer.startsAt(), longer.endsAt()));
  }

  @Test
  void aRemoteMissionsLinkIsHttpsOnly() {
    TenantId tenant = fixtures.company();
    Association a = fixtures.association(tenant, "Online " + UUID.randomUUID(), Cause.EDUCATION);
    Employee claire = fixtures.csrManager(tenant, "Claire");
    Session s = Fixtures.evening(5);
    for (String bad :
        List.of("javascript:alert(1)", "http://meet.example.com/x", "https://", "https://a b")) {
      var refused =
          missions.create(tenant, claire.id(), draft(a, bad, MissionMode.REMOTE, s), true);
      assertThat(refused.isDone()).as(bad).isFalse();
      assertThat(refused.refusal().field()).isEqualTo("link");
    }
    Mission m =
        missions
            .create(
                tenant,
                claire.id(),
                draft(a, " https://meet.example.com/homework ", MissionMode.REMOTE, s),
                true)
            .value();
    assertThat(m.link()).isEqualTo("https://meet.example.com/homework");
    // An on-site mission keeps no link.
    Mission onsite =
        missions
            .create(
                tenant, claire.id(), draft(a, "https://x.example.com", MissionMode.ONSITE, s), true)
            .value();
    assertThat(onsite.link()).isNull();
  }
}
