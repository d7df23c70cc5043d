package org.tandem.core.notifications;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.tenants.TenantId;

/**
 * The outbox. Jobs write messages under a unique key, so running a job twice (or on two instances)
 * writes nothing more; the dispatcher claims due messages (skip locked, so instances share the
 * work), sends them and marks them sent, or retries later with back-off. A crash between sending
 * and marking can send a message a second time, never lose it.
 */
@Service
public class Notifications {

  /** Monthly reports go out from this local hour on the first working day of the month. */
  public static final int MONTHLY_HOUR = 8;

  static final int MAX_ATTEMPTS = 5;

  private final JdbcClient jdbc;

  Notifications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Last month's report for every CSR manager who wants it, in each installed tenant where it is
   * now the first working day of the month, from {@link #MONTHLY_HOUR} local time. Returns how many
   * messages were written.
   */
  @Transactional
  public int enqueueMonthlyReports(Instant now) {
    int written = 0;
    List<Object[]> tenants =
        jdbc.sql("select id, time_zone from tenant where uninstalled_at is null")
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .list();
    for (Object[] t : tenants) {
      LocalDateTime local = LocalDateTime.ofInstant(now, ZoneId.of((String) t[1]));
      if (!FirstWorkingDay.is(local.toLocalDate()) || local.getHour() < MONTHLY_HOUR) {
        continue;
      }
      String month = YearMonth.from(local).minusMonths(1).toString();
      written +=
          jdbc.sql(
                  """
                  insert into notification (tenant_id, employee_id, kind, dedupe_key, payload)
                  select e.tenant_id, e.id, 'MONTHLY_REPORT',
                         'monthly-report:' || e.tenant_id || ':' || e.id || ':' || ?, ?
                  from employee e
                  where e.tenant_id = ? and e.is_csr_manager and e.monthly_report
                  on conflict (dedupe_key) do nothing""")
              .params(month, month, t[0])
              .update();
    }
    return written;
  }

  /**
   * A message for one person about something that just happened, written in the caller's
   * transaction so the decision and its message are stored together (once per {@code dedupeKey}).
   */
  @Transactional
  public void enqueue(
      TenantId tenant, long employeeId, String kind, String dedupeKey, String payload) {
    jdbc.sql(
            """
            insert into notification (tenant_id, employee_id, kind, dedupe_key, payload)
            values (?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing""")
        .params(tenant.value(), employeeId, kind, dedupeKey, payload)
        .update();
  }

  /**
   * Claims up to {@code limit} due messages: their next attempt is pushed back by {@code lease}
   * while they are being sent, so no other instance takes them meanwhile; an instance that dies
   * leaves them to the others once the lease has passed (every call of a delivery has timeouts, so
   * a live one finishes well within it).
   */
  @Transactional
  public List<Notification> claim(int limit, java.time.Duration lease) {
    return jdbc.sql(
            """
            update notification set attempts = attempts + 1,
                                    next_attempt_at = now() + make_interval(secs => ?)
            where id in (select id from notification
                         where sent_at is null and failed_at is null and next_attempt_at <= now()
                         order by id limit ? for update skip locked)
            returning id, tenant_id, employee_id, kind, payload, attempts, progress""")
        .params(lease.toMillis() / 1000.0, limit)
        .query(
            (rs, n) ->
                new Notification(
                    rs.getLong(1),
                    new TenantId(rs.getLong(2)),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getString(7)))
        .list();
  }

  /** What of the message already went out: a retry resumes from there, never sends it twice. */
  @Transactional
  public void progress(long id, String progress) {
    jdbc.sql("update notification set progress = ? where id = ?").params(progress, id).update();
  }

  @Transactional
  public void sent(long id) {
    jdbc.sql("update notification set sent_at = now(), last_error = null where id = ?")
        .params(id)
        .update();
  }

  /** A failure for now: tried again after 2, 4, 8... minutes, and given up after 5 attempts. */
  @Transactional
  public void retryLater(long id, String error) {
    jdbc.sql(
            """
            update notification set last_error = ?,
                   next_attempt_at = now() + make_interval(mins => power(2, attempts)::int),
                   failed_at = case when attempts >= ? then now() end
            where id = ?""")
        .params(error, MAX_ATTEMPTS, id)
        .update();
  }

  /** Nobody can deliver it (the person left every channel, or lost the role): kept, not sent. */
  @Transactional
  public void undeliverable(long id, String reason) {
    jdbc.sql("update notification set failed_at = now(), last_error = ? where id = ?")
        .params(reason, id)
        .update();
  }
}
