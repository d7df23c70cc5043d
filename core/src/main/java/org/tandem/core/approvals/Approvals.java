package org.tandem.core.approvals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.approvals.ApprovalRequest.Escalation;
import org.tandem.core.approvals.ApprovalRequest.Payload;
import org.tandem.core.approvals.ApprovalRequest.Subject;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.people.Authority;
import org.tandem.core.tenants.TenantId;

/**
 * Puts what waits for a decision to the people who decide, once: the line manager is asked in the
 * transaction that made the commitment or hours wait (the CSR managers when there is no manager),
 * reminded after {@link #REMIND_AFTER} working days in their zone and, after {@link
 * #ESCALATE_AFTER}, the CSR managers are asked instead. Who may be asked is {@link
 * Authority#approvers}'s rule: never the person themselves.
 */
@Service
public class Approvals {

  /** Working days a request waits before its approver is reminded. */
  public static final int REMIND_AFTER = 2;

  /** Working days a request waits before the CSR managers are asked instead. */
  public static final int ESCALATE_AFTER = 5;

  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final Authority authority;
  private final Notifications notifications;
  private final Clock clock;

  Approvals(
      JdbcClient jdbc, Authority authority, Notifications notifications, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.authority = authority;
    this.notifications = notifications;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /**
   * {@code employeeId}'s commitment or hours now wait for a decision: the request goes to their
   * line manager, or to the CSR managers saying there is none. Called inside the transaction that
   * made it wait; asking twice for the same subject writes nothing more.
   */
  @Transactional
  public void ask(TenantId tenant, Subject subject, long subjectId, long employeeId) {
    Authority.Approvers approvers = authority.approvers(tenant, employeeId);
    Instant now = clock.instant();
    Long manager = approvers.lineManager();
    Optional<Long> id =
        jdbc.sql(
                """
                insert into approval_request (tenant_id, subject, subject_id, employee_id,
                                              approver_id, asked_at, escalated_at, done_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, subject, subject_id) do nothing returning id""")
            .params(
                tenant.value(),
                subject.name(),
                subjectId,
                employeeId,
                manager,
                Timestamp.from(now),
                manager == null ? Timestamp.from(now) : null,
                manager == null ? Timestamp.from(now) : null)
            .query(Long.class)
            .optional();
    if (id.isEmpty()) {
      return;
    }
    Payload payload = new Payload(subject, subjectId, Optional.empty());
    if (manager != null) {
      notifications.enqueue(
          tenant,
          manager,
          Notification.APPROVAL_REQUEST,
          key("approval-request", tenant, payload, manager),
          payload.toString());
    } else {
      escalate(tenant, subject, subjectId, employeeId, null, Escalation.NO_MANAGER);
    }
  }

  /** The request for this commitment or hour entry, if one was made. */
  @Transactional(readOnly = true)
  public Optional<ApprovalRequest> find(TenantId tenant, Subject subject, long subjectId) {
    return jdbc.sql(
            """
            select id, subject, subject_id, employee_id, approver_id, asked_at
            from approval_request where tenant_id = ? and subject = ? and subject_id = ?""")
        .params(tenant.value(), subject.name(), subjectId)
        .query(
            (rs, n) ->
                new ApprovalRequest(
                    rs.getLong(1),
                    Subject.valueOf(rs.getString(2)),
                    rs.getLong(3),
                    rs.getLong(4),
                    (Long) rs.getObject(5),
                    rs.getTimestamp(6).toInstant()))
        .optional();
  }

  /** Whether the commitment or hour entry still waits for a decision. */
  @Transactional(readOnly = true)
  public boolean waiting(TenantId tenant, Subject subject, long subjectId) {
    return jdbc.sql(
            subject == Subject.COMMITMENT
                ? "select exists (select 1 from commitment where tenant_id = ? and id = ?"
                    + " and status = 'PENDING_APPROVAL')"
                : "select exists (select 1 from hour_entry where tenant_id = ? and id = ?"
                    + " and status = 'PENDING')")
        .params(tenant.value(), subjectId)
        .query(Boolean.class)
        .single();
  }

  private record Open(
      long id,
      TenantId tenant,
      Subject subject,
      long subjectId,
      long employeeId,
      long approverId,
      Instant askedAt,
      boolean reminded,
      ZoneId zone,
      boolean waiting) {}

  /**
   * Reminds the approvers of requests waiting {@link #REMIND_AFTER} working days at {@code now} and
   * asks the CSR managers about those waiting {@link #ESCALATE_AFTER}, once each; closes the
   * requests decided meanwhile. Returns how many reminders and escalations were written.
   */
  @Transactional
  public int remind(Instant now) {
    List<Open> open =
        jdbc.sql(
                """
                select r.id, r.tenant_id, r.subject, r.subject_id, r.employee_id, r.approver_id,
                       r.asked_at, r.reminded_at is not null, a.time_zone,
                       case when r.subject = 'COMMITMENT' then exists (
                              select 1 from commitment c where c.tenant_id = r.tenant_id
                                and c.id = r.subject_id and c.status = 'PENDING_APPROVAL')
                            else exists (
                              select 1 from hour_entry h where h.tenant_id = r.tenant_id
                                and h.id = r.subject_id and h.status = 'PENDING') end
                from approval_request r
                join employee a on a.tenant_id = r.tenant_id and a.id = r.approver_id
                where r.done_at is null and r.asked_at <= ?
                order by r.id limit ? for update of r skip locked""")
            .params(Timestamp.from(now), BATCH)
            .query(
                (rs, n) ->
                    new Open(
                        rs.getLong(1),
                        new TenantId(rs.getLong(2)),
                        Subject.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getBoolean(8),
                        ZoneId.of(rs.getString(9)),
                        rs.getBoolean(10)))
            .list();
    int written = 0;
    for (Open r : open) {
      if (!r.waiting()) {
        close(r.id(), now, false);
      } else if (!now.isBefore(WorkingDays.after(r.askedAt(), ESCALATE_AFTER, r.zone()))) {
        written +=
            escalate(
                r.tenant(),
                r.subject(),
                r.subjectId(),
                r.employeeId(),
                r.approverId(),
                Escalation.WAITED);
        close(r.id(), now, true);
      } else if (!r.reminded()
          && !now.isBefore(WorkingDays.after(r.askedAt(), REMIND_AFTER, r.zone()))) {
        Payload payload = new Payload(r.subject(), r.subjectId(), Optional.empty());
        notifications.enqueue(
            r.tenant(),
            r.approverId(),
            Notification.APPROVAL_REMINDER,
            key("approval-reminder", r.tenant(), payload, r.approverId()),
            payload.toString());
        jdbc.sql("update approval_request set reminded_at = ? where id = ?")
            .params(Timestamp.from(now), r.id())
            .update();
        written++;
      }
    }
    return written;
  }

  /**
   * No channel reaches the approver a request or reminder was for: the CSR managers are asked
   * instead, saying why, if it still waits. Returns how many were asked.
   */
  @Transactional
  public int unreachable(TenantId tenant, long approverId, Payload payload, Escalation why) {
    Optional<ApprovalRequest> r = find(tenant, payload.subject(), payload.subjectId());
    if (r.isEmpty() || !waiting(tenant, payload.subject(), payload.subjectId())) {
      return 0;
    }
    int asked =
        escalate(
            tenant, payload.subject(), payload.subjectId(), r.get().employeeId(), approverId, why);
    close(r.get().id(), clock.instant(), true);
    return asked;
  }

  /**
   * The CSR managers are asked, but the person concerned and the approver who was asked first
   * (unless nobody else could decide). Each CSR manager is asked once per request.
   */
  private int escalate(
      TenantId tenant,
      Subject subject,
      long subjectId,
      long employeeId,
      Long approverId,
      Escalation why) {
    List<Long> csr = authority.csrManagers(tenant, employeeId);
    List<Long> others = csr.stream().filter(id -> !id.equals(approverId)).toList();
    Payload payload = new Payload(subject, subjectId, Optional.of(why));
    Payload once = new Payload(subject, subjectId, Optional.empty());
    for (long to : others.isEmpty() ? csr : others) {
      notifications.enqueue(
          tenant,
          to,
          Notification.APPROVAL_ESCALATED,
          key("approval-escalated", tenant, once, to),
          payload.toString());
    }
    return (others.isEmpty() ? csr : others).size();
  }

  private void close(long id, Instant now, boolean escalated) {
    jdbc.sql(
            """
            update approval_request set done_at = ?,
                   escalated_at = case when ? then ? else escalated_at end
            where id = ?""")
        .params(Timestamp.from(now), escalated, Timestamp.from(now), id)
        .update();
  }

  private static String key(String event, TenantId tenant, Payload p, long to) {
    return event + ":" + tenant.value() + ":" + p.subject() + ":" + p.subjectId() + ":" + to;
  }
}
