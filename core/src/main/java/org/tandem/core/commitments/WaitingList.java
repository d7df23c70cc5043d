package org.tandem.core.commitments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.missions.MissionStatus;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.notifications.QuietHours;
import org.tandem.core.tenants.TenantId;

/**
 * A mission's seats and its waiting list. A seat freed while people wait is not given outright: it
 * is offered to the first of them (the offer holds the seat) for {@link #OFFER_TIME} of their awake
 * hours, and SEAT_OFFERED is written in the same transaction. An offer passed or run out goes to
 * the next person waiting; with nobody left the seat goes back to the mission. Every method runs
 * under the mission's row lock, taken by {@link #lock}.
 */
@Service
public class WaitingList {

  /** How long a seat is held for the person it is offered to, not counting their quiet hours. */
  public static final Duration OFFER_TIME = Duration.ofHours(24);

  /** Offers expired per transaction by {@link #expireOffers}. */
  public static final int EXPIRY_BATCH = 100;

  private final JdbcClient jdbc;
  private final NotificationSettings settings;
  private final Notifications notifications;
  private final Clock clock;

  WaitingList(
      JdbcClient jdbc,
      NotificationSettings settings,
      Notifications notifications,
      Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.notifications = notifications;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** A mission as its row lock found it. */
  record LockedMission(
      long id, MissionStatus status, int capacity, int seatsTaken, String associationName) {}

  /** Locks the mission row: every change to its seats and waiting list is made under it. */
  Optional<LockedMission> lock(TenantId tenant, long missionId) {
    return jdbc.sql(
            """
            select m.id, m.status, m.capacity, m.seats_taken, a.name
            from mission m join association a on a.tenant_id = m.tenant_id and a.id = m.association_id
            where m.tenant_id = ? and m.id = ? for update of m""")
        .params(tenant.value(), missionId)
        .query(
            (rs, n) ->
                new LockedMission(
                    rs.getLong(1),
                    MissionStatus.valueOf(rs.getString(2)),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getString(5)))
        .optional();
  }

  void takeSeat(TenantId tenant, long missionId) {
    jdbc.sql(
            """
            update mission set seats_taken = seats_taken + 1,
                   status = case when seats_taken + 1 >= capacity and status = 'OPEN' then 'FULL'
                                 else status end
            where tenant_id = ? and id = ?""")
        .params(tenant.value(), missionId)
        .update();
  }

  /** Whether anyone waits for a seat of the mission: then a newcomer joins them, after them. */
  boolean anyoneWaiting(TenantId tenant, long missionId) {
    return firstWaiting(tenant, missionId).isPresent();
  }

  /**
   * A held seat was freed (a cancellation, a decline, an offer passed or run out): it is offered to
   * the first person waiting, or goes back to the mission when nobody waits or it is cancelled.
   */
  void seatFreed(TenantId tenant, LockedMission mission, Instant now) {
    if (mission.status() != MissionStatus.CANCELLED && offerToFirst(tenant, mission.id(), now)) {
      return;
    }
    jdbc.sql(
            """
            update mission set seats_taken = seats_taken - 1,
                   status = case when status = 'FULL' then 'OPEN' else status end
            where tenant_id = ? and id = ?""")
        .params(tenant.value(), mission.id())
        .update();
  }

  /**
   * Seats left free while people wait (the capacity was raised) are offered to them, first come
   * first served, before anyone new can take one. Called under the mission's lock, in the caller's
   * transaction; returns how many seats were offered.
   */
  @Transactional
  public int serve(TenantId tenant, long missionId) {
    LockedMission m = lock(tenant, missionId).orElseThrow();
    if (m.status() != MissionStatus.OPEN && m.status() != MissionStatus.FULL) {
      return 0;
    }
    int offered = 0;
    Instant now = clock.instant();
    for (int free = m.capacity() - m.seatsTaken(); free > 0; free--) {
      if (!offerToFirst(tenant, missionId, now)) {
        break;
      }
      takeSeat(tenant, missionId);
      offered++;
    }
    return offered;
  }

  /**
   * Offers that ran out by {@code now}: each is cancelled, its person told (SEAT_OFFER_EXPIRED),
   * and its seat offered to the next person waiting. Returns how many ran out (at most a batch: the
   * job calls again while a full batch was done).
   */
  @Transactional
  public int expireOffers(Instant now) {
    List<Object[]> due =
        jdbc.sql(
                """
                select tenant_id, mission_id, id from commitment
                where status = 'OFFERED' and offer_expires_at <= ?
                order by tenant_id, mission_id, id limit ?""")
            .params(Timestamp.from(now), EXPIRY_BATCH)
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
            .list();
    int expired = 0;
    for (Object[] d : due) {
      TenantId tenant = new TenantId((Long) d[0]);
      LockedMission mission = lock(tenant, (Long) d[1]).orElseThrow();
      // Under the lock: the person may have accepted or passed since the list was read.
      int changed =
          jdbc.sql(
                  """
                  update commitment set status = 'CANCELLED', cancelled_at = ?
                  where tenant_id = ? and id = ? and status = 'OFFERED' and offer_expires_at <= ?""")
              .params(Timestamp.from(now), tenant.value(), d[2], Timestamp.from(now))
              .update();
      if (changed == 0) {
        continue;
      }
      long employee =
          jdbc.sql("select employee_id from commitment where tenant_id = ? and id = ?")
              .params(tenant.value(), d[2])
              .query(Long.class)
              .single();
      notifications.enqueue(
          tenant,
          employee,
          Notification.SEAT_OFFER_EXPIRED,
          "seat-offer-expired:" + tenant.value() + ":" + d[2],
          Long.toString((Long) d[2]));
      seatFreed(tenant, mission, now);
      expired++;
    }
    return expired;
  }

  /** The moment an offer made now to this person runs out: 24 of their awake hours. */
  Instant deadline(TenantId tenant, long employeeId, Instant now) {
    var theirs = settings.of(tenant, employeeId);
    QuietHours quiet = theirs.map(s -> s.quiet()).orElse(settings.byDefault());
    ZoneId zone = theirs.map(s -> s.zone()).orElse(ZoneId.of("UTC"));
    return quiet.afterAwake(now, OFFER_TIME, zone);
  }

  Instant now() {
    return clock.instant();
  }

  /** Offers the held seat to the first person waiting; false when nobody waits. */
  private boolean offerToFirst(TenantId tenant, long missionId, Instant now) {
    Optional<long[]> first = firstWaiting(tenant, missionId);
    if (first.isEmpty()) {
      return false;
    }
    long id = first.get()[0];
    long employee = first.get()[1];
    jdbc.sql(
            """
            update commitment set status = 'OFFERED', offer_expires_at = ?, decided_at = ?
            where tenant_id = ? and id = ?""")
        .params(
            Timestamp.from(deadline(tenant, employee, now)),
            Timestamp.from(now),
            tenant.value(),
            id)
        .update();
    notifications.enqueue(
        tenant,
        employee,
        Notification.SEAT_OFFERED,
        "seat-offered:" + tenant.value() + ":" + id,
        Long.toString(id));
    return true;
  }

  private Optional<long[]> firstWaiting(TenantId tenant, long missionId) {
    return jdbc.sql(
            """
            select c.id, c.employee_id from commitment c
            join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
            where c.tenant_id = ? and c.mission_id = ? and c.status = 'WAITLISTED'
              and e.deactivated_at is null and e.erased_at is null
            order by c.id limit 1""")
        .params(tenant.value(), missionId)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .optional();
  }
}
