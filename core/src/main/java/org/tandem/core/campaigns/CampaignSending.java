package org.tandem.core.campaigns;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Topic;
import org.tandem.core.tenants.TenantId;

/**
 * A campaign goes out once: each person of its audience gets one CAMPAIGN message in the outbox
 * (the key names campaign and person, so a second run writes nothing more), from 08:00 on its day
 * in their own time zone; the outbox drops it for someone who turned campaigns off and holds it
 * through their quiet hours. A channel campaign is posted once in its channel instead.
 */
@Service
public class CampaignSending {

  /** The hour of its day from which a dated campaign reaches each person, in their zone. */
  public static final int HOUR = 8;

  /** The zones where a day begins first and ends last. */
  private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);

  private static final ZoneOffset LATEST = ZoneOffset.ofHours(-12);

  /** A channel post is tried this many times (once per lease), then left as it is. */
  static final int MAX_ATTEMPTS = 5;

  private final JdbcClient jdbc;

  CampaignSending(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A campaign without a date, out at once to its whole audience (in the launch's transaction). */
  void release(TenantId tenant, long id, Instant now) {
    jdbc.sql(
            """
            update campaign set status = 'SENT', sent_at = ?
            where tenant_id = ? and id = ? and status = 'SCHEDULED'""")
        .params(Timestamp.from(now), tenant.value(), id)
        .update();
    enqueue(tenant, id, now);
  }

  /**
   * Dated campaigns whose day has begun somewhere: everyone of their audience for whom it is now
   * 08:00 or later on that day gets theirs; the campaign can no longer change, and counts as sent
   * once its day's 08:00 has come everywhere. Returns how many messages were written.
   */
  @Transactional
  public int releaseDue(Instant now) {
    LocalDate begun = LocalDate.ofInstant(now, EARLIEST);
    List<Object[]> due =
        jdbc.sql(
                """
                select tenant_id, id, send_on from campaign
                where status in ('SCHEDULED', 'SENDING') and audience <> 'CHANNEL'
                  and send_on <= ?""")
            .params(Date.valueOf(begun))
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDate(3)})
            .list();
    int written = 0;
    for (Object[] c : due) {
      TenantId tenant = new TenantId((Long) c[0]);
      long id = (Long) c[1];
      LocalDate on = ((Date) c[2]).toLocalDate();
      jdbc.sql(
              """
              update campaign set status = 'SENDING', sent_at = ?
              where tenant_id = ? and id = ? and status = 'SCHEDULED'""")
          .params(Timestamp.from(now), tenant.value(), id)
          .update();
      written += enqueue(tenant, id, now);
      if (!now.isBefore(on.atTime(HOUR, 0).atOffset(LATEST).toInstant())) {
        jdbc.sql("update campaign set status = 'SENT' where tenant_id = ? and id = ?")
            .params(tenant.value(), id)
            .update();
      }
    }
    return written;
  }

  /** One message per person of the audience whose 08:00 of the campaign's day has come. */
  private int enqueue(TenantId tenant, long id, Instant now) {
    Topic.of(Notification.CAMPAIGN);
    return jdbc.sql(
            """
            insert into notification (tenant_id, employee_id, kind, dedupe_key, payload)
            select e.tenant_id, e.id, 'CAMPAIGN',
                   'campaign:' || e.tenant_id || ':' || c.id || ':' || e.id, c.id::text
            from campaign c
            join employee e on e.tenant_id = c.tenant_id
            where c.tenant_id = ? and c.id = ?
              and e.is_employee and e.deactivated_at is null and e.erased_at is null
              and (c.audience = 'EVERYONE'
                   or (c.audience = 'SITE' and e.site = c.audience_value)
                   or (c.audience = 'DEPARTMENT' and e.department = c.audience_value)
                   or (c.audience = 'DIGEST' and e.digest_day is not null))
              and (c.send_on is null
                   or ? >= (c.send_on + make_time(?, 0, 0)) at time zone e.time_zone)
            on conflict (dedupe_key) do nothing""")
        .params(tenant.value(), id, Timestamp.from(now), HOUR)
        .update();
  }

  /** A channel campaign to post now; {@code retry}: an earlier claim may have posted it. */
  public record ChannelPost(TenantId tenant, long campaignId, String channel, boolean retry) {}

  /**
   * Channel campaigns due (at once, or from 08:00 on their day in the company's time zone), and
   * those whose post was claimed longer than {@code lease} ago without an outcome (the instance
   * died, or the channel failed; at most {@link #MAX_ATTEMPTS} times): each is claimed for {@code
   * lease}, so another instance does not post it meanwhile.
   */
  @Transactional
  public List<ChannelPost> claimChannels(Instant now, Duration lease) {
    return jdbc.sql(
            """
            update campaign c set status = 'SENDING', sent_at = :now,
                                  channel_attempts = c.channel_attempts + 1
            from tenant t
            where t.id = c.tenant_id and t.uninstalled_at is null and c.audience = 'CHANNEL'
              and ((c.status = 'SCHEDULED'
                    and (c.send_on is null
                         or :now >= (c.send_on + make_time(:hour, 0, 0)) at time zone t.time_zone))
                   or (c.status = 'SENDING' and c.channel_result is null
                       and c.sent_at < :stale and c.channel_attempts < :attempts))
            returning c.tenant_id, c.id, c.audience_value, c.channel_attempts > 1""")
        .param("now", Timestamp.from(now))
        .param("hour", HOUR)
        .param("attempts", MAX_ATTEMPTS)
        .param("stale", Timestamp.from(now.minus(lease)))
        .query(
            (rs, n) ->
                new ChannelPost(
                    new TenantId(rs.getLong(1)), rs.getLong(2), rs.getString(3), rs.getBoolean(4)))
        .list();
  }

  /** The post's outcome: {@link Campaign#POSTED} or {@link Campaign#UNREACHABLE}. */
  @Transactional
  public void posted(TenantId tenant, long campaignId, String result) {
    jdbc.sql(
            """
            update campaign set status = 'SENT', channel_result = ?
            where tenant_id = ? and id = ?""")
        .params(result, tenant.value(), campaignId)
        .update();
  }
}
