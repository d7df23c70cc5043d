package org.tandem.core.notifications;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.tenants.TenantId;

/**
 * What each person receives from Tandem on its own, and when: the topics they turned off, their
 * quiet hours and the day of their weekly digest (off by default). Each person changes only their
 * own; the outbox reads them at the moment it sends, so a change is honoured at once.
 */
@Service
public class NotificationSettings {

  /** A person's choices, with the time zone their quiet hours are read in. */
  public record Settings(
      Set<Topic> off, QuietHours quiet, ZoneId zone, Optional<DayOfWeek> digestDay) {

    /** Whether a message of this topic is sent to them (the monthly report has its own switch). */
    public boolean wants(Topic topic) {
      return !topic.optional() || !off.contains(topic);
    }
  }

  private final JdbcClient jdbc;
  private final QuietHours byDefault;

  NotificationSettings(
      JdbcClient jdbc,
      @Value("${tandem.notifications.quiet-hours:19:00-08:00}") String quietHours,
      @Value("${tandem.notifications.quiet-weekends:true}") boolean quietWeekends) {
    this.jdbc = jdbc;
    this.byDefault = QuietHours.parse(quietHours, quietWeekends);
  }

  /** The quiet hours of everyone who has not chosen their own. */
  public QuietHours byDefault() {
    return byDefault;
  }

  @Transactional(readOnly = true)
  public Optional<Settings> of(TenantId tenant, long employeeId) {
    Optional<Settings> base =
        jdbc.sql(
                """
                select quiet_from, quiet_until, quiet_weekends, time_zone, digest_day,
                       monthly_report
                from employee where tenant_id = ? and id = ?""")
            .params(tenant.value(), employeeId)
            .query(
                (rs, n) -> {
                  Set<Topic> off = EnumSet.noneOf(Topic.class);
                  if (!rs.getBoolean(6)) {
                    off.add(Topic.MONTHLY_REPORT);
                  }
                  int day = rs.getInt(5);
                  Optional<DayOfWeek> digest =
                      rs.wasNull() ? Optional.empty() : Optional.of(DayOfWeek.of(day));
                  if (digest.isEmpty()) {
                    off.add(Topic.DIGEST);
                  }
                  return new Settings(
                      off,
                      rs.getObject(1) == null
                          ? byDefault
                          : new QuietHours(
                              ((Time) rs.getObject(1)).toLocalTime(),
                              ((Time) rs.getObject(2)).toLocalTime(),
                              rs.getBoolean(3)),
                      ZoneId.of(rs.getString(4)),
                      digest);
                })
            .optional();
    if (base.isEmpty()) {
      return base;
    }
    Set<Topic> off = EnumSet.noneOf(Topic.class);
    off.addAll(base.get().off());
    jdbc.sql("select topic from notification_opt_out where tenant_id = ? and employee_id = ?")
        .params(tenant.value(), employeeId)
        .query(String.class)
        .list()
        .forEach(t -> off.add(Topic.valueOf(t)));
    Settings s = base.get();
    return Optional.of(new Settings(off, s.quiet(), s.zone(), s.digestDay()));
  }

  /**
   * Turns a topic on or off for the person. A topic that cannot be turned off (changes to a
   * session, what an admin must do) is refused; the digest comes on Mondays until {@link
   * #digestDay} says another day.
   */
  @Transactional
  public Outcome<Topic> receive(TenantId tenant, long employeeId, Topic topic, boolean wanted) {
    if (!topic.optional()) {
      return Outcome.refused(ReasonCode.TOPIC_ALWAYS_ON);
    }
    if (topic == Topic.MONTHLY_REPORT && !csrManager(tenant, employeeId).orElse(false)) {
      return Outcome.refused(ReasonCode.CSR_MANAGERS_ONLY);
    }
    if (topic == Topic.MONTHLY_REPORT) {
      jdbc.sql("update employee set monthly_report = ? where tenant_id = ? and id = ?")
          .params(wanted, tenant.value(), employeeId)
          .update();
    } else if (topic == Topic.DIGEST) {
      // Turned on from the list without a day: Monday, which the person can change.
      jdbc.sql(
              """
              update employee set digest_day = case when ? then coalesce(digest_day, 1) end
              where tenant_id = ? and id = ?""")
          .params(wanted, tenant.value(), employeeId)
          .update();
    } else if (wanted) {
      jdbc.sql(
              "delete from notification_opt_out where tenant_id = ? and employee_id = ? and topic = ?")
          .params(tenant.value(), employeeId, topic.name())
          .update();
    } else {
      jdbc.sql(
              """
              insert into notification_opt_out (tenant_id, employee_id, topic) values (?, ?, ?)
              on conflict do nothing""")
          .params(tenant.value(), employeeId, topic.name())
          .update();
    }
    return Outcome.done(topic);
  }

  /**
   * The topics this person may choose about, in the order they are shown: every topic, but the
   * monthly report only for CSR managers (nobody else receives it). Empty for someone unknown.
   */
  @Transactional(readOnly = true)
  public List<Topic> topicsFor(TenantId tenant, long employeeId) {
    Optional<Boolean> csr = csrManager(tenant, employeeId);
    if (csr.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(Topic.values())
        .filter(t -> t != Topic.MONTHLY_REPORT || csr.get())
        .toList();
  }

  private Optional<Boolean> csrManager(TenantId tenant, long employeeId) {
    return jdbc.sql("select is_csr_manager from employee where tenant_id = ? and id = ?")
        .params(tenant.value(), employeeId)
        .query(Boolean.class)
        .optional();
  }

  /**
   * Quiet hours as typed in a form ("19:00", "7:30", "19h", "19h30"): each bound is refused on its
   * own field ({@code from}, {@code until}) when it is not a time of day on a quarter hour. Reads
   * only: {@link #quietHours} keeps them.
   */
  public Outcome<QuietHours> readQuietHours(String from, String until, boolean weekends) {
    Optional<LocalTime> f = time(from);
    if (f.isEmpty()) {
      return Outcome.refusedOn("from", ReasonCode.QUIET_HOURS_INVALID);
    }
    Optional<LocalTime> u = time(until);
    if (u.isEmpty()) {
      return Outcome.refusedOn("until", ReasonCode.QUIET_HOURS_INVALID);
    }
    return Outcome.done(new QuietHours(f.get(), u.get(), weekends));
  }

  private static final java.util.regex.Pattern TIME =
      java.util.regex.Pattern.compile("^(\\d{1,2})(?:[:h.]?(\\d{2}))?h?$");

  /** A time of day on a quarter hour, as people write it; empty when it is not one. */
  static Optional<LocalTime> time(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    java.util.regex.Matcher m =
        TIME.matcher(typed.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", ""));
    if (!m.matches()) {
      return Optional.empty();
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    if (hour > 23 || minute > 59 || minute % 15 != 0) {
      return Optional.empty();
    }
    return Optional.of(LocalTime.of(hour, minute));
  }

  /** The weekly digest on this day of the week, or off when {@code day} is null. */
  @Transactional
  public void digestDay(TenantId tenant, long employeeId, DayOfWeek day) {
    jdbc.sql("update employee set digest_day = ? where tenant_id = ? and id = ?")
        .params(day == null ? null : day.getValue(), tenant.value(), employeeId)
        .update();
  }

  /**
   * The person's quiet hours. Bounds are whole quarter hours; equal bounds mean no quiet time in
   * the day (weekends may still be quiet).
   */
  @Transactional
  public Outcome<QuietHours> quietHours(
      TenantId tenant, long employeeId, LocalTime from, LocalTime until, boolean weekends) {
    if (from == null
        || until == null
        || from.getMinute() % 15 != 0
        || until.getMinute() % 15 != 0
        || from.getSecond() != 0
        || until.getSecond() != 0) {
      return Outcome.refused(ReasonCode.QUIET_HOURS_INVALID);
    }
    jdbc.sql(
            """
            update employee set quiet_from = ?, quiet_until = ?, quiet_weekends = ?
            where tenant_id = ? and id = ?""")
        .params(from, until, weekends, tenant.value(), employeeId)
        .update();
    return Outcome.done(new QuietHours(from, until, weekends));
  }
}
