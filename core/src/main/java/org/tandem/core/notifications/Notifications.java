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
 * work), sends them and marks them sent, or retries later with back-off. Before sending, the
 * person's choices are read ({@link #admit}): a topic they turned off is dropped, quiet hours delay
 * the message to their end. A crash between sending and marking is caught by the channel's own
 * check (Slack: the delivery's stamp in the conversation), so a message is neither lost nor sent
 * twice there.
 */
@Service
public class Notifications {

  /** Monthly reports go out from this local hour on the first working day of the month. */
  public static final int MONTHLY_HOUR = 8;

  static final int MAX_ATTEMPTS = 5;

  /** At most this many messages of one company per claim: the companies take turns. */
  static final int PER_COMPANY = 10;

  private final JdbcClient jdbc;
  private final NotificationSettings settings;

  Notifications(JdbcClient jdbc, NotificationSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
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
   * It waits for the end of the person's quiet hours, unless {@link #enqueueUrgent}.
   */
  @Transactional
  public void enqueue(
      TenantId tenant, long employeeId, String kind, String dedupeKey, String payload) {
    write(tenant, employeeId, kind, dedupeKey, payload, null, false);
  }

  /** The same, not sent before {@code notBefore} (a reminder due on a given morning). */
  @Transactional
  public void enqueueAt(
      TenantId tenant,
      long employeeId,
      String kind,
      String dedupeKey,
      String payload,
      Instant notBefore) {
    write(tenant, employeeId, kind, dedupeKey, payload, notBefore, false);
  }

  /**
   * The same, sent even in the person's quiet hours: only for a change or cancellation of a session
   * within the next 24 hours, which they need before the morning, or a message the person is
   * waiting for at their screen now (the installer's welcome).
   */
  @Transactional
  public void enqueueUrgent(
      TenantId tenant, long employeeId, String kind, String dedupeKey, String payload) {
    write(tenant, employeeId, kind, dedupeKey, payload, null, true);
  }

  private void write(
      TenantId tenant,
      long employeeId,
      String kind,
      String dedupeKey,
      String payload,
      Instant notBefore,
      boolean urgent) {
    Topic.of(kind); // refuses an unknown kind before it is stored
    jdbc.sql(
            """
            insert into notification (tenant_id, employee_id, kind, dedupe_key, payload,
                                      next_attempt_at, urgent)
            values (?, ?, ?, ?, ?, coalesce(?, now()), ?) on conflict (dedupe_key) do nothing""")
        .params(
            tenant.value(),
            employeeId,
            kind,
            dedupeKey,
            payload,
            notBefore == null ? null : java.sql.Timestamp.from(notBefore),
            urgent)
        .update();
  }

  /** What the outbox does with a claimed message now: send it, wait, or drop it. */
  public sealed interface Admission {
    /** Send it now. */
    record Send() implements Admission {}

    /** The person is in their quiet hours: try again at {@code at}, without counting an attempt. */
    record Wait(Instant at) implements Admission {}

    /** The person turned this topic off, or is gone: it is kept as not sent. */
    record Drop(String reason) implements Admission {}
  }

  /**
   * Whether a claimed message goes out now, by the person's choices read at this moment: a topic
   * turned off drops it, quiet hours delay it to their end (except an urgent one).
   */
  @Transactional
  public Admission admit(Notification n, Instant now) {
    var settings = this.settings.of(n.tenant(), n.employeeId());
    if (settings.isEmpty()) {
      return new Admission.Drop("person gone");
    }
    if (!settings.get().wants(n.topic())) {
      return new Admission.Drop("turned off by the person: " + n.topic());
    }
    if (!n.urgent() && settings.get().quiet().isQuiet(now, settings.get().zone())) {
      return new Admission.Wait(settings.get().quiet().nextAwake(now, settings.get().zone()));
    }
    return new Admission.Send();
  }

  /** A claimed message put back until {@code at}: the claim does not count as an attempt. */
  @Transactional
  public void waitUntil(long id, Instant at) {
    jdbc.sql(
            """
            update notification set attempts = greatest(attempts - 1, 0), next_attempt_at = ?
            where id = ?""")
        .params(java.sql.Timestamp.from(at), id)
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
    return claim(limit, lease, java.util.Set.of());
  }

  /**
   * The same, fair between companies: each company's due messages are taken in the order they fell
   * due, and the companies take turns (the first of each, then the second of each...), so a
   * 100,000-person company's digest does not hold back a small company's approval request. The
   * companies in {@code skipped} (their workspace asked to wait, or their pace is used up for now)
   * are left out: their messages stay for a later claim.
   */
  @Transactional
  public List<Notification> claim(
      int limit, java.time.Duration lease, java.util.Collection<Long> skipped) {
    int perCompany = Math.max(1, Math.min(limit, PER_COMPANY));
    return jdbc
        .sql(
            """
            with due as (
              select d.id, row_number() over (partition by d.tenant_id
                                              order by d.next_attempt_at, d.id) as turn
              from tenant t cross join lateral (
                select n.id, n.tenant_id, n.next_attempt_at from notification n
                where n.tenant_id = t.id and n.sent_at is null and n.failed_at is null
                  and n.next_attempt_at <= now()
                order by n.next_attempt_at, n.id limit ? for update skip locked) d
              where not (t.id = any (?))),
            picked as (select id, turn from due order by turn, id limit ?)
            update notification n set attempts = n.attempts + 1,
                   next_attempt_at = now() + make_interval(secs => ?)
            from picked p where n.id = p.id
            returning n.id, n.tenant_id, n.employee_id, n.kind, n.payload, n.attempts, n.progress,
                      n.urgent, p.turn""")
        .params(perCompany, skipped.toArray(new Long[0]), limit, lease.toMillis() / 1000.0)
        .query(
            (rs, row) ->
                new Turn(
                    new Notification(
                        rs.getLong(1),
                        new TenantId(rs.getLong(2)),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getBoolean(8)),
                    rs.getLong(9)))
        .list()
        .stream()
        // in turns: the first due of each company, then the second of each...
        .sorted(
            java.util.Comparator.comparingLong(Turn::turn)
                .thenComparingLong(t -> t.notification().id()))
        .map(Turn::notification)
        .toList();
  }

  private record Turn(Notification notification, long turn) {}

  /**
   * A claimed message put back for {@code after} (by the database's clock, as the claim reads it),
   * without counting the claim as an attempt: its workspace asked to wait (429), or its pace is
   * used up for longer than the dispatcher holds messages.
   */
  @Transactional
  public void putBack(long id, java.time.Duration after) {
    jdbc.sql(
            """
            update notification set attempts = greatest(attempts - 1, 0),
                   next_attempt_at = now() + make_interval(secs => ?)
            where id = ? and sent_at is null""")
        .params(after.toMillis() / 1000.0, id)
        .update();
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
