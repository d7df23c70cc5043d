package org.tandem.core.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionDraft;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.MissionStatus;
import org.tandem.core.missions.Missions;
import org.tandem.core.missions.Session;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.QuietHours;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Seats offered from the waiting list: who gets one, for how long, and what happens when it is
 * accepted, passed or left to run out. Times are passed in, so nothing depends on when it runs.
 */
@DatabaseTest
class WaitingListTest {

  /** Friday 10 January 2025 at 17:00 in Luxembourg (UTC+1): an offer made then. */
  static final Instant FRIDAY_5PM = Instant.parse("2025-01-10T16:00:00Z");

  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired WaitingList waitingList;
  @Autowired Missions missions;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  private record Full(
      TenantId tenant, Mission mission, Commitment seat, List<Commitment> waiting) {}

  /** A one-seat mission taken by A, with {@code waiting} people on its waiting list. */
  private Full full(int waiting) {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 1);
    Employee a = fixtures.person(tenant, "A");
    Commitment seat = commitments.commit(tenant, a.id(), mission.id(), false).value();
    List<Commitment> list = new ArrayList<>();
    for (int i = 0; i < waiting; i++) {
      Employee w = fixtures.person(tenant, "Waiting " + i);
      list.add(commitments.commit(tenant, w.id(), mission.id(), false).value());
    }
    return new Full(tenant, mission, seat, list);
  }

  private List<String> outbox(TenantId tenant, long employeeId) {
    return jdbc.sql(
            "select kind || ':' || payload from notification"
                + " where tenant_id = ? and employee_id = ? order by id")
        .params(tenant.value(), employeeId)
        .query(String.class)
        .list();
  }

  private Commitment now(Full f, Commitment c) {
    return commitments.find(f.tenant(), c.id()).orElseThrow();
  }

  private Mission mission(Full f) {
    return missions.find(f.tenant(), f.mission().id()).orElseThrow();
  }

  @Test
  void aFreedSeatIsOfferedToTheFirstPersonWaitingWhoIsToldAndHoldsIt() {
    Full f = full(2);
    Commitment first = f.waiting().get(0);
    commitments.cancel(f.tenant(), f.seat().employeeId(), f.seat().id()).value();

    Commitment offered = now(f, first);
    assertThat(offered.status()).isEqualTo(CommitmentStatus.OFFERED);
    assertThat(offered.offerExpiresAt()).isNotNull();
    assertThat(outbox(f.tenant(), first.employeeId()))
        .containsExactly(Notification.SEAT_OFFERED + ":" + first.id());
    assertThat(outbox(f.tenant(), f.waiting().get(1).employeeId())).isEmpty();
    // The offer holds the seat: nobody new takes it meanwhile.
    assertThat(mission(f).seatsTaken()).isEqualTo(1);
    assertThat(mission(f).status()).isEqualTo(MissionStatus.FULL);
    Employee newcomer = fixtures.person(f.tenant(), "Newcomer");
    assertThat(commitments.commit(f.tenant(), newcomer.id(), f.mission().id(), false).value())
        .extracting(Commitment::status, Commitment::waitlistPosition)
        .containsExactly(CommitmentStatus.WAITLISTED, 2);

    Commitment accepted =
        commitments.accept(f.tenant(), first.employeeId(), first.id(), Instant.now()).value();
    assertThat(accepted.status()).isEqualTo(CommitmentStatus.CONFIRMED);
    assertThat(mission(f).seatsTaken()).isEqualTo(1);
    // A second click (or the other channel) finds the seat taken, and changes nothing.
    assertThat(
            commitments.accept(f.tenant(), first.employeeId(), first.id(), Instant.now()).value())
        .extracting(Commitment::status, Commitment::repeated)
        .containsExactly(CommitmentStatus.CONFIRMED, true);
  }

  @Test
  void theOfferLasts24AwakeHoursOfThePersonWaitingNotCountingTheirQuietHours() {
    Full f = full(2);
    Commitment first = f.waiting().get(0);
    Commitment second = f.waiting().get(1);
    commitments.cancel(f.tenant(), f.seat().employeeId(), f.seat().id()).value();
    // First passes on Friday at 17:00 Luxembourg: with the default 19:00-08:00 and weekends, the
    // second's 24 hours are 2 on Friday, 11 on Monday and 11 on Tuesday, to 19:00.
    assertThat(commitments.pass(f.tenant(), first.employeeId(), first.id(), FRIDAY_5PM).value())
        .extracting(Commitment::status)
        .isEqualTo(CommitmentStatus.CANCELLED);
    assertThat(now(f, second).status()).isEqualTo(CommitmentStatus.OFFERED);
    assertThat(now(f, second).offerExpiresAt())
        .isEqualTo(Instant.parse("2025-01-14T18:00:00Z"))
        .isEqualTo(
            QuietHours.DEFAULT.afterAwake(FRIDAY_5PM, Duration.ofHours(24), Fixtures.LUXEMBOURG));
  }

  @Test
  void anOfferThatRunsOutPassesToTheNextPersonWhoseLastOneHandsTheSeatBack() {
    Full f = full(2);
    Commitment first = f.waiting().get(0);
    Commitment second = f.waiting().get(1);
    commitments.cancel(f.tenant(), f.seat().employeeId(), f.seat().id()).value();
    Instant deadline = now(f, first).offerExpiresAt();

    // Just before the deadline the job leaves it alone.
    expireAll(deadline.minusSeconds(1));
    assertThat(now(f, first).status()).isEqualTo(CommitmentStatus.OFFERED);
    // Accepting after the deadline is refused even before the job has run.
    assertThat(
            commitments
                .accept(f.tenant(), first.employeeId(), first.id(), deadline)
                .refusal()
                .code())
        .isEqualTo(ReasonCode.OFFER_EXPIRED);

    expireAll(deadline);
    assertThat(now(f, first).status()).isEqualTo(CommitmentStatus.CANCELLED);
    assertThat(outbox(f.tenant(), first.employeeId()))
        .containsExactly(
            Notification.SEAT_OFFERED + ":" + first.id(),
            Notification.SEAT_OFFER_EXPIRED + ":" + first.id());
    assertThat(now(f, second).status()).isEqualTo(CommitmentStatus.OFFERED);
    assertThat(outbox(f.tenant(), second.employeeId()))
        .containsExactly(Notification.SEAT_OFFERED + ":" + second.id());
    // Still refused once the job has passed it on.
    assertThat(
            commitments
                .accept(f.tenant(), first.employeeId(), first.id(), deadline.minusSeconds(60))
                .refusal()
                .code())
        .isEqualTo(ReasonCode.OFFER_EXPIRED);
    assertThat(mission(f).seatsTaken()).isEqualTo(1);

    // The second passes: nobody is left waiting, so the seat goes back to the mission.
    commitments.pass(f.tenant(), second.employeeId(), second.id(), Instant.now()).value();
    assertThat(mission(f).seatsTaken()).isZero();
    assertThat(mission(f).status()).isEqualTo(MissionStatus.OPEN);
    assertThat(
            commitments
                .pass(f.tenant(), second.employeeId(), second.id(), Instant.now())
                .refusal()
                .code())
        .isEqualTo(ReasonCode.NO_SEAT_OFFERED);
  }

  @Test
  void onlyThePersonOfferedTheSeatAnswersIt() {
    Full f = full(1);
    Commitment first = f.waiting().get(0);
    commitments.cancel(f.tenant(), f.seat().employeeId(), f.seat().id()).value();
    Employee stranger = fixtures.person(f.tenant(), "Stranger");
    Employee csr = fixtures.csrManager(f.tenant(), "Chloé");
    for (Employee other : List.of(stranger, csr)) {
      assertThat(
              commitments
                  .accept(f.tenant(), other.id(), first.id(), Instant.now())
                  .refusal()
                  .code())
          .isEqualTo(ReasonCode.NOT_YOURS);
      assertThat(
              commitments.pass(f.tenant(), other.id(), first.id(), Instant.now()).refusal().code())
          .isEqualTo(ReasonCode.NOT_YOURS);
    }
    assertThat(now(f, first).status()).isEqualTo(CommitmentStatus.OFFERED);
    // Someone merely waiting has no seat to accept.
    Employee later = fixtures.person(f.tenant(), "Later");
    Commitment waiting =
        commitments.commit(f.tenant(), later.id(), f.mission().id(), false).value();
    assertThat(
            commitments
                .accept(f.tenant(), later.id(), waiting.id(), Instant.now())
                .refusal()
                .code())
        .isEqualTo(ReasonCode.NO_SEAT_OFFERED);
  }

  @Test
  void aSeatOfferedOnAMissionCancelledSinceCannotBeAccepted() {
    Full f = full(1);
    Commitment first = f.waiting().get(0);
    commitments.cancel(f.tenant(), f.seat().employeeId(), f.seat().id()).value();
    Employee csr = fixtures.csrManager(f.tenant(), "Claire");
    missions.cancel(f.tenant(), csr.id(), f.mission().id()).value();
    assertThat(
            commitments
                .accept(f.tenant(), first.employeeId(), first.id(), Instant.now())
                .refusal()
                .code())
        .isEqualTo(ReasonCode.MISSION_CANCELLED);
    assertThat(now(f, first).status()).isEqualTo(CommitmentStatus.OFFERED);
  }

  @Test
  void acceptingGoesThroughTheSamePathAsCommittingSoTheManagerApprovesIt() {
    TenantId tenant = fixtures.company();
    tenants.change(tenant, PolicyChange.none().managerApproval(true));
    Mission mission = fixtures.workshopInEsch(tenant, 1);
    Employee boss = fixtures.person(tenant, "Boss");
    Employee a = fixtures.person(tenant, "A");
    Employee b = fixtures.person(tenant, "B");
    people.setManager(tenant, b.id(), boss.id());
    Commitment ca = commitments.commit(tenant, a.id(), mission.id(), false).value();
    Commitment cb = commitments.commit(tenant, b.id(), mission.id(), false).value();
    commitments.cancel(tenant, a.id(), ca.id()).value();
    assertThat(commitments.accept(tenant, b.id(), cb.id(), Instant.now()).value().status())
        .isEqualTo(CommitmentStatus.PENDING_APPROVAL);
    assertThat(commitments.awaitingApproval(tenant, boss.id()))
        .extracting(Commitment::id)
        .containsExactly(cb.id());
  }

  @Test
  void capacityRaisedWhile42WaitOffersTheNewSeatsToTheFirstTwoAndNotToANewcomer() {
    Full f = full(42);
    Mission m = mission(f);
    // Its sessions as they are (one has passed), two more seats.
    MissionDraft bigger =
        Fixtures.draft(
            m.associationId(),
            m.title(),
            List.of("accounting"),
            MissionMode.ONSITE,
            fixtures.place("Esch-sur-Alzette"),
            m.capacity() + 2,
            missions.sessions(f.tenant(), m.id()).toArray(Session[]::new));
    Employee csr = fixtures.csrManager(f.tenant(), "Claire");
    missions.edit(f.tenant(), csr.id(), m.id(), bigger).value();

    assertThat(now(f, f.waiting().get(0)).status()).isEqualTo(CommitmentStatus.OFFERED);
    assertThat(now(f, f.waiting().get(1)).status()).isEqualTo(CommitmentStatus.OFFERED);
    assertThat(now(f, f.waiting().get(2)).status()).isEqualTo(CommitmentStatus.WAITLISTED);
    assertThat(now(f, f.waiting().get(2)).waitlistPosition()).isEqualTo(1);
    assertThat(mission(f).seatsTaken()).isEqualTo(3);
    assertThat(mission(f).status()).isEqualTo(MissionStatus.FULL);
    assertThat(outbox(f.tenant(), f.waiting().get(0).employeeId()))
        .containsExactly(Notification.SEAT_OFFERED + ":" + f.waiting().get(0).id());

    Employee newcomer = fixtures.person(f.tenant(), "Newcomer");
    Commitment late = commitments.commit(f.tenant(), newcomer.id(), m.id(), false).value();
    assertThat(late.status()).isEqualTo(CommitmentStatus.WAITLISTED);
    assertThat(late.waitlistPosition()).isEqualTo(41);
  }

  private void expireAll(Instant now) {
    while (waitingList.expireOffers(now) == WaitingList.EXPIRY_BATCH) {
      // another full batch: other tests' offers may be due too
    }
  }
}
