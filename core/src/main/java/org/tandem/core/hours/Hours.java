package org.tandem.core.hours;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
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
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.people.Authority;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.tenants.OverAllowance;
import org.tandem.core.tenants.Policy;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/** Logging hours, approving or rejecting them, and the year they add up to. */
@Service
public class Hours {

  public static final int MAX_NOTE = 1000;

  /** A reason for rejecting hours is a sentence or two, read in a chat message. */
  public static final int MAX_REASON = 500;

  private static final int DAY_MINUTES = 24 * 60;

  private final JdbcClient jdbc;
  private final People people;
  private final Tenants tenants;
  private final Authority authority;
  private final java.time.Clock clock;
  private final Notifications notifications;
  private final Approvals approvals;

  Hours(
      JdbcClient jdbc,
      People people,
      Tenants tenants,
      Authority authority,
      Notifications notifications,
      Approvals approvals,
      Optional<java.time.Clock> clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.tenants = tenants;
    this.authority = authority;
    this.notifications = notifications;
    this.approvals = approvals;
    this.clock = clock.orElse(java.time.Clock.systemUTC());
  }

  private record Target(long employeeId, String status, LocalDate firstDay) {}

  /**
   * Logs hours against the person's own commitment. Refused, with nothing written, when the hours
   * are not positive quarter hours, the day would pass 24 hours, the date is in the future (in the
   * person's time zone) or before the mission began, the commitment is not theirs or not active, or
   * work time would pass the allowance and the policy refuses that. The same hours on the same day
   * for the same commitment as hours already logged (and not rejected) are refused with {@link
   * ReasonCode#HOURS_ALREADY_LOGGED}: most often a message sent twice, so the person is asked.
   */
  @Transactional
  public Outcome<HourEntry> log(TenantId tenant, long employeeId, HoursRequest request) {
    return log(tenant, employeeId, request, false);
  }

  /**
   * Logs hours the person confirmed after being told they had already logged the same: two sessions
   * of 3 h on one day are real. Every other rule of {@link #log} applies.
   */
  @Transactional
  public Outcome<HourEntry> logAgain(TenantId tenant, long employeeId, HoursRequest request) {
    return log(tenant, employeeId, request, true);
  }

  private Outcome<HourEntry> log(
      TenantId tenant, long employeeId, HoursRequest request, boolean again) {
    Optional<Employee> found = lockPerson(tenant, employeeId);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    Employee person = found.get();
    if (request.minutes() <= 0) {
      return Outcome.refused(ReasonCode.HOURS_NOT_POSITIVE);
    }
    if (request.minutes() > DAY_MINUTES) {
      // Before any sum: a huge amount must not wrap around an int and pass the day's limit.
      return Outcome.refused(ReasonCode.HOURS_OVER_DAY, hours(request.minutes()), request.date());
    }
    if (request.minutes() % 15 != 0) {
      return Outcome.refused(ReasonCode.HOURS_NOT_QUARTER, hours(request.minutes()));
    }
    String note = request.note() == null ? "" : request.note().strip();
    if (note.length() > MAX_NOTE) {
      return Outcome.refused(ReasonCode.NOTE_TOO_LONG, MAX_NOTE);
    }
    Optional<Target> target = target(tenant, request.commitmentId());
    if (target.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    Optional<Refusal> notTheirs =
        authority.refusal(
            tenant,
            employeeId,
            Authority.Action.LOG_HOURS,
            Authority.Subject.ownedBy(target.get().employeeId(), null));
    if (notTheirs.isPresent()) {
      return Outcome.refused(notTheirs.get());
    }
    if (!List.of("CONFIRMED", "COMPLETED").contains(target.get().status())) {
      return Outcome.refused(ReasonCode.COMMITMENT_NOT_ACTIVE);
    }
    LocalDate today = LocalDate.now(clock.withZone(person.timeZone()));
    if (request.date().isAfter(today)) {
      return Outcome.refused(ReasonCode.HOURS_IN_FUTURE, request.date());
    }
    if (request.date().isBefore(target.get().firstDay())) {
      return Outcome.refused(
          ReasonCode.HOURS_BEFORE_MISSION, request.date(), target.get().firstDay());
    }
    if (!again && alreadyLogged(tenant, request)) {
      return Outcome.refused(
          ReasonCode.HOURS_ALREADY_LOGGED, hours(request.minutes()), request.date());
    }
    int sameDay =
        jdbc.sql(
                """
                select coalesce(sum(minutes), 0) from hour_entry
                where tenant_id = ? and employee_id = ? and work_date = ? and status <> 'REJECTED'""")
            .params(tenant.value(), employeeId, Date.valueOf(request.date()))
            .query(Integer.class)
            .single();
    if (sameDay + request.minutes() > DAY_MINUTES) {
      return Outcome.refused(
          ReasonCode.HOURS_OVER_DAY, hours(sameDay + request.minutes()), request.date());
    }
    Policy policy = tenants.policyFor(tenant, person.country());
    boolean over = false;
    if (request.onWorkTime()) {
      int used = workTimeMinutes(tenant, employeeId, request.date().getYear());
      int allowance = policy.yearlyAllowanceMinutes();
      if (used + request.minutes() > allowance) {
        if (policy.overAllowance() == OverAllowance.REFUSE) {
          return Outcome.refused(
              ReasonCode.HOURS_OVER_ALLOWANCE,
              hours(Math.max(0, allowance - used)),
              hours(allowance));
        }
        over = true;
      }
    }
    HourStatus status = policy.hoursApproval() ? HourStatus.PENDING : HourStatus.APPROVED;
    long id =
        jdbc.sql(
                """
                insert into hour_entry (tenant_id, commitment_id, employee_id, work_date, minutes,
                                        on_work_time, note, status, over_allowance)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(
                tenant.value(),
                request.commitmentId(),
                employeeId,
                Date.valueOf(request.date()),
                request.minutes(),
                request.onWorkTime(),
                note,
                status.name(),
                over)
            .query(Long.class)
            .single();
    if (status == HourStatus.PENDING) {
      // Every path that logs hours (for the person or on their behalf) comes through here.
      approvals.ask(tenant, ApprovalRequest.Subject.HOURS, id, employeeId);
    }
    return Outcome.done(find(tenant, id).orElseThrow());
  }

  /** Approves pending hours; the person is told through the outbox in the same transaction. */
  @Transactional
  public Outcome<HourEntry> approve(TenantId tenant, long approverId, long entryId) {
    Outcome<HourEntry> o = decide(tenant, approverId, entryId, HourStatus.APPROVED);
    if (o.isDone()) {
      notifications.enqueue(
          tenant,
          o.value().employeeId(),
          Notification.HOURS_APPROVED,
          "hours-approved:" + tenant.value() + ":" + entryId,
          Long.toString(entryId));
    }
    return o;
  }

  /**
   * Rejects pending hours with a reason, which is stored and sent to the person through the outbox
   * in the same transaction. A rejection without a reason is refused: the person deserves one.
   */
  @Transactional
  public Outcome<HourEntry> reject(TenantId tenant, long approverId, long entryId, String reason) {
    String why = reason == null ? "" : reason.strip();
    Outcome<HourEntry> o = decide(tenant, approverId, entryId, HourStatus.REJECTED, why);
    if (o.isDone()) {
      notifications.enqueue(
          tenant,
          o.value().employeeId(),
          Notification.HOURS_REJECTED,
          "hours-rejected:" + tenant.value() + ":" + entryId,
          Long.toString(entryId));
    }
    return o;
  }

  /** Why these hours were rejected, as the approver wrote it. */
  @Transactional(readOnly = true)
  public Optional<String> decisionNote(TenantId tenant, long entryId) {
    return jdbc.sql("select decision_note from hour_entry where tenant_id = ? and id = ?")
        .params(tenant.value(), entryId)
        .query(String.class)
        .optional();
  }

  private Outcome<HourEntry> decide(
      TenantId tenant, long approverId, long entryId, HourStatus decision) {
    return decide(tenant, approverId, entryId, decision, null);
  }

  private Outcome<HourEntry> decide(
      TenantId tenant, long approverId, long entryId, HourStatus decision, String note) {
    Optional<HourEntry> entry = find(tenant, entryId);
    Optional<Employee> approver = people.find(tenant, approverId);
    if (entry.isEmpty() || approver.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    Employee owner = lockPerson(tenant, entry.get().employeeId()).orElseThrow();
    Optional<Refusal> no = decideRefusal(tenant, approverId, owner, find(tenant, entryId).get());
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (note != null && note.isEmpty()) {
      return Outcome.refused(ReasonCode.REASON_REQUIRED);
    }
    if (note != null && note.length() > MAX_REASON) {
      return Outcome.refused(ReasonCode.NOTE_TOO_LONG, MAX_REASON);
    }
    jdbc.sql(
            """
            update hour_entry set status = ?, decided_by = ?, decided_at = now(), decision_note = ?
            where tenant_id = ? and id = ?""")
        .params(decision.name(), approverId, note, tenant.value(), entryId)
        .update();
    return Outcome.done(find(tenant, entryId).orElseThrow());
  }

  /**
   * Whether this approver may decide on the hours now, changing nothing: asked when Reject is
   * clicked, so a decision someone else already took is said before a reason is asked for.
   */
  @Transactional(readOnly = true)
  public Outcome<HourEntry> mayDecide(TenantId tenant, long approverId, long entryId) {
    Optional<HourEntry> entry = find(tenant, entryId);
    Optional<Employee> owner = entry.flatMap(e -> people.find(tenant, e.employeeId()));
    if (entry.isEmpty() || owner.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    return decideRefusal(tenant, approverId, owner.get(), entry.get())
        .map(no -> Outcome.<HourEntry>refused(no))
        .orElseGet(() -> Outcome.done(entry.get()));
  }

  private Optional<Refusal> decideRefusal(
      TenantId tenant, long approverId, Employee owner, HourEntry entry) {
    Optional<Refusal> no =
        authority.refusal(
            tenant,
            approverId,
            Authority.Action.DECIDE_HOURS,
            Authority.Subject.ownedBy(owner.id(), owner.managerId()));
    if (no.isPresent()) {
      return no;
    }
    if (entry.status() != HourStatus.PENDING) {
      // Decided by someone else first: said politely, nothing changes.
      return Optional.of(new Refusal(ReasonCode.HOURS_ALREADY_DECIDED, new Object[0]));
    }
    return Optional.empty();
  }

  @Transactional(readOnly = true)
  public Optional<HourEntry> find(TenantId tenant, long entryId) {
    return jdbc.sql(SELECT + " where tenant_id = ? and id = ?")
        .params(tenant.value(), entryId)
        .query(Hours::entry)
        .optional();
  }

  @Transactional(readOnly = true)
  public List<HourEntry> ofEmployee(TenantId tenant, long employeeId, int year) {
    return jdbc.sql(
            SELECT
                + " where tenant_id = ? and employee_id = ? and work_date >= ? and work_date < ?"
                + " order by work_date desc, id desc")
        .params(
            tenant.value(),
            employeeId,
            Date.valueOf(LocalDate.of(year, 1, 1)),
            Date.valueOf(LocalDate.of(year + 1, 1, 1)))
        .query(Hours::entry)
        .list();
  }

  /** Hours waiting for this approver: their reports', or everyone's for a CSR manager. */
  @Transactional(readOnly = true)
  public List<PendingHours> pending(TenantId tenant, long approverId, int limit) {
    // Those who decide for anyone see everyone's; line managers see their reports'.
    boolean csr =
        Authority.may(
            approverId, authority.roles(tenant, approverId), Authority.Action.DECIDE_HOURS);
    return jdbc.sql(
            """
            select h.id, h.employee_id, e.display_name, m.title, h.work_date, h.minutes, h.note,
                   h.over_allowance
            from hour_entry h
            join employee e on e.tenant_id = h.tenant_id and e.id = h.employee_id
            join commitment c on c.tenant_id = h.tenant_id and c.id = h.commitment_id
            join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
            where h.tenant_id = ? and h.status = 'PENDING' and h.employee_id <> ?
              and (? or e.manager_id = ?)
            order by h.created_at, h.id limit ?""")
        .params(tenant.value(), approverId, csr, approverId, limit)
        .query(
            (rs, n) ->
                new PendingHours(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getDate(5).toLocalDate(),
                    rs.getInt(6),
                    rs.getString(7),
                    rs.getBoolean(8)))
        .list();
  }

  /** "My year": hours given, the allowance and what is left, causes and associations helped. */
  @Transactional(readOnly = true)
  public YearOfHours year(TenantId tenant, long employeeId, int year) {
    Employee person = people.find(tenant, employeeId).orElseThrow();
    Policy policy = tenants.policyFor(tenant, person.country());
    Object[] range = {
      tenant.value(),
      employeeId,
      Date.valueOf(LocalDate.of(year, 1, 1)),
      Date.valueOf(LocalDate.of(year + 1, 1, 1))
    };
    int[] sums =
        jdbc.sql(
                """
                select coalesce(sum(minutes) filter (where status = 'APPROVED'), 0),
                       coalesce(sum(minutes) filter (where status = 'PENDING'), 0),
                       coalesce(sum(minutes) filter (where status <> 'REJECTED' and on_work_time), 0)
                from hour_entry
                where tenant_id = ? and employee_id = ? and work_date >= ? and work_date < ?""")
            .params(range)
            .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)})
            .single();
    List<String[]> helped =
        jdbc.sql(
                """
                select distinct a.name, array_to_string(m.causes, ',')
                from hour_entry h
                join commitment c on c.tenant_id = h.tenant_id and c.id = h.commitment_id
                join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
                join association a on a.tenant_id = m.tenant_id and a.id = m.association_id
                where h.tenant_id = ? and h.employee_id = ? and h.work_date >= ? and h.work_date < ?
                  and h.status <> 'REJECTED'
                order by 1""")
            .params(range)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    List<String> associations = helped.stream().map(r -> r[0]).distinct().toList();
    List<String> causes =
        helped.stream()
            .flatMap(r -> Arrays.stream(r[1].split(",")))
            .filter(s -> !s.isBlank())
            .distinct()
            .sorted()
            .toList();
    return new YearOfHours(
        year, sums[0], sums[1], sums[2], policy.yearlyAllowanceMinutes(), causes, associations);
  }

  /** The same minutes on the same day for the same commitment, not rejected. */
  private boolean alreadyLogged(TenantId tenant, HoursRequest request) {
    return jdbc.sql(
            """
            select exists (select 1 from hour_entry
                           where tenant_id = ? and commitment_id = ? and work_date = ?
                             and minutes = ? and status <> 'REJECTED')""")
        .params(
            tenant.value(), request.commitmentId(), Date.valueOf(request.date()), request.minutes())
        .query(Boolean.class)
        .single();
  }

  private int workTimeMinutes(TenantId tenant, long employeeId, int year) {
    return jdbc.sql(
            """
            select coalesce(sum(minutes), 0) from hour_entry
            where tenant_id = ? and employee_id = ? and on_work_time and status <> 'REJECTED'
              and work_date >= ? and work_date < ?""")
        .params(
            tenant.value(),
            employeeId,
            Date.valueOf(LocalDate.of(year, 1, 1)),
            Date.valueOf(LocalDate.of(year + 1, 1, 1)))
        .query(Integer.class)
        .single();
  }

  /** Locks the person's row: their hour entries are decided one at a time. */
  private Optional<Employee> lockPerson(TenantId tenant, long employeeId) {
    return jdbc.sql("select id from employee where tenant_id = ? and id = ? for update")
        .params(tenant.value(), employeeId)
        .query(Long.class)
        .optional()
        .flatMap(id -> people.find(tenant, id));
  }

  /** The commitment's owner and status, and the first day hours can count for its mission. */
  private Optional<Target> target(TenantId tenant, long commitmentId) {
    return jdbc.sql(
            """
            select c.employee_id, c.status,
                   coalesce(m.first_date, (m.created_at at time zone t.time_zone)::date)
            from commitment c
            join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
            join tenant t on t.id = c.tenant_id
            where c.tenant_id = ? and c.id = ?""")
        .params(tenant.value(), commitmentId)
        .query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
        .optional();
  }

  private static final String SELECT =
      """
      select id, commitment_id, employee_id, work_date, minutes, on_work_time, note, status,
             over_allowance
      from hour_entry""";

  private static HourEntry entry(ResultSet rs, int n) throws SQLException {
    return new HourEntry(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getDate(4).toLocalDate(),
        rs.getInt(5),
        rs.getBoolean(6),
        rs.getString(7),
        HourStatus.valueOf(rs.getString(8)),
        rs.getBoolean(9));
  }

  /** Hours as a number rounded to two decimals, written by the message in the reader's language. */
  static java.math.BigDecimal hours(int minutes) {
    return java.math.BigDecimal.valueOf(minutes)
        .divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros();
  }
}
