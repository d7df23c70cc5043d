package org.tandem.core.commitments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.approvals.ApprovalRequest;
import org.tandem.core.approvals.Approvals;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.hours.Hours;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.MissionStatus;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.people.Authority;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.tenants.Policy;
import org.tandem.core.tenants.Sector;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Committing to missions and everything after: approval by a line manager, cancellation (the freed
 * seat offered to the waiting list, see {@link WaitingList}), a seat offered accepted or passed,
 * completion. Every write locks the mission row first.
 */
@Service
public class Commitments {

  private final JdbcClient jdbc;
  private final People people;
  private final Tenants tenants;
  private final Authority authority;
  private final Notifications notifications;
  private final WaitingList waitingList;
  private final Approvals approvals;

  Commitments(
      JdbcClient jdbc,
      People people,
      Tenants tenants,
      Authority authority,
      Notifications notifications,
      WaitingList waitingList,
      Approvals approvals) {
    this.jdbc = jdbc;
    this.people = people;
    this.tenants = tenants;
    this.authority = authority;
    this.notifications = notifications;
    this.waitingList = waitingList;
    this.approvals = approvals;
  }

  /** Why the actor may not do this to the commitment, if they may not. */
  private Optional<Refusal> refusal(
      TenantId tenant, long actorId, Authority.Action action, Commitment c) {
    Long manager = people.find(tenant, c.employeeId()).map(Employee::managerId).orElse(null);
    return authority.refusal(
        tenant, actorId, action, Authority.Subject.ownedBy(c.employeeId(), manager));
  }

  /**
   * Commits an employee to a mission: a seat when one is left and nobody waits for it (pending
   * their manager's approval when the policy asks for it), else a place on the waiting list, after
   * those already on it. Repeating the request returns the same commitment.
   */
  @Transactional
  public Outcome<Commitment> commit(
      TenantId tenant, long employeeId, long missionId, boolean declaredNoConflict) {
    Optional<WaitingList.LockedMission> locked = waitingList.lock(tenant, missionId);
    Optional<Employee> employee = people.find(tenant, employeeId);
    if (locked.isEmpty() || employee.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    WaitingList.LockedMission mission = locked.get();
    Optional<Commitment> existing = live(tenant, missionId, employeeId);
    if (existing.isPresent()) {
      return Outcome.done(existing.get().again());
    }
    if (mission.status() == MissionStatus.CANCELLED) {
      return Outcome.refused(ReasonCode.MISSION_CANCELLED);
    }
    if (mission.status() != MissionStatus.OPEN && mission.status() != MissionStatus.FULL) {
      return Outcome.refused(ReasonCode.MISSION_NOT_OPEN);
    }
    Policy policy = tenants.policyFor(tenant, employee.get().country());
    if (policy.sector() == Sector.PUBLIC && !declaredNoConflict) {
      return Outcome.refused(ReasonCode.CONFLICT_DECLARATION_REQUIRED, mission.associationName());
    }
    CommitmentStatus status;
    // Seats freed while people wait are theirs (offered in turn), never a newcomer's.
    if (mission.seatsTaken() < mission.capacity()
        && !waitingList.anyoneWaiting(tenant, missionId)) {
      status = seatStatus(policy);
      waitingList.takeSeat(tenant, missionId);
    } else {
      status = CommitmentStatus.WAITLISTED;
    }
    long id =
        jdbc.sql(
                """
                insert into commitment (tenant_id, mission_id, employee_id, status, conflict_declared)
                values (?, ?, ?, ?, ?) returning id""")
            .params(tenant.value(), missionId, employeeId, status.name(), declaredNoConflict)
            .query(Long.class)
            .single();
    seated(tenant, id, employeeId, status);
    return Outcome.done(find(tenant, id).orElseThrow());
  }

  /**
   * Cancels a commitment, by its owner or by a CSR manager. A freed seat is offered to the first
   * person on the waiting list.
   */
  @Transactional
  public Outcome<Commitment> cancel(TenantId tenant, long actorId, long commitmentId) {
    Optional<Commitment> found = find(tenant, commitmentId);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    WaitingList.LockedMission mission =
        waitingList.lock(tenant, found.get().missionId()).orElseThrow();
    Commitment c = find(tenant, commitmentId).orElseThrow();
    Optional<Refusal> refused = cancelRefusal(tenant, actorId, c);
    if (refused.isPresent()) {
      return Outcome.refused(refused.get());
    }
    setStatus(tenant, commitmentId, CommitmentStatus.CANCELLED, "cancelled_at");
    if (c.status().holdsSeat()) {
      waitingList.seatFreed(tenant, mission, waitingList.now());
    }
    return Outcome.done(find(tenant, commitmentId).orElseThrow());
  }

  /**
   * Whether {@link #cancel} would cancel this commitment now, changing nothing: asked before a
   * person confirms, so a button that cannot work is refused at once with the same reason.
   */
  @Transactional(readOnly = true)
  public Outcome<Commitment> mayCancel(TenantId tenant, long actorId, long commitmentId) {
    Optional<Commitment> found = find(tenant, commitmentId);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    return cancelRefusal(tenant, actorId, found.get())
        .map(no -> Outcome.<Commitment>refused(no))
        .orElseGet(() -> Outcome.done(found.get()));
  }

  private Optional<Refusal> cancelRefusal(TenantId tenant, long actorId, Commitment c) {
    Optional<Refusal> no = refusal(tenant, actorId, Authority.Action.CHANGE_COMMITMENT, c);
    if (no.isPresent()) {
      return no;
    }
    if (c.status() == CommitmentStatus.CANCELLED) {
      return Optional.of(new Refusal(ReasonCode.ALREADY_CANCELLED, new Object[0]));
    }
    if (c.status() == CommitmentStatus.COMPLETED) {
      return Optional.of(new Refusal(ReasonCode.COMMITMENT_NOT_ACTIVE, new Object[0]));
    }
    return Optional.empty();
  }

  /**
   * The person a seat is offered to takes it, before {@code now} passes the offer's deadline: the
   * seat becomes theirs as a commit gives it (confirmed, or pending their manager's approval when
   * the policy asks for it). Accepting twice finds the seat already taken.
   */
  @Transactional
  public Outcome<Commitment> accept(TenantId tenant, long actorId, long commitmentId, Instant now) {
    Optional<Commitment> offered = offer(tenant, actorId, commitmentId, now);
    if (offered.isEmpty() || offered.get().status() != CommitmentStatus.OFFERED) {
      return offerRefusal(tenant, actorId, commitmentId, now, true);
    }
    Commitment c = offered.get();
    boolean cancelled =
        waitingList
            .lock(tenant, c.missionId())
            .map(m -> m.status() == MissionStatus.CANCELLED)
            .orElse(true);
    if (cancelled) {
      // The mission was cancelled while the seat was offered: there is nothing left to take.
      return Outcome.refused(ReasonCode.MISSION_CANCELLED);
    }
    String country = people.find(tenant, c.employeeId()).map(Employee::country).orElse(null);
    CommitmentStatus status = seatStatus(tenants.policyFor(tenant, country));
    setStatus(tenant, c.id(), status, "decided_at");
    answered(tenant, commitmentId);
    seated(tenant, c.id(), c.employeeId(), status);
    return Outcome.done(find(tenant, commitmentId).orElseThrow());
  }

  /**
   * The person a seat is offered to lets it go: their commitment is cancelled and the seat offered
   * to the next person waiting, or handed back to the mission.
   */
  @Transactional
  public Outcome<Commitment> pass(TenantId tenant, long actorId, long commitmentId, Instant now) {
    Optional<Commitment> offered = offer(tenant, actorId, commitmentId, now);
    if (offered.isEmpty() || offered.get().status() != CommitmentStatus.OFFERED) {
      return offerRefusal(tenant, actorId, commitmentId, now, false);
    }
    setStatus(tenant, commitmentId, CommitmentStatus.CANCELLED, "cancelled_at");
    answered(tenant, commitmentId);
    waitingList.seatFreed(
        tenant, waitingList.lock(tenant, offered.get().missionId()).orElseThrow(), now);
    return Outcome.done(find(tenant, commitmentId).orElseThrow());
  }

  /**
   * Whether {@link #pass} would let this seat go now, changing nothing: asked before the person
   * confirms, so a button that cannot work is refused at once with the same reason.
   */
  @Transactional(readOnly = true)
  public Outcome<Commitment> mayPass(
      TenantId tenant, long actorId, long commitmentId, Instant now) {
    Optional<Commitment> found = find(tenant, commitmentId);
    boolean open = found.isPresent() && answerable(tenant, actorId, found.get(), now);
    return open
        ? Outcome.done(found.get())
        : offerRefusal(tenant, actorId, commitmentId, now, false);
  }

  /**
   * The commitment under its mission's lock when {@code actorId} may answer a seat offered on it
   * now: an offer of their own, still running. Empty otherwise ({@link #offerRefusal} says why).
   */
  private Optional<Commitment> offer(
      TenantId tenant, long actorId, long commitmentId, Instant now) {
    Optional<Commitment> found = find(tenant, commitmentId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    waitingList.lock(tenant, found.get().missionId());
    Commitment c = find(tenant, commitmentId).orElseThrow();
    return answerable(tenant, actorId, c, now) ? Optional.of(c) : Optional.empty();
  }

  /**
   * Whether a seat is offered to {@code actorId} on this commitment, still running at {@code now}.
   */
  private boolean answerable(TenantId tenant, long actorId, Commitment c, Instant now) {
    return c.status() == CommitmentStatus.OFFERED
        && now.isBefore(c.offerExpiresAt())
        && authority
            .refusal(
                tenant,
                actorId,
                Authority.Action.ANSWER_OFFER,
                Authority.Subject.ownedBy(c.employeeId(), null))
            .isEmpty();
  }

  /**
   * An offer answered leaves no deadline behind: only one that ran out keeps it, so a late click is
   * told the offer expired rather than that none was made.
   */
  private void answered(TenantId tenant, long commitmentId) {
    jdbc.sql("update commitment set offer_expires_at = null where tenant_id = ? and id = ?")
        .params(tenant.value(), commitmentId)
        .update();
  }

  private Outcome<Commitment> offerRefusal(
      TenantId tenant, long actorId, long commitmentId, Instant now, boolean accepting) {
    Optional<Commitment> found = find(tenant, commitmentId);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    Commitment c = found.get();
    Optional<Refusal> no =
        authority.refusal(
            tenant,
            actorId,
            Authority.Action.ANSWER_OFFER,
            Authority.Subject.ownedBy(c.employeeId(), null));
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    boolean ranOut =
        c.offerExpiresAt() != null
            && (c.status() == CommitmentStatus.CANCELLED
                || (c.status() == CommitmentStatus.OFFERED && !now.isBefore(c.offerExpiresAt())));
    if (ranOut) {
      return Outcome.refused(ReasonCode.OFFER_EXPIRED);
    }
    if (accepting
        && (c.status() == CommitmentStatus.CONFIRMED
            || c.status() == CommitmentStatus.PENDING_APPROVAL)) {
      // Accepted already (a second click, or the other channel): nothing more to do.
      return Outcome.done(c.again());
    }
    return Outcome.refused(ReasonCode.NO_SEAT_OFFERED);
  }

  /**
   * A line manager (or a CSR manager) approves a commitment pending approval; the person is told
   * through the outbox in the same transaction.
   */
  @Transactional
  public Outcome<Commitment> approve(TenantId tenant, long approverId, long commitmentId) {
    Outcome<Commitment> o = decide(tenant, approverId, commitmentId, true, null);
    if (o.isDone()) {
      notifications.enqueue(
          tenant,
          o.value().employeeId(),
          Notification.COMMITMENT_APPROVED,
          "commitment-approved:" + tenant.value() + ":" + commitmentId,
          Long.toString(commitmentId));
    }
    return o;
  }

  /**
   * A line manager (or a CSR manager) declines it, saying why; the seat goes to the waiting list
   * and the reason to the person, through the outbox in the same transaction.
   */
  @Transactional
  public Outcome<Commitment> decline(
      TenantId tenant, long approverId, long commitmentId, String reason) {
    String why = reason == null ? "" : reason.strip();
    Outcome<Commitment> o = decide(tenant, approverId, commitmentId, false, why);
    if (o.isDone()) {
      notifications.enqueue(
          tenant,
          o.value().employeeId(),
          Notification.COMMITMENT_DECLINED,
          "commitment-declined:" + tenant.value() + ":" + commitmentId,
          Long.toString(commitmentId));
    }
    return o;
  }

  /** Why this commitment was declined, as the approver wrote it. */
  @Transactional(readOnly = true)
  public Optional<String> decisionNote(TenantId tenant, long commitmentId) {
    return jdbc.sql("select decision_note from commitment where tenant_id = ? and id = ?")
        .params(tenant.value(), commitmentId)
        .query(String.class)
        .optional();
  }

  /** Marks a confirmed commitment completed: the mission is done for this person. */
  @Transactional
  public Outcome<Commitment> complete(TenantId tenant, long actorId, long commitmentId) {
    Optional<Commitment> found = find(tenant, commitmentId);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    waitingList.lock(tenant, found.get().missionId());
    Commitment c = find(tenant, commitmentId).orElseThrow();
    Optional<Refusal> no = refusal(tenant, actorId, Authority.Action.CHANGE_COMMITMENT, c);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (c.status() != CommitmentStatus.CONFIRMED) {
      return Outcome.refused(ReasonCode.COMMITMENT_NOT_ACTIVE);
    }
    setStatus(tenant, commitmentId, CommitmentStatus.COMPLETED, "decided_at");
    return Outcome.done(find(tenant, commitmentId).orElseThrow());
  }

  private Outcome<Commitment> decide(
      TenantId tenant, long approverId, long commitmentId, boolean approved, String note) {
    Optional<Commitment> found = find(tenant, commitmentId);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    WaitingList.LockedMission mission =
        waitingList.lock(tenant, found.get().missionId()).orElseThrow();
    Commitment c = find(tenant, commitmentId).orElseThrow();
    Optional<Refusal> no = decideRefusal(tenant, approverId, c);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (!approved && note.isEmpty()) {
      return Outcome.refused(ReasonCode.REASON_REQUIRED);
    }
    if (!approved && note.length() > Hours.MAX_REASON) {
      return Outcome.refused(ReasonCode.NOTE_TOO_LONG, Hours.MAX_REASON);
    }
    jdbc.sql("update commitment set decided_by = ? where tenant_id = ? and id = ?")
        .params(approverId, tenant.value(), commitmentId)
        .update();
    if (approved) {
      setStatus(tenant, commitmentId, CommitmentStatus.CONFIRMED, "decided_at");
    } else {
      setStatus(tenant, commitmentId, CommitmentStatus.CANCELLED, "decided_at");
      jdbc.sql("update commitment set decision_note = ? where tenant_id = ? and id = ?")
          .params(note, tenant.value(), commitmentId)
          .update();
      waitingList.seatFreed(tenant, mission, waitingList.now());
    }
    return Outcome.done(find(tenant, commitmentId).orElseThrow());
  }

  /**
   * Whether this approver may decide on the commitment now, changing nothing: asked when Decline is
   * clicked, so a decision someone else already took is said before a reason is asked for.
   */
  @Transactional(readOnly = true)
  public Outcome<Commitment> mayDecide(TenantId tenant, long approverId, long commitmentId) {
    Optional<Commitment> found = find(tenant, commitmentId);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    return decideRefusal(tenant, approverId, found.get())
        .map(no -> Outcome.<Commitment>refused(no))
        .orElseGet(() -> Outcome.done(found.get()));
  }

  private Optional<Refusal> decideRefusal(TenantId tenant, long approverId, Commitment c) {
    Optional<Refusal> no = refusal(tenant, approverId, Authority.Action.DECIDE_COMMITMENT, c);
    if (no.isPresent()) {
      return no;
    }
    if (c.status() != CommitmentStatus.PENDING_APPROVAL) {
      // Decided by someone else first, or cancelled meanwhile: said politely, nothing changes.
      return Optional.of(new Refusal(ReasonCode.COMMITMENT_ALREADY_DECIDED, new Object[0]));
    }
    return Optional.empty();
  }

  @Transactional(readOnly = true)
  public Optional<Commitment> find(TenantId tenant, long commitmentId) {
    return jdbc.sql(SELECT + " where c.tenant_id = ? and c.id = ?")
        .params(tenant.value(), commitmentId)
        .query(Commitments::commitment)
        .optional();
  }

  /** The person's live commitment to the mission, if any. */
  @Transactional(readOnly = true)
  public Optional<Commitment> live(TenantId tenant, long missionId, long employeeId) {
    return jdbc.sql(
            SELECT
                + " where c.tenant_id = ? and c.mission_id = ? and c.employee_id = ?"
                + " and c.status <> 'CANCELLED'")
        .params(tenant.value(), missionId, employeeId)
        .query(Commitments::commitment)
        .optional();
  }

  /** "My commitments": live ones first by their next session, then the completed ones. */
  @Transactional(readOnly = true)
  public List<CommitmentView> mine(TenantId tenant, long employeeId) {
    return jdbc.sql(
            """
            select c.id, m.id, m.title, a.name, m.mode, m.place_name, c.status,
                   (select min(s.starts_at) from mission_session s
                     where s.tenant_id = m.tenant_id and s.mission_id = m.id and s.starts_at > now()),
                   m.first_date,
                   case when c.status = 'WAITLISTED' then
                     (select count(*) from commitment w where w.tenant_id = c.tenant_id
                        and w.mission_id = c.mission_id and w.status = 'WAITLISTED'
                        and w.id <= c.id) else 0 end,
                   c.offer_expires_at
            from commitment c
            join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
            join association a on a.tenant_id = m.tenant_id and a.id = m.association_id
            where c.tenant_id = ? and c.employee_id = ? and c.status <> 'CANCELLED'
            order by c.status <> 'OFFERED', c.status = 'COMPLETED', 8 nulls last,
                     m.first_date nulls last, c.id""")
        .params(tenant.value(), employeeId)
        .query(
            (rs, n) -> {
              Timestamp next = rs.getTimestamp(8);
              java.sql.Date first = rs.getDate(9);
              return new CommitmentView(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  MissionMode.valueOf(rs.getString(5)),
                  rs.getString(6),
                  CommitmentStatus.valueOf(rs.getString(7)),
                  next == null ? null : next.toInstant(),
                  first == null ? null : first.toLocalDate(),
                  rs.getInt(10),
                  instant(rs.getTimestamp(11)));
            })
        .list();
  }

  /** Commitments waiting for this approver: their reports', or all of them for a CSR manager. */
  @Transactional(readOnly = true)
  public List<Commitment> awaitingApproval(TenantId tenant, long approverId) {
    // Those who decide for anyone see everyone's; line managers see their reports'.
    boolean csr =
        Authority.may(
            approverId, authority.roles(tenant, approverId), Authority.Action.DECIDE_COMMITMENT);
    return jdbc.sql(
            SELECT
                + " "
                + """
                 join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
                 where c.tenant_id = ? and c.status = 'PENDING_APPROVAL'
                   and (? or e.manager_id = ?) and c.employee_id <> ?
                 order by c.created_at, c.id""")
        .params(tenant.value(), csr, approverId, approverId)
        .query(Commitments::commitment)
        .list();
  }

  private static final String SELECT =
      """
      select c.id, c.mission_id, c.employee_id, c.status, c.created_at,
             case when c.status = 'WAITLISTED' then
               (select count(*) from commitment w where w.tenant_id = c.tenant_id
                  and w.mission_id = c.mission_id and w.status = 'WAITLISTED'
                  and w.id <= c.id) else 0 end,
             c.offer_expires_at
      from commitment c""";

  private static Commitment commitment(ResultSet rs, int n) throws SQLException {
    return new Commitment(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        CommitmentStatus.valueOf(rs.getString(4)),
        rs.getTimestamp(5).toInstant(),
        false,
        rs.getInt(6),
        instant(rs.getTimestamp(7)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static CommitmentStatus seatStatus(Policy policy) {
    return policy.managerApproval()
        ? CommitmentStatus.PENDING_APPROVAL
        : CommitmentStatus.CONFIRMED;
  }

  /**
   * The one place every path that gives a commitment a seat goes through (commit, a seat from the
   * waiting list): when the seat waits for approval, the request is put to the approver in this
   * same transaction.
   */
  private void seated(
      TenantId tenant, long commitmentId, long employeeId, CommitmentStatus status) {
    if (status == CommitmentStatus.PENDING_APPROVAL) {
      approvals.ask(tenant, ApprovalRequest.Subject.COMMITMENT, commitmentId, employeeId);
    }
  }

  private void setStatus(TenantId tenant, long id, CommitmentStatus status, String stampColumn) {
    jdbc.sql(
            "update commitment set status = ?, "
                + stampColumn
                + " = now() where tenant_id = ? and id = ?")
        .params(status.name(), tenant.value(), id)
        .update();
  }
}
