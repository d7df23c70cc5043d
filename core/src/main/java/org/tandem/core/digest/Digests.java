package org.tandem.core.digest;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.availability.Availability;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.matching.Proposal;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.tenants.TenantId;

/**
 * The weekly digest, opt-in: on the day a person chose, from {@link #FROM} in their time zone, up
 * to {@link #MAX} missions published since their last digest (at most a week back) that fit them,
 * each with the reason; nothing when nothing new fits. Worked out a company at a time in SQL, over
 * only that week's new missions, so 100,000 subscribers cost a few statements, not 100,000
 * proposals; once per person and ISO week, whatever the number of runs or instances.
 */
@Service
public class Digests {

  /** A digest never arrives before this local time of its day. */
  public static final LocalTime FROM = LocalTime.of(8, 0);

  /** Missions in one digest at most. */
  public static final int MAX = 3;

  /** The day a digest comes on when a person says yes without choosing one. */
  public static final DayOfWeek BY_DEFAULT = DayOfWeek.MONDAY;

  static final Duration WEEK = Duration.ofDays(7);

  /** Subscribers worked out per statement: bounds a statement's memory and its locks. */
  static final int BATCH = 5000;

  /** What one run did: people whose digest was worked out, and digests written to the outbox. */
  public record Run(int checked, int written) {}

  private final JdbcClient jdbc;
  private final NotificationSettings settings;

  Digests(JdbcClient jdbc, NotificationSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /**
   * Writes this week's digest of every subscriber whose day it is at {@code now}, in each installed
   * company that published a mission in the last week. Each batch is one statement, so a crash
   * leaves whole batches done and the next run does the rest.
   */
  public Run enqueueDue(Instant now) {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    OffsetDateTime weekAgo = at.minus(WEEK);
    List<Long> companies =
        jdbc.sql(
                """
                select t.id from tenant t
                where t.uninstalled_at is null and exists (
                  select 1 from mission m
                  where m.tenant_id = t.id and m.status = 'OPEN'
                    and m.published_at > ? and m.published_at <= ?)
                order by t.id""")
            .params(weekAgo, at)
            .query(Long.class)
            .list();
    int checked = 0;
    int written = 0;
    for (long tenant : companies) {
      long after = 0;
      while (true) {
        long[] r =
            jdbc.sql(DigestSql.WEEKLY)
                .params(
                    Map.of(
                        "t", tenant,
                        "now", at,
                        "weekAgo", weekAgo,
                        "from", FROM.toString(),
                        "after", after,
                        "batch", BATCH,
                        "max", MAX))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        checked += (int) r[0];
        written += (int) r[1];
        if (r[0] < BATCH) {
          break;
        }
        after = r[2];
      }
    }
    return new Run(checked, written);
  }

  /**
   * The missions of a digest as they are now, in its order, with the reasons they fit: those since
   * filled, cancelled, committed to or dismissed are left out.
   */
  @Transactional(readOnly = true)
  public List<Proposal> missions(TenantId tenant, long employeeId, String ids, Instant now) {
    if (ids == null || !ids.matches("\\d+(,\\d+)*")) {
      return List.of();
    }
    return jdbc.sql(DigestSql.SENT)
        .params(
            Map.of(
                "t",
                tenant.value(),
                "e",
                employeeId,
                "ids",
                ids,
                "now",
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
        .query(Digests::proposal)
        .list();
  }

  /**
   * The person's digest day, {@code 1} (Monday) to {@code 7}, or {@code off}: what a button or the
   * settings send, checked here whatever sent it. Each person sets only their own.
   */
  @Transactional
  public Outcome<Optional<DayOfWeek>> choose(TenantId tenant, long employeeId, String day) {
    Optional<DayOfWeek> chosen;
    if ("off".equals(day)) {
      chosen = Optional.empty();
    } else if (day != null && day.matches("[1-7]")) {
      chosen = Optional.of(DayOfWeek.of(Integer.parseInt(day)));
    } else {
      return Outcome.refused(ReasonCode.DIGEST_DAY_INVALID);
    }
    settings.digestDay(tenant, employeeId, chosen.orElse(null));
    return Outcome.done(chosen);
  }

  private static Proposal proposal(ResultSet rs, int n) throws SQLException {
    double km = rs.getDouble("shown_km");
    Double distance = rs.wasNull() ? null : km;
    return new Proposal(
        rs.getLong("mission_id"),
        rs.getString("title"),
        rs.getString("association_name"),
        MissionMode.valueOf(rs.getString("mode")),
        rs.getString("mission_place"),
        distance,
        rs.getString("from_place"),
        strings(rs.getArray("shared_skills")),
        strings(rs.getArray("shared_causes")),
        new Availability(rs.getInt("common_slots")),
        rs.getBoolean("any_time"),
        rs.getInt("seats_left"),
        rs.getDouble("score"));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
