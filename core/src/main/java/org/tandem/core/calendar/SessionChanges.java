package org.tandem.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.missions.DatedSession;
import org.tandem.core.missions.SessionEdit;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.tenants.TenantId;

/**
 * Tells the people committed to a mission, at once, that a session moved or was removed or that the
 * mission was cancelled, with what their calendar needs (the session's uid and new sequence).
 * Written in the transaction of the change. Committed means holding a seat that is not used yet:
 * confirmed, or pending their manager's approval (they planned the date too). A message about a
 * session within the next 24 hours is urgent: it is sent even in the person's quiet hours.
 */
@Service
public class SessionChanges {

  /** A change to a session closer than this is sent even in quiet hours. */
  public static final Duration URGENT_WITHIN = Duration.ofHours(24);

  private final JdbcClient jdbc;
  private final Notifications notifications;

  SessionChanges(JdbcClient jdbc, Notifications notifications) {
    this.jdbc = jdbc;
    this.notifications = notifications;
  }

  /** After an edit rewrote the sessions: one message per person and session moved or removed. */
  @Transactional
  public void edited(TenantId tenant, long missionId, SessionEdit edit, Instant now) {
    if (cancelledOrDraft(tenant, missionId)) {
      return;
    }
    List<Long> people = committed(tenant, missionId);
    for (SessionEdit.Moved m : edit.moved()) {
      if (!m.before().startsAt().isAfter(now) && !m.after().startsAt().isAfter(now)) {
        continue; // a session of the past corrected: nothing to change in a calendar
      }
      String payload = new SessionPayload(missionId, m.after(), m.before().startsAt()).encode();
      boolean urgent = soon(m.before().startsAt(), now) || soon(m.after().startsAt(), now);
      for (long person : people) {
        String key = key("session-changed", tenant, m.after(), person);
        tell(tenant, person, Notification.SESSION_CHANGED, key, payload, urgent);
      }
    }
    for (DatedSession removed : edit.removed()) {
      if (!removed.startsAt().isAfter(now)) {
        continue;
      }
      // The cancelling event outranks every version the calendar may hold.
      DatedSession cancelled =
          new DatedSession(
              removed.uid(), removed.sequence() + 1, removed.startsAt(), removed.endsAt());
      String payload = new SessionPayload(missionId, cancelled, null).encode();
      for (long person : people) {
        String key = key("session-cancelled", tenant, cancelled, person);
        tell(
            tenant,
            person,
            Notification.SESSION_CANCELLED,
            key,
            payload,
            soon(removed.startsAt(), now));
      }
    }
  }

  /**
   * After the mission was cancelled: its sessions' sequences go up (their events are cancelled in
   * calendars) and each person committed gets one message, with the sessions still to come.
   */
  @Transactional
  public void cancelled(TenantId tenant, long missionId, Instant now) {
    jdbc.sql(
            "update mission_session set sequence = sequence + 1 where tenant_id = ? and mission_id = ?")
        .params(tenant.value(), missionId)
        .update();
    boolean urgent =
        jdbc.sql(
                """
                select count(*) > 0 from mission_session
                where tenant_id = ? and mission_id = ? and starts_at > ? and starts_at <= ?""")
            .params(
                tenant.value(),
                missionId,
                java.sql.Timestamp.from(now),
                java.sql.Timestamp.from(now.plus(URGENT_WITHIN)))
            .query(Boolean.class)
            .single();
    for (long person : committed(tenant, missionId)) {
      String key = "mission-cancelled:" + tenant.value() + ":" + missionId + ":" + person;
      tell(tenant, person, Notification.MISSION_CANCELLED, key, Long.toString(missionId), urgent);
    }
  }

  private void tell(
      TenantId tenant, long person, String kind, String key, String payload, boolean urgent) {
    if (urgent) {
      notifications.enqueueUrgent(tenant, person, kind, key, payload);
    } else {
      notifications.enqueue(tenant, person, kind, key, payload);
    }
  }

  private static boolean soon(Instant start, Instant now) {
    return start.isAfter(now) && !start.isAfter(now.plus(URGENT_WITHIN));
  }

  private static String key(String what, TenantId tenant, DatedSession s, long person) {
    return what + ":" + tenant.value() + ":" + s.uid() + ":" + s.sequence() + ":" + person;
  }

  private boolean cancelledOrDraft(TenantId tenant, long missionId) {
    return jdbc.sql(
            """
            select status in ('CANCELLED', 'DRAFT') from mission
            where tenant_id = ? and id = ?""")
        .params(tenant.value(), missionId)
        .query(Boolean.class)
        .single();
  }

  /** The people holding a seat not used yet: confirmed, or waiting for their manager's approval. */
  private List<Long> committed(TenantId tenant, long missionId) {
    return jdbc.sql(
            """
            select employee_id from commitment
            where tenant_id = ? and mission_id = ? and status in ('CONFIRMED', 'PENDING_APPROVAL')
            order by id""")
        .params(tenant.value(), missionId)
        .query(Long.class)
        .list();
  }
}
