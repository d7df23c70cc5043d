package org.tandem.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.associations.Association;
import org.tandem.core.associations.AssociationDraft;
import org.tandem.core.associations.Associations;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.hours.HourEntry;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.matching.MatchQuery;
import org.tandem.core.matching.Matching;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Missions;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;

/** One tenant can read or change nothing of another, through any service. */
@DatabaseTest
class TenantIsolationTest {

  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Associations associations;
  @Autowired Missions missions;
  @Autowired Commitments commitments;
  @Autowired Hours hours;
  @Autowired Matching matching;
  @Autowired JdbcClient jdbc;

  @Test
  void anotherTenantSeesAndChangesNothing() {
    TenantId a = fixtures.company();
    TenantId b = fixtures.company();
    Mission mission = fixtures.workshopInEsch(a, 3);
    Employee ana = fixtures.accountantInDifferdange(a);
    Commitment commitment = commitments.commit(a, ana.id(), mission.id(), false).value();
    HourEntry entry =
        hours
            .log(
                a,
                ana.id(),
                HoursRequest.onWorkTime(
                    commitment.id(), LocalDate.now(Fixtures.LUXEMBOURG), 60, ""))
            .value();
    Employee intruder = fixtures.accountantInDifferdange(b);
    people.bootstrap(b, intruder.id(), Role.ADMIN);
    people.bootstrap(b, intruder.id(), Role.CSR_MANAGER);
    String before = snapshot(a);

    // Reading
    assertThat(people.find(b, ana.id())).isEmpty();
    assertThat(associations.find(b, mission.associationId())).isEmpty();
    assertThat(missions.find(b, mission.id())).isEmpty();
    assertThat(missions.sessions(b, mission.id())).isEmpty();
    assertThat(commitments.find(b, commitment.id())).isEmpty();
    assertThat(hours.find(b, entry.id())).isEmpty();
    assertThat(hours.pending(b, intruder.id(), 50)).isEmpty();
    assertThat(commitments.mine(b, ana.id())).isEmpty();
    assertThat(matching.propose(b, intruder.id(), MatchQuery.profileOnly(), 10, 0))
        .noneMatch(p -> p.missionId() == mission.id());
    assertThat(people.identify(b, IdentityKind.SLACK, "whatever")).isEmpty();

    // Changing, with ids taken from the other tenant
    assertThat(commitments.commit(b, intruder.id(), mission.id(), true).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(commitments.commit(a, intruder.id(), mission.id(), true).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(commitments.cancel(b, intruder.id(), commitment.id()).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(commitments.complete(b, intruder.id(), commitment.id()).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(
            hours
                .log(
                    b,
                    intruder.id(),
                    HoursRequest.onWorkTime(commitment.id(), LocalDate.now(), 60, ""))
                .refusal()
                .code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(
            hours
                .log(
                    a,
                    intruder.id(),
                    HoursRequest.onWorkTime(commitment.id(), LocalDate.now(), 60, ""))
                .refusal()
                .code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(hours.approve(b, intruder.id(), entry.id()).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(hours.approve(a, intruder.id(), entry.id()).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(missions.close(b, intruder.id(), mission.id()).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(missions.cancel(b, intruder.id(), mission.id()).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(
            missions
                .edit(
                    b,
                    intruder.id(),
                    mission.id(),
                    Fixtures.draft(
                        mission.associationId(),
                        "Hijacked",
                        List.of(),
                        MissionMode.REMOTE,
                        null,
                        1))
                .refusal()
                .code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(
            associations
                .edit(
                    b,
                    intruder.id(),
                    mission.associationId(),
                    new AssociationDraft(
                        "Hijacked", "", List.of(Cause.HEALTH), null, null, null, null, null))
                .refusal()
                .code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(people.grant(b, intruder.id(), ana.id(), Role.ADMIN).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    assertThat(people.updateProfile(b, ana.id(), intruder.profile()).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    Association own = fixtures.association(b, "Own", Cause.HEALTH);
    assertThat(
            missions
                .create(
                    b,
                    intruder.id(),
                    Fixtures.draft(
                        mission.associationId(), "X", List.of(), MissionMode.REMOTE, null, 1),
                    true)
                .refusal()
                .code())
        .isEqualTo(ReasonCode.INVALID_INPUT);
    assertThat(own.tenantId()).isEqualTo(b);

    assertThat(snapshot(a)).isEqualTo(before);
  }

  /** Every row of the tenant, as text: equal snapshots mean nothing changed. */
  private String snapshot(TenantId t) {
    StringBuilder sb = new StringBuilder();
    for (String table :
        List.of(
            "employee", "association", "mission", "commitment", "hour_entry", "chat_identity")) {
      sb.append(table).append(':');
      jdbc.sql("select t::text from " + table + " t where tenant_id = ? order by 1")
          .param(t.value())
          .query(String.class)
          .list()
          .forEach(sb::append);
    }
    return sb.toString();
  }
}
