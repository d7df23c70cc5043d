package org.tandem.core.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A commitment waiting for approval is put to the line manager once, in its own transaction; a CSR
 * manager's own request goes to the other CSR managers, never to themselves.
 */
@DatabaseTest
class ApprovalRequestsTest {

  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired People people;
  @Autowired Tenants tenants;
  @Autowired JdbcClient jdbc;

  @Test
  void theLineManagerIsAskedOnceAndTheSeatFromTheWaitingListIsAskedToo() {
    TenantId tenant = fixtures.company();
    tenants.change(tenant, PolicyChange.none().managerApproval(true));
    Employee marc = fixtures.person(tenant, "Marc");
    Employee ana = fixtures.person(tenant, "Ana");
    Employee ben = fixtures.person(tenant, "Ben");
    people.setManager(tenant, ana.id(), marc.id());
    people.setManager(tenant, ben.id(), marc.id());
    var mission = fixtures.workshopInEsch(tenant, 1);
    Commitment first = commitments.commit(tenant, ana.id(), mission.id(), false).value();
    commitments.commit(tenant, ana.id(), mission.id(), false); // repeated: nothing more
    Commitment waiting = commitments.commit(tenant, ben.id(), mission.id(), false).value();
    assertThat(kinds(tenant, marc.id())).containsExactly("APPROVAL_REQUEST");

    // Marc declines Ana's: the seat is offered to Ben; accepting it takes it as a commit does,
    // and his request reaches Marc in the same step.
    commitments.decline(tenant, marc.id(), first.id(), "Quarter closing");
    assertThat(commitments.accept(tenant, ben.id(), waiting.id(), Instant.now()).isDone()).isTrue();
    assertThat(commitments.find(tenant, waiting.id()).orElseThrow().status().name())
        .isEqualTo("PENDING_APPROVAL");
    assertThat(kinds(tenant, marc.id())).containsExactly("APPROVAL_REQUEST", "APPROVAL_REQUEST");
    // A second decision is refused politely, and changes nothing.
    assertThat(commitments.approve(tenant, marc.id(), first.id()).refusal().code())
        .isEqualTo(ReasonCode.COMMITMENT_ALREADY_DECIDED);
  }

  @Test
  void aCsrManagersOwnRequestGoesToTheOtherCsrManagersOnly() {
    TenantId tenant = fixtures.company();
    tenants.change(tenant, PolicyChange.none().managerApproval(true));
    Employee claire = fixtures.csrManager(tenant, "Claire");
    Employee david = fixtures.csrManager(tenant, "David");
    var mission = fixtures.workshopInEsch(tenant, 3);
    commitments.commit(tenant, claire.id(), mission.id(), false).value();
    assertThat(kinds(tenant, claire.id())).isEmpty();
    assertThat(kinds(tenant, david.id())).containsExactly("APPROVAL_ESCALATED");
    assertThat(
            jdbc.sql("select payload from notification where tenant_id = ? and employee_id = ?")
                .params(tenant.value(), david.id())
                .query(String.class)
                .single())
        .endsWith(":NO_MANAGER");
  }

  private List<String> kinds(TenantId tenant, long employeeId) {
    return jdbc.sql(
            "select kind from notification where tenant_id = ? and employee_id = ? order by id")
        .params(tenant.value(), employeeId)
        .query(String.class)
        .list();
  }
}
