package org.tandem.bot.channels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox table: deliveries stored before they are acknowledged, de-duplicated by a unique key,
 * claimed with {@code skip locked} under a lease so that instances share them and a dead instance's
 * rows are taken over once its lease has passed.
 */
@Component
public class Inbox {

  private static final String COLUMNS =
      "id, channel, dedupe_key, kind, team, payload, answer, progress, status, attempts,"
          + " received_at, apology";

  private final JdbcClient jdbc;

  Inbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a delivery, claimed by the caller for {@code lease}; empty when the key is known (a
   * retry or a replay: nothing to do). Joins the caller's transaction when there is one.
   */
  public Optional<InboxItem> accept(
      String channel, String key, String kind, String team, String payload, Duration lease) {
    return jdbc.sql(
            "insert into inbox (channel, dedupe_key, kind, team, payload, attempts, next_attempt_at)"
                + " values (?, ?, ?, ?, ?, 1, now() + make_interval(secs => ?))"
                + " on conflict (channel, dedupe_key) do nothing returning "
                + COLUMNS)
        .params(channel, key, kind, team, payload, seconds(lease))
        .query(Inbox::item)
        .optional();
  }

  /** Claims due rows of these channels (new ones, or those whose worker's lease has passed). */
  public List<InboxItem> claimDue(List<String> channels, int limit, Duration lease) {
    return jdbc.sql(
            "update inbox set attempts = attempts + 1,"
                + " next_attempt_at = now() + make_interval(secs => ?)"
                + " where id in (select id from inbox where status in ('NEW', 'ANSWERED')"
                + " and next_attempt_at <= now() and channel = any(?)"
                + " order by next_attempt_at limit ? for update skip locked) returning "
                + COLUMNS)
        .params(seconds(lease), channels.toArray(String[]::new), limit)
        .query(Inbox::item)
        .list();
  }

  /** Claims one row again for its next attempt, if nobody took it over meanwhile. */
  public Optional<InboxItem> reclaim(InboxItem item, Duration lease) {
    return jdbc.sql(
            "update inbox set attempts = attempts + 1,"
                + " next_attempt_at = now() + make_interval(secs => ?)"
                + " where id = ? and attempts = ? and status in ('NEW', 'ANSWERED') returning "
                + COLUMNS)
        .params(seconds(lease), item.id(), item.attempts())
        .query(Inbox::item)
        .optional();
  }

  /**
   * Inside the transaction of the work: locks the row, true while this claim still holds it (the
   * same status and attempt number), so work done twice by two workers cannot both commit.
   */
  public boolean holds(InboxItem item) {
    return jdbc.sql("select id from inbox where id = ? and attempts = ? and status = ? for update")
        .params(item.id(), item.attempts(), item.status())
        .query(Long.class)
        .optional()
        .isPresent();
  }

  /** The engine's answer, stored in the transaction of its work: to be delivered. */
  public void answered(InboxItem item, String answer, Long tenantId, Long employeeId) {
    jdbc.sql(
            "update inbox set status = 'ANSWERED', answer = ?, tenant_id = ?, employee_id = ?,"
                + " last_error = null where id = ?")
        .params(answer, tenantId, employeeId, item.id())
        .update();
  }

  /** What of the answer already went out (the message, before its files). */
  public void progress(InboxItem item, String progress) {
    jdbc.sql("update inbox set progress = ? where id = ?").params(progress, item.id()).update();
  }

  public void done(InboxItem item) {
    jdbc.sql(
            "update inbox set status = 'DONE', done_at = now(), answer = null, payload = '',"
                + " last_error = null where id = ?")
        .params(item.id())
        .update();
  }

  /** Tried again after {@code delay}; this instance keeps it for {@code lease} more. */
  public void retry(InboxItem item, String error, Duration delay, Duration lease) {
    jdbc.sql(
            "update inbox set last_error = ?,"
                + " next_attempt_at = now() + make_interval(secs => ?) where id = ?")
        .params(error, seconds(delay) + seconds(lease), item.id())
        .update();
  }

  public void failed(InboxItem item, String error) {
    jdbc.sql("update inbox set status = 'FAILED', done_at = now(), last_error = ? where id = ?")
        .params(error, item.id())
        .update();
  }

  /**
   * Every attempt to deliver the answer failed: the row now carries {@code apology} (a message
   * telling the person to ask again) in its place, first tried after {@code delay}, with a fresh
   * count of attempts. Returns the row as the next attempt must claim it.
   */
  public InboxItem apologise(
      InboxItem item, String apology, String error, Duration delay, Duration lease) {
    jdbc.sql(
            "update inbox set status = 'ANSWERED', answer = ?, progress = null, apology = true,"
                + " attempts = 0, last_error = ?, next_attempt_at = now() + make_interval(secs => ?)"
                + " where id = ?")
        .params(apology, error, seconds(delay) + seconds(lease), item.id())
        .update();
    return new InboxItem(
        item.id(),
        item.channel(),
        item.key(),
        item.kind(),
        item.team(),
        item.payload(),
        apology,
        null,
        "ANSWERED",
        0,
        item.receivedAt(),
        true);
  }

  /** Finished rows older than a week: their keys outlived every platform's retries. */
  public int purge() {
    return jdbc.sql(
            "delete from inbox where status in ('DONE', 'FAILED')"
                + " and received_at < now() - interval '7 days'")
        .update();
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static InboxItem item(ResultSet rs, int n) throws SQLException {
    return new InboxItem(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getInt(10),
        rs.getTimestamp(11).toInstant(),
        rs.getBoolean(12));
  }
}
