package org.tandem.core.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionStatus;
import org.tandem.core.missions.Missions;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.Sector;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

@DatabaseTest
class CommittingTest {

  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired Missions missions;
  @Autowired Tenants tenants;
  @Autowired People people;

  @Test
  void cancellingAConfirmedSeatOffersItToTheFirstOfTheWaitlist() {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 1);
    Employee a = fixtures.person(tenant, "A");
    Employee b = fixtures.person(tenant, "B");
    Employee c = fixtures.person(tenant, "C");
    Commitment ca = commitments.commit(tenant, a.id(), mission.id(), false).value();
    Commitment cb = commitments.commit(tenant, b.id(), mission.id(), false).value();
    Commitment cc = commitments.commit(tenant, c.id(), mission.id(), false).value();
    assertThat(cb.waitlistPosition()).isEqualTo(1);
    assertThat(cc.waitlistPosition()).isEqualTo(2);

    assertThat(commitments.cancel(tenant, a.id(), ca.id()).value().status())
        .isEqualTo(CommitmentStatus.CANCELLED);

    // Offered, not given: the seat is held for B until they accept, pass or the offer runs out.
    assertThat(commitments.find(tenant, cb.id()).orElseThrow().status())
        .isEqualTo(CommitmentStatus.OFFERED);
    assertThat(commitments.find(tenant, cc.id()).orElseThrow().waitlistPosition()).isEqualTo(1);
    assertThat(missions.find(tenant, mission.id()).orElseThrow().seatsTaken()).isEqualTo(1);
    assertThat(missions.find(tenant, mission.id()).orElseThrow().status())
        .isEqualTo(MissionStatus.FULL);
  }

  @Test
  void cancellingTheLastSeatWithNoWaitlistReopensTheMission() {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 1);
    Employee a = fixtures.person(tenant, "A");
    Commitment ca = commitments.commit(tenant, a.id(), mission.id(), false).value();
    assertThat(missions.find(tenant, mission.id()).orElseThrow().status())
        .isEqualTo(MissionStatus.FULL);
    commitments.cancel(tenant, a.id(), ca.id()).value();
    Mission after = missions.find(tenant, mission.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(MissionStatus.OPEN);
    assertThat(after.seatsTaken()).isZero();
    assertThat(commitments.cancel(tenant, a.id(), ca.id()).refusal().code())
        .isEqualTo(ReasonCode.ALREADY_CANCELLED);
  }

  @Test
  void onlyTheOwnerOrACsrManagerCancels() {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 3);
    Employee a = fixtures.person(tenant, "A");
    Employee b = fixtures.person(tenant, "B");
    Commitment ca = commitments.commit(tenant, a.id(), mission.id(), false).value();
    assertThat(commitments.cancel(tenant, b.id(), ca.id()).refusal().code())
        .isEqualTo(ReasonCode.NOT_YOURS);
    assertThat(commitments.find(tenant, ca.id()).orElseThrow().status())
        .isEqualTo(CommitmentStatus.CONFIRMED);
    people.bootstrap(tenant, b.id(), Role.CSR_MANAGER);
    assertThat(commitments.cancel(tenant, b.id(), ca.id()).isDone()).isTrue();
  }

  @Test
  void withManagerApprovalASeatWaitsForTheLineManager() {
    TenantId tenant = fixtures.company();
    tenants.change(tenant, PolicyChange.none().managerApproval(true));
    Mission mission = fixtures.workshopInEsch(tenant, 1);
    Employee boss = fixtures.person(tenant, "Boss");
    Employee a = fixtures.person(tenant, "A");
    people.setManager(tenant, a.id(), boss.id());
    Commitment ca = commitments.commit(tenant, a.id(), mission.id(), false).value();
    assertThat(ca.status()).isEqualTo(CommitmentStatus.PENDING_APPROVAL);
    assertThat(missions.find(tenant, mission.id()).orElseThrow().seatsTaken()).isEqualTo(1);
    assertThat(commitments.awaitingApproval(tenant, boss.id()))
        .extracting(Commitment::id)
        .containsExactly(ca.id());
    Employee stranger = fixtures.person(tenant, "Stranger");
    assertThat(commitments.approve(tenant, stranger.id(), ca.id()).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(commitments.approve(tenant, boss.id(), ca.id()).value().status())
        .isEqualTo(CommitmentStatus.CONFIRMED);
  }

  @Test
  void aDeclinedRequestFreesTheSeatForTheWaitlist() {
    TenantId tenant = fixtures.company();
    tenants.change(tenant, PolicyChange.none().managerApproval(true));
    Mission mission = fixtures.workshopInEsch(tenant, 1);
    Employee boss = fixtures.person(tenant, "Boss");
    Employee a = fixtures.person(tenant, "A");
    Employee b = fixtures.person(tenant, "B");
    people.setManager(tenant, a.id(), boss.id());
    Commitment ca = commitments.commit(tenant, a.id(), mission.id(), false).value();
    Commitment cb = commitments.commit(tenant, b.id(), mission.id(), false).value();
    assertThat(cb.status()).isEqualTo(CommitmentStatus.WAITLISTED);
    assertThat(commitments.decline(tenant, boss.id(), ca.id(), "").refusal().code())
        .isEqualTo(org.tandem.core.common.ReasonCode.REASON_REQUIRED);
    commitments.decline(tenant, boss.id(), ca.id(), "Quarter closing that week").value();
    assertThat(commitments.decisionNote(tenant, ca.id())).contains("Quarter closing that week");
    assertThat(commitments.find(tenant, cb.id()).orElseThrow().status())
        .isEqualTo(CommitmentStatus.OFFERED);
  }

  @Test
  void aPublicBodyAsksForTheConflictOfInterestDeclaration() {
    TenantId tenant = fixtures.company();
    tenants.change(tenant, PolicyChange.none().sector(Sector.PUBLIC));
    Mission mission = fixtures.workshopInEsch(tenant, 2);
    Employee a = fixtures.person(tenant, "A");
    var refused = commitments.commit(tenant, a.id(), mission.id(), false);
    assertThat(refused.refusal().code()).isEqualTo(ReasonCode.CONFLICT_DECLARATION_REQUIRED);
    assertThat(refused.refusal().message(Locale.FRENCH))
        .contains("conflit d'intérêts")
        .contains("Caritas Esch");
    assertThat(missions.find(tenant, mission.id()).orElseThrow().seatsTaken()).isZero();
    assertThat(commitments.commit(tenant, a.id(), mission.id(), true).value().status())
        .isEqualTo(CommitmentStatus.CONFIRMED);
  }

  @Test
  void aDraftTakesNoCommitmentUntilItIsPublished() {
    TenantId tenant = fixtures.company();
    Mission open = fixtures.workshopInEsch(tenant, 2);
    long csr = fixtures.csrManager(tenant, "Claire Martin").id();
    Mission draft =
        missions
            .create(
                tenant,
                csr,
                Fixtures.draft(
                    open.associationId(),
                    "Draft",
                    java.util.List.of(),
                    org.tandem.core.missions.MissionMode.REMOTE,
                    null,
                    2),
                false)
            .value();
    assertThat(draft.status()).isEqualTo(MissionStatus.DRAFT);
    Employee a = fixtures.person(tenant, "A");
    assertThat(commitments.commit(tenant, a.id(), draft.id(), false).refusal().code())
        .isEqualTo(ReasonCode.MISSION_NOT_OPEN);
    assertThat(missions.publish(tenant, csr, draft.id()).value().status())
        .isEqualTo(MissionStatus.OPEN);
    assertThat(missions.publish(tenant, csr, draft.id()).refusal().code())
        .isEqualTo(ReasonCode.MISSION_NOT_OPEN);
    assertThat(commitments.commit(tenant, a.id(), draft.id(), false).value().status())
        .isEqualTo(CommitmentStatus.CONFIRMED);
  }

  @Test
  void closedAndCancelledMissionsTakeNoCommitment() {
    TenantId tenant = fixtures.company();
    Mission closed = fixtures.workshopInEsch(tenant, 2);
    Mission cancelled = fixtures.workshopInEsch(tenant, 2);
    long csr = fixtures.csrManager(tenant, "Claire Martin").id();
    missions.close(tenant, csr, closed.id()).value();
    missions.cancel(tenant, csr, cancelled.id()).value();
    Employee a = fixtures.person(tenant, "A");
    assertThat(commitments.commit(tenant, a.id(), closed.id(), false).refusal().code())
        .isEqualTo(ReasonCode.MISSION_NOT_OPEN);
    assertThat(commitments.commit(tenant, a.id(), cancelled.id(), false).refusal().code())
        .isEqualTo(ReasonCode.MISSION_CANCELLED);
    assertThat(commitments.mine(tenant, a.id())).isEmpty();
  }
}
