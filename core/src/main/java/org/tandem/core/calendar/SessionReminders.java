package org.tandem.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.missions.DatedSession;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.tenants.TenantId;

/**
 * Reminders of the sessions to come, with their calendar file: one per confirmed volunteer and
 * session, from 08:00 on the last working day before it in the volunteer's time zone ({@link
 * ReminderDay}). Written once it is due, under a key of person, session and sequence: a recurring
 * job may run as often as it likes, on as many instances as it likes; a session moved (a new
 * sequence) is reminded again at its new date. Only confirmed volunteers are reminded: a commitment
 * still waiting for the manager's approval is not a seat yet, and is reminded once approved (the
 * next run after approval finds it due). A person who turned reminders off gets none (the outbox
 * reads their choice when it sends).
 */
@Service
public class SessionReminders {

  /**
   * How far ahead sessions are looked at: the reminder of a Monday session is due on Friday at
   * 08:00, less than four days before, whatever the person's zone.
   */
  static final Duration AHEAD = Duration.ofDays(5);

  private final JdbcClient jdbc;
  private final Notifications notifications;

  SessionReminders(JdbcClient jdbc, Notifications notifications) {
    this.jdbc = jdbc;
    this.notifications = notifications;
  }

  private record Due(
      TenantId tenant, long missionId, DatedSession session, long person, ZoneId zone) {}

  /**
   * Writes the reminders due at {@code now} that were not written yet; returns how many are due
   * (written now or by an earlier run).
   */
  @Transactional
  public int enqueueDue(Instant now) {
    List<Due> soon =
        jdbc.sql(
                """
                select s.tenant_id, s.mission_id, s.uid, s.sequence, s.starts_at, s.ends_at,
                       c.employee_id, e.time_zone
                from mission_session s
                join mission m on m.tenant_id = s.tenant_id and m.id = s.mission_id
                join tenant t on t.id = s.tenant_id
                join commitment c on c.tenant_id = s.tenant_id and c.mission_id = s.mission_id
                join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
                where s.starts_at > ? and s.starts_at <= ?
                  and m.status in ('OPEN', 'FULL', 'CLOSED') and t.uninstalled_at is null
                  and c.status = 'CONFIRMED'
                  and e.deactivated_at is null and e.erased_at is null
                order by s.starts_at, c.id""")
            .params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(AHEAD)))
            .query(
                (rs, n) ->
                    new Due(
                        new TenantId(rs.getLong(1)),
                        rs.getLong(2),
                        new DatedSession(
                            rs.getObject(3, java.util.UUID.class),
                            rs.getInt(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6).toInstant()),
                        rs.getLong(7),
                        ZoneId.of(rs.getString(8))))
            .list();
    int due = 0;
    for (Due d : soon) {
      Instant from = ReminderDay.due(d.session().startsAt(), d.zone());
      if (now.isBefore(from)) {
        continue;
      }
      due++;
      notifications.enqueueAt(
          d.tenant(),
          d.person(),
          Notification.SESSION_REMINDER,
          "session-reminder:"
              + d.tenant().value()
              + ":"
              + d.person()
              + ":"
              + d.session().uid()
              + ":"
              + d.session().sequence(),
          new SessionPayload(d.missionId(), d.session(), null).encode(),
          from);
    }
    return due;
  }
}
