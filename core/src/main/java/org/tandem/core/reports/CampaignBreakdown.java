package org.tandem.core.reports;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The breakdown by campaign, read from the raw tables: a campaign is a property of a commitment
 * ({@code campaign_commitment}), which the monthly rollups (per person and mission) do not keep.
 * Its groups are the campaigns and {@code *unset} (commitments made from no campaign), so they add
 * up to the company's totals, with the same definitions as the rollups: hours by the month they
 * were worked, commitments by the month they were made in the company's time zone, volunteers from
 * approved hours or a confirmed or completed commitment.
 */
final class CampaignBreakdown {

  private CampaignBreakdown() {}

  /** Minutes and commitments of one group in one month (numbered as {@link Reports#index}). */
  record Row(
      String g,
      int month,
      long approved,
      long pending,
      long workTime,
      int made,
      int completed,
      int cancelled) {}

  private static final String KEY = "coalesce(a.campaign_id::text, '*unset')";

  private static final String ATTRIBUTED =
      """
      left join campaign_commitment a on a.tenant_id = c.tenant_id and a.commitment_id = c.id""";

  /** What made someone a volunteer, or an association helped, per group, in the period. */
  private static final String ACTIVITY =
      """
      with act as (
        select %1$s as g, h.employee_id, m.association_id
        from hour_entry h
        join commitment c on c.tenant_id = h.tenant_id and c.id = h.commitment_id
        join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
        %2$s
        where h.tenant_id = :t and h.status = 'APPROVED' and h.work_date >= :from
          and h.work_date < :to
        union all
        select %1$s, c.employee_id, null
        from commitment c
        join tenant tn on tn.id = c.tenant_id
        %2$s
        where c.tenant_id = :t and c.status in ('CONFIRMED', 'COMPLETED')
          and (c.created_at at time zone tn.time_zone) >= :from
          and (c.created_at at time zone tn.time_zone) < :to
      )"""
          .formatted(KEY, ATTRIBUTED);

  static List<Row> rows(JdbcClient jdbc, long tenant, Period period) {
    return jdbc.sql(
            """
            with hm as (
              select %1$s as g, report_month_index(h.work_date) as mo,
                     coalesce(sum(h.minutes) filter (where h.status = 'APPROVED'), 0) as ap,
                     coalesce(sum(h.minutes) filter (where h.status = 'PENDING'), 0) as pe,
                     coalesce(sum(h.minutes) filter (where h.status = 'APPROVED'
                                                     and h.on_work_time), 0) as wt
              from hour_entry h
              join commitment c on c.tenant_id = h.tenant_id and c.id = h.commitment_id
              %2$s
              where h.tenant_id = :t and h.status <> 'REJECTED' and h.work_date >= :from
                and h.work_date < :to
              group by 1, 2
            ), cm as (
              select %1$s as g,
                     report_month_index((c.created_at at time zone tn.time_zone)::date) as mo,
                     count(*) as made,
                     count(*) filter (where c.status = 'COMPLETED') as completed,
                     count(*) filter (where c.status = 'CANCELLED') as cancelled
              from commitment c
              join tenant tn on tn.id = c.tenant_id
              %2$s
              where c.tenant_id = :t and (c.created_at at time zone tn.time_zone) >= :from
                and (c.created_at at time zone tn.time_zone) < :to
              group by 1, 2
            )
            select coalesce(hm.g, cm.g), coalesce(hm.mo, cm.mo), coalesce(hm.ap, 0),
                   coalesce(hm.pe, 0), coalesce(hm.wt, 0), coalesce(cm.made, 0),
                   coalesce(cm.completed, 0), coalesce(cm.cancelled, 0)
            from hm full join cm on cm.g = hm.g and cm.mo = hm.mo"""
                .formatted(KEY, ATTRIBUTED))
        .param("t", tenant)
        .param("from", Date.valueOf(period.firstDay()))
        .param("to", Date.valueOf(period.endExclusive()))
        .query(
            (rs, n) ->
                new Row(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getInt(8)))
        .list();
  }

  /** Confirmed commitments made in the period without hours, their mission over, per group. */
  static Map<String, Integer> noShows(
      JdbcClient jdbc, long tenant, Period period, LocalDate today) {
    Map<String, Integer> byGroup = new HashMap<>();
    jdbc.sql(
            """
            select coalesce(a.campaign_id::text, '*unset'), count(*) from report_idle r
            join mission m on m.tenant_id = r.tenant_id and m.id = r.mission_id
            left join campaign_commitment a
              on a.tenant_id = r.tenant_id and a.commitment_id = r.commitment_id
            where r.tenant_id = ? and r.month >= ? and r.month <= ?
              and coalesce(m.last_date, m.first_date) < ?
            group by 1""")
        .params(
            tenant,
            Reports.index(period.first()),
            Reports.index(period.last()),
            Date.valueOf(today))
        .query(
            rs -> {
              byGroup.put(rs.getString(1), rs.getInt(2));
            });
    return byGroup;
  }

  /** Volunteers ("E") and associations helped ("A") per group: kind -> group -> count. */
  static Map<String, Map<String, Integer>> counts(JdbcClient jdbc, long tenant, Period period) {
    Map<String, Map<String, Integer>> byKind = new HashMap<>();
    jdbc.sql(
            ACTIVITY
                + """
                select g, 'E', count(distinct employee_id) from act group by g
                union all
                select g, 'A', count(distinct association_id) from act
                where association_id is not null group by g""")
        .param("t", tenant)
        .param("from", Date.valueOf(period.firstDay()))
        .param("to", Date.valueOf(period.endExclusive()))
        .query(
            rs -> {
              byKind
                  .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                  .put(rs.getString(1), rs.getInt(3));
            });
    return byKind;
  }

  /** The people ("E") or associations ("A") of some groups in the period, group by group. */
  static Map<String, Set<Long>> members(
      JdbcClient jdbc, long tenant, Period period, String kind, List<String> keys) {
    Map<String, Set<Long>> byGroup = new HashMap<>();
    if (keys.isEmpty()) {
      return byGroup;
    }
    jdbc.sql(
            ACTIVITY
                + """
                select distinct g, case when :kind = 'E' then employee_id else association_id end
                from act where g = any(:keys)
                  and (:kind = 'E' or association_id is not null)""")
        .param("t", tenant)
        .param("from", Date.valueOf(period.firstDay()))
        .param("to", Date.valueOf(period.endExclusive()))
        .param("kind", kind)
        .param("keys", keys.toArray(String[]::new))
        .query(
            rs -> {
              byGroup.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));
            });
    return byGroup;
  }

  /** The campaigns' names, as typed. */
  static Map<String, String> labels(JdbcClient jdbc, long tenant, Set<String> keys) {
    List<Long> ids = new ArrayList<>();
    for (String k : keys) {
      if (k.chars().allMatch(Character::isDigit)) {
        ids.add(Long.parseLong(k));
      }
    }
    Map<String, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    jdbc.sql("select id::text, name from campaign where tenant_id = ? and id = any(?)")
        .params(tenant, ids.stream().mapToLong(Long::longValue).toArray())
        .query(
            rs -> {
              names.put(rs.getString(1), rs.getString(2));
            });
    return names;
  }
}
