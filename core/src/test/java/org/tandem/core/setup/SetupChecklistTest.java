package org.tandem.core.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.causes.Cause;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.people.AdminAudit;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.setup.Checklist.Status;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.Tenants;

/**
 * A company installed from nothing walks its checklist: each step turns done from what exists, the
 * directory may be skipped, the announcement is marked by an admin, and nobody else reads or marks.
 */
@DatabaseTest
class SetupChecklistTest {

  @Autowired Setup setup;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired AdminAudit audit;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  @Test
  void aFreshCompanyWalksItsChecklistFromWhatExists() {
    Tenant t = tenants.findOrCreate(Platform.TEAMS, "aad-" + UUID.randomUUID(), "Fresh", "LU");
    Employee iris = fixtures.person(t.id(), "Iris Admin");
    people.installedByFirst(t.id(), iris.id());
    Employee tom = fixtures.person(t.id(), "Tom Employee");

    Checklist fresh = setup.read(t.id(), iris.id()).value();
    assertThat(fresh.steps())
        .containsOnlyKeys(Step.values())
        .allSatisfy((s, v) -> assertThat(v).isEqualTo(Status.TO_DO));
    assertThat(fresh.complete()).isFalse();

    // Saving the policy as it is counts: the admin looked at it and chose.
    tenants.changePolicy(t.id(), iris.id(), PolicyChange.none()).value();
    assertThat(setup.state(t.id()).status(Step.POLICY)).isEqualTo(Status.DONE);

    assertThat(setup.mark(t.id(), iris.id(), Step.DIRECTORY).value().status(Step.DIRECTORY))
        .isEqualTo(Status.SKIPPED);
    // Directory data makes it done, skipped or not.
    people.setWorkplace(t.id(), tom.id(), "Esch", "IT", "LU");
    assertThat(setup.state(t.id()).status(Step.DIRECTORY)).isEqualTo(Status.DONE);

    fixtures.association(t.id(), "Banque alimentaire", Cause.SOCIAL_INCLUSION);
    assertThat(setup.state(t.id()).status(Step.ASSOCIATIONS)).isEqualTo(Status.DONE);
    assertThat(setup.state(t.id()).status(Step.MISSION)).isEqualTo(Status.TO_DO);
    fixtures.workshopInEsch(t.id(), 5);
    assertThat(setup.state(t.id()).status(Step.MISSION)).isEqualTo(Status.DONE);

    assertThat(setup.state(t.id()).complete()).isFalse();
    setup.mark(t.id(), iris.id(), Step.ANNOUNCEMENT).value();
    setup.mark(t.id(), iris.id(), Step.ANNOUNCEMENT).value();
    assertThat(setup.state(t.id()).complete()).isTrue();
    assertThat(
            audit.read(t.id(), iris.id(), 50, null).value().entries().stream()
                .filter(e -> e.kind() == AdminAudit.Kind.SETUP_STEP)
                .map(e -> e.detail().get("step")))
        .containsExactly("ANNOUNCEMENT", "DIRECTORY");
  }

  @Test
  void aDirectoryAlreadyDoneCannotBeSkippedAndNothingIsRecorded() {
    Tenant t = tenants.findOrCreate(Platform.TEAMS, "aad-" + UUID.randomUUID(), "Fresh", "LU");
    Employee iris = fixtures.person(t.id(), "Iris Admin");
    people.installedByFirst(t.id(), iris.id());
    people.setWorkplace(t.id(), iris.id(), "Esch", "IT", "LU");
    assertThat(setup.state(t.id()).status(Step.DIRECTORY)).isEqualTo(Status.DONE);

    // A crafted or stale "skip" button after the directory was filled.
    assertThat(setup.mark(t.id(), iris.id(), Step.DIRECTORY).refusal().code())
        .isEqualTo(ReasonCode.SETUP_STEP_DONE);
    assertThat(setup.state(t.id()).status(Step.DIRECTORY)).isEqualTo(Status.DONE);
    assertThat(
            jdbc.sql("select count(*) from setup_step where tenant_id = ?")
                .param(t.id().value())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(audit.read(t.id(), iris.id(), 50, null).value().entries())
        .noneMatch(e -> e.kind() == AdminAudit.Kind.SETUP_STEP);
  }

  @Test
  void onlyAnAdminReadsOrMarksAndOnlyTwoStepsAreMarkedByHand() {
    Tenant t = tenants.findOrCreate(Platform.TEAMS, "aad-" + UUID.randomUUID(), "Fresh", "LU");
    Employee iris = fixtures.person(t.id(), "Iris Admin");
    people.installedByFirst(t.id(), iris.id());
    Employee tom = fixtures.person(t.id(), "Tom Employee");

    assertThat(setup.read(t.id(), tom.id()).refusal().code()).isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(setup.mark(t.id(), tom.id(), Step.DIRECTORY).refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(setup.mark(t.id(), iris.id(), Step.MISSION).isDone()).isFalse();
    assertThat(
            jdbc.sql("select count(*) from setup_step where tenant_id = ?")
                .param(t.id().value())
                .query(Integer.class)
                .single())
        .isZero();
    // A company configured with an allowance (single-workspace mode, tests) has its policy set.
    assertThat(setup.state(fixtures.company()).status(Step.POLICY)).isEqualTo(Status.DONE);
  }
}
