package org.tandem.core.proposals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.core.common.Outcome;
import org.tandem.core.hours.HourEntry;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.tenants.Policy;
import org.tandem.core.tenants.ProposalDefault;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * The two jobs of hours that log themselves. {@link #proposeEnded} proposes the hours of every
 * session that ended within the policy's window to each confirmed volunteer of its mission who
 * logged none that day on that commitment (and who committed before it ended); {@link #standDue}
 * lets what the policy says stand for proposals left unanswered past their window. Both are keyed
 * by commitment and session, so a job run twice, or on two instances, writes nothing twice.
 */
@Service
public class Proposals {

  /** Proposals that stand per transaction: each logs hours under the person's lock. */
  private static final int STAND_BATCH = 100;

  private final JdbcClient jdbc;
  private final Hours hours;
  private final People people;
  private final Tenants tenants;
  private final Notifications notifications;
  private final TransactionTemplate tx;

  Proposals(
      JdbcClient jdbc,
      Hours hours,
      People people,
      Tenants tenants,
      Notifications notifications,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.hours = hours;
    this.people = people;
    this.tenants = tenants;
    this.notifications = notifications;
    this.tx = tx;
  }

  /**
   * Proposes the hours of sessions ended by {@code now} (and within the tenant's window: an older
   * session would stand at once) and tells each person (HOURS_PROPOSED, after their quiet hours).
   * The length is the session's, to the nearest quarter hour. Returns how many were proposed.
   */
  @Transactional
  public int proposeEnded(Instant now) {
    Timestamp at = Timestamp.from(now);
    List<long[]> made =
        jdbc.sql(
                """
                insert into hours_proposal (tenant_id, commitment_id, employee_id, mission_id,
                                            session_starts, work_date, minutes, stands_at)
                select c.tenant_id, c.id, c.employee_id, c.mission_id, s.starts_at, x.day,
                       least(1440, greatest(15,
                             round(extract(epoch from s.ends_at - s.starts_at) / 900) * 15))::int,
                       ?::timestamptz + make_interval(days => t.proposal_window_days)
                from mission_session s
                join tenant t on t.id = s.tenant_id and t.uninstalled_at is null
                join mission m on m.tenant_id = s.tenant_id and m.id = s.mission_id
                              and m.status <> 'CANCELLED'
                join commitment c on c.tenant_id = s.tenant_id and c.mission_id = s.mission_id
                                 and c.status in ('CONFIRMED', 'COMPLETED')
                                 and c.created_at < s.ends_at
                join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
                               and e.deactivated_at is null
                cross join lateral (select (s.starts_at at time zone e.time_zone)::date as day) x
                where s.ends_at <= ?
                  and s.ends_at > ?::timestamptz - make_interval(days => t.proposal_window_days)
                  and not exists (select 1 from hour_entry h
                                  where h.tenant_id = c.tenant_id and h.commitment_id = c.id
                                    and h.work_date = x.day and h.status <> 'REJECTED')
                on conflict (tenant_id, commitment_id, session_starts) do nothing
                returning tenant_id, employee_id, id""")
            .params(at, at, at)
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
            .list();
    for (long[] p : made) {
      notifications.enqueue(
          new TenantId(p[0]),
          p[1],
          Notification.HOURS_PROPOSED,
          "hours-proposed:" + p[0] + ":" + p[2],
          Long.toString(p[2]));
    }
    return made.size();
  }

  /**
   * Proposals unanswered at {@code now} past their window: the policy's default stands, each in a
   * transaction of its own, and the person is told (HOURS_STOOD). Returns how many stood.
   */
  public int standDue(Instant now) {
    int stood = 0;
    while (true) {
      List<long[]> due =
          jdbc.sql(
                  """
                  select tenant_id, id from hours_proposal
                  where state = 'PROPOSED' and stands_at <= ? order by stands_at, id limit ?""")
              .params(Timestamp.from(now), STAND_BATCH)
              .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
              .list();
      int batch = 0;
      for (long[] d : due) {
        Boolean done = tx.execute(s -> stand(new TenantId(d[0]), d[1], now));
        batch += Boolean.TRUE.equals(done) ? 1 : 0;
      }
      stood += batch;
      if (due.size() < STAND_BATCH || batch == 0) {
        return stood;
      }
    }
  }

  private boolean stand(TenantId tenant, long id, Instant now) {
    Optional<HoursProposal> locked = ProposalRows.lock(jdbc, tenant, id);
    if (locked.isEmpty() || locked.get().state() != ProposalState.PROPOSED) {
      return false; // answered meanwhile, or stood on another instance
    }
    HoursProposal p = locked.get();
    if (ProposalRows.hoursLogged(jdbc, tenant, p, null)) {
      // The person logged that day themselves: nothing to stand, nothing to tell.
      ProposalRows.settle(jdbc, tenant, id, ProposalState.STOOD, null, null, now);
      return true;
    }
    Optional<Employee> person = people.find(tenant, p.employeeId());
    if (person.isEmpty()) {
      return false;
    }
    Policy policy = tenants.policyFor(tenant, person.get().country());
    Long entry = null;
    String note = null;
    if (policy.proposalDefault() == ProposalDefault.HOURS) {
      Outcome<HourEntry> logged =
          hours.log(
              tenant,
              p.employeeId(),
              HoursRequest.onWorkTime(p.commitmentId(), p.date(), p.minutes(), ""));
      if (logged.isDone()) {
        entry = logged.value().id();
      } else {
        note = logged.refusal().message(person.get().locale());
      }
    }
    ProposalRows.settle(jdbc, tenant, id, ProposalState.STOOD, entry, note, now);
    notifications.enqueue(
        tenant,
        p.employeeId(),
        Notification.HOURS_STOOD,
        "hours-stood:" + tenant.value() + ":" + id,
        Long.toString(id));
    return true;
  }

  @Transactional(readOnly = true)
  public Optional<HoursProposal> find(TenantId tenant, long id) {
    return ProposalRows.find(jdbc, tenant, id);
  }
}
