package org.tandem.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.Authority.Action;
import org.tandem.core.people.Authority.Subject;

/** The rules of who may do what, person by person, without a database. */
class AuthorityTest {

  static final long ME = 1;
  static final long SOMEONE = 2;
  static final long THEIR_MANAGER = 3;

  static final Set<Role> EMPLOYEE = EnumSet.of(Role.EMPLOYEE);
  static final Set<Role> CSR = EnumSet.of(Role.EMPLOYEE, Role.CSR_MANAGER);
  static final Set<Role> ADMIN = EnumSet.of(Role.EMPLOYEE, Role.ADMIN);

  static Optional<ReasonCode> code(long actor, Set<Role> roles, Action action, Subject s) {
    return Authority.refusal(actor, roles, action, s).map(Refusal::code);
  }

  @Test
  void adminActionsAreForAdminsOnly() {
    for (Action a :
        List.of(
            Action.EDIT_POLICY,
            Action.GRANT_ROLE,
            Action.LINK_TENANT,
            Action.IMPORT,
            Action.READ_ADMIN_AUDIT)) {
      assertThat(code(ME, ADMIN, a, Subject.NONE)).as(a.name()).isEmpty();
      assertThat(code(ME, CSR, a, Subject.NONE)).as(a.name()).contains(ReasonCode.ADMINS_ONLY);
      assertThat(code(ME, EMPLOYEE, a, Subject.NONE)).as(a.name()).contains(ReasonCode.ADMINS_ONLY);
      assertThat(code(ME, Set.of(), a, Subject.NONE)).as(a.name()).contains(ReasonCode.ADMINS_ONLY);
    }
  }

  @Test
  void reportsAreForCsrManagersAndAdmins() {
    assertThat(code(ME, CSR, Action.SEE_REPORTS, Subject.NONE)).isEmpty();
    assertThat(code(ME, ADMIN, Action.SEE_REPORTS, Subject.NONE)).isEmpty();
    assertThat(code(ME, EMPLOYEE, Action.SEE_REPORTS, Subject.NONE))
        .contains(ReasonCode.CSR_MANAGERS_ONLY);
  }

  @Test
  void aRosterIsForItsOrganiserCsrManagersAndAdmins() {
    assertThat(code(ME, EMPLOYEE, Action.SEE_ROSTER, Subject.organisedBy(ME))).isEmpty();
    assertThat(code(ME, CSR, Action.SEE_ROSTER, Subject.organisedBy(SOMEONE))).isEmpty();
    assertThat(code(ME, ADMIN, Action.SEE_ROSTER, Subject.organisedBy(null))).isEmpty();
    assertThat(code(ME, EMPLOYEE, Action.SEE_ROSTER, Subject.organisedBy(SOMEONE)))
        .contains(ReasonCode.ORGANISERS_ONLY);
  }

  @Test
  void missionsAreCreatedByCsrManagersAndEditedByThemOrTheirOrganiser() {
    assertThat(code(ME, CSR, Action.CREATE_MISSION, Subject.NONE)).isEmpty();
    assertThat(code(ME, EMPLOYEE, Action.CREATE_MISSION, Subject.NONE))
        .contains(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(code(ME, ADMIN, Action.CREATE_MISSION, Subject.NONE))
        .contains(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(code(ME, CSR, Action.EDIT_MISSION, Subject.organisedBy(SOMEONE))).isEmpty();
    // A former CSR manager still runs the missions they organise.
    assertThat(code(ME, EMPLOYEE, Action.EDIT_MISSION, Subject.organisedBy(ME))).isEmpty();
    assertThat(code(ME, EMPLOYEE, Action.EDIT_MISSION, Subject.organisedBy(SOMEONE)))
        .contains(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(code(ME, EMPLOYEE, Action.EDIT_MISSION, Subject.organisedBy(null)))
        .contains(ReasonCode.CSR_MANAGERS_ONLY);
  }

  @Test
  void hoursAndCommitmentsAreDecidedByTheLineManagerOrACsrManagerNeverByTheirOwner() {
    for (Action a : List.of(Action.DECIDE_HOURS, Action.DECIDE_COMMITMENT)) {
      Subject theirs = Subject.ownedBy(SOMEONE, THEIR_MANAGER);
      assertThat(code(THEIR_MANAGER, EMPLOYEE, a, theirs)).as(a.name()).isEmpty();
      assertThat(code(ME, CSR, a, theirs)).as(a.name()).isEmpty();
      assertThat(code(ME, EMPLOYEE, a, theirs)).as(a.name()).contains(ReasonCode.CSR_MANAGERS_ONLY);
      assertThat(code(ME, ADMIN, a, theirs)).as(a.name()).contains(ReasonCode.CSR_MANAGERS_ONLY);
      assertThat(code(ME, CSR, a, Subject.ownedBy(ME, THEIR_MANAGER)))
          .as(a.name())
          .contains(ReasonCode.SELF_APPROVAL);
      // Someone who is their own manager in a messy directory still may not approve themselves.
      assertThat(code(ME, EMPLOYEE, a, Subject.ownedBy(ME, ME)))
          .as(a.name())
          .contains(ReasonCode.SELF_APPROVAL);
    }
  }

  @Test
  void commitmentsAreChangedByTheirOwnerOrACsrManagerAndHoursLoggedByTheOwnerOnly() {
    assertThat(code(ME, EMPLOYEE, Action.CHANGE_COMMITMENT, Subject.ownedBy(ME, null))).isEmpty();
    assertThat(code(ME, CSR, Action.CHANGE_COMMITMENT, Subject.ownedBy(SOMEONE, null))).isEmpty();
    assertThat(code(ME, EMPLOYEE, Action.CHANGE_COMMITMENT, Subject.ownedBy(SOMEONE, ME)))
        .contains(ReasonCode.NOT_YOURS);
    assertThat(code(ME, EMPLOYEE, Action.LOG_HOURS, Subject.ownedBy(ME, null))).isEmpty();
    assertThat(code(ME, CSR, Action.LOG_HOURS, Subject.ownedBy(SOMEONE, null)))
        .contains(ReasonCode.NOT_YOURS);
    assertThat(code(ME, ADMIN, Action.LOG_HOURS, Subject.ownedBy(SOMEONE, ME)))
        .contains(ReasonCode.NOT_YOURS);
  }

  @Test
  void someoneWithoutARoleMayDoNothingToOthers() {
    for (Action a : Action.values()) {
      assertThat(code(ME, Set.of(), a, Subject.ownedBy(SOMEONE, THEIR_MANAGER)))
          .as(a.name())
          .isPresent();
    }
  }
}
