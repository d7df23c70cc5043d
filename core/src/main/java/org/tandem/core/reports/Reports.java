package org.tandem.core.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.people.Authority;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Participation reports for CSR managers and admins. Hours come from the monthly rollup {@code
 * hour_month} (kept exact by a trigger); commitments from the commitments made in the period. The
 * database aggregates per group and person; this class merges the groups under {@link
 * #MIN_GROUP_SIZE} people into "other" and adds up the figures. Every request is audited.
 */
@Service
public class Reports {

  /** No breakdown group shows fewer people than this; smaller ones are merged into "other". */
  public static final int MIN_GROUP_SIZE = 5;

  private final JdbcClient jdbc;
  private final Tenants tenants;
  private final Authority authority;

  Reports(JdbcClient jdbc, Tenants tenants, Authority authority) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.authority = authority;
  }

  /**
   * The report for a CSR manager or admin of the tenant; anyone else is refused and sees no figure.
   * {@code channel} says where it was asked (slack, teams, web, monthly) for the audit log.
   */
  @Transactional
  public Outcome<Report> report(
      TenantId tenant, long requesterId, Period period, Dimension dimension, String channel) {
    java.util.Optional<org.tandem.core.common.Refusal> no =
        authority.refusal(tenant, requesterId, Authority.Action.SEE_REPORTS);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    jdbc.sql(
            """
            insert into report_audit (tenant_id, employee_id, kind, period, dimension, channel)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            tenant.value(),
            requesterId,
            "monthly".equals(channel) ? "MONTHLY" : "REPORT",
            period.toString(),
            dimension.name(),
            channel)
        .update();
    return Outcome.done(compute(tenant, period, dimension));
  }

  /** Whether the person may see reports: a CSR manager or an admin of the tenant. */
  @Transactional(readOnly = true)
  public boolean mayReport(TenantId tenant, long employeeId) {
    return authority.refusal(tenant, employeeId, Authority.Action.SEE_REPORTS).isEmpty();
  }

  /** The report itself, without the check and the audit (for tests and benchmarks). */
  @Transactional(readOnly = true)
  public Report compute(TenantId tenant, Period period, Dimension dimension) {
    // JIT compilation costs PostgreSQL 10-20 ms per query here, more than these queries take.
    jdbc.sql("set local jit = off").update();
    // Hash aggregates of a five-year breakdown by mission need more than the default 4 MB.
    jdbc.sql("set local work_mem = '32MB'").update();
    // Plans for these bounds, not generic ones: a five-year range is the whole rollup, a month a
    // sliver, and planning takes well under a millisecond.
    jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    Tenant t = tenants.find(tenant).orElseThrow();
    LocalDate today = LocalDate.now(ZoneId.of(t.timeZone()));
    Map<String, Integer> employeesByGroup = headcount(tenant, dimension);
    int reached = employeesByGroup.values().stream().mapToInt(Integer::intValue).sum();
    Breakdown current = breakdown(tenant, today, period, dimension);
    Totals totals = totals(tenant, today, period, current);
    Totals before = totals(tenant, today, period.previous(), null);
    List<Group> groups = groups(tenant, period, dimension, current, employeesByGroup);
    Valuation valuation =
        CountryRates.value(
            jdbc, tenant, t, tenants.overrides(tenant), period, current.minutesByMonth());
    return new Report(
        t.name(),
        period,
        dimension,
        totals.figures(reached),
        before.figures(reached),
        groups,
        valuation,
        allowanceMinutes(tenant, t, totals.volunteersByCountry, period));
  }

  /**
   * The volunteers' yearly allowances on work time, prorated to the months of the period: each
   * volunteer's country's allowance, or the company's.
   */
  private long allowanceMinutes(
      TenantId tenant, Tenant t, Map<String, Integer> volunteersByCountry, Period period) {
    if (volunteersByCountry.isEmpty()) {
      return 0;
    }
    Map<String, BigDecimal> overrides = new HashMap<>();
    jdbc.sql(
            """
            select country, yearly_allowance_hours from tenant_country_policy
            where tenant_id = ? and yearly_allowance_hours is not null""")
        .params(tenant.value())
        .query(
            rs -> {
              overrides.put(rs.getString(1), rs.getBigDecimal(2));
            });
    BigDecimal hours = BigDecimal.ZERO;
    for (var e : volunteersByCountry.entrySet()) {
      hours =
          hours.add(
              overrides
                  .getOrDefault(e.getKey(), t.policy().yearlyAllowanceHours())
                  .multiply(BigDecimal.valueOf(e.getValue())));
    }
    return hours
        .multiply(BigDecimal.valueOf(60L * period.months()))
        .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP)
        .longValue();
  }

  /** Employees per site or department (per site for the other dimensions: only the sum counts). */
  private Map<String, Integer> headcount(TenantId tenant, Dimension dimension) {
    Map<String, Integer> byGroup = new HashMap<>();
    jdbc.sql(
            "select %s, sum(employees) from report_headcount where tenant_id = ? group by 1"
                .formatted(dimension == Dimension.DEPARTMENT ? "department" : "site"))
        .params(tenant.value())
        .query(
            rs -> {
              byGroup.put(rs.getString(1), rs.getInt(2));
            });
    return byGroup;
  }

  // ---------------------------------------------------------------------------------------------

  /** Months numbered as in report_span: year * 12 + month - 1. */
  static int index(YearMonth month) {
    return month.getYear() * 12 + month.getMonthValue() - 1;
  }

  static YearMonth month(int index) {
    return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
  }

  /** The company's figures for a period (from the groups when they are at hand). */
  private static final class Totals {
    int volunteers;
    int associations;
    final Map<String, Integer> volunteersByCountry = new HashMap<>();
    long approved;
    long pending;
    long workTime;
    int made;
    int completed;
    int cancelled;
    int noShows;

    Figures figures(int reached) {
      return new Figures(
          volunteers,
          reached,
          made,
          completed,
          cancelled,
          noShows,
          approved,
          pending,
          workTime,
          associations);
    }
  }

  private Totals totals(TenantId tenant, LocalDate today, Period period, Breakdown groups) {
    Totals totals = new Totals();
    long t = tenant.value();
    // People who volunteered (per country, for the allowance) and associations helped.
    spans(
        tenant,
        "ALL",
        period,
        (g, kind, n) -> {
          if ("E".equals(kind)) {
            totals.volunteers += n;
            if (n > 0) {
              totals.volunteersByCountry.merge(g, n, Integer::sum);
            }
          } else {
            totals.associations += n;
          }
        });
    if (groups != null) {
      for (Acc a : groups.byGroup.values()) {
        totals.approved += a.approved;
        totals.pending += a.pending;
        totals.workTime += a.workTime;
        totals.made += a.made;
        totals.completed += a.completed;
        totals.cancelled += a.cancelled;
        totals.noShows += a.noShows;
      }
      return totals;
    }
    int first = index(period.first());
    int last = index(period.last());
    jdbc.sql(
            """
            select coalesce(sum(approved_min), 0), coalesce(sum(pending_min), 0),
                   coalesce(sum(work_time_min), 0), coalesce(sum(made), 0),
                   coalesce(sum(completed), 0), coalesce(sum(cancelled), 0),
                   (select count(*) from report_idle r
                    join mission m on m.tenant_id = r.tenant_id and m.id = r.mission_id
                    where r.tenant_id = ? and r.month >= ? and r.month <= ?
                      and coalesce(m.last_date, m.first_date) < ?)
            from report_people_month where tenant_id = ? and month >= ? and month <= ?""")
        .params(t, first, last, Date.valueOf(today), t, first, last)
        .query(
            rs -> {
              totals.approved = rs.getLong(1);
              totals.pending = rs.getLong(2);
              totals.workTime = rs.getLong(3);
              totals.made = rs.getInt(4);
              totals.completed = rs.getInt(5);
              totals.cancelled = rs.getInt(6);
              totals.noShows = rs.getInt(7);
            });
    jdbc.sql(declaredNoShows("1", ""))
        .params(
            t,
            Date.valueOf(period.firstDay()),
            Date.valueOf(period.endExclusive()),
            Date.valueOf(today))
        .query(
            rs -> {
              totals.noShows += rs.getInt(2);
            });
    return totals;
  }

  /**
   * Sessions a volunteer said they did not go to ("I did not go" to the hours proposed after it),
   * in the period by the session's day, per group of {@code key} (the no-show candidates' key, on a
   * row {@code r} with the same columns). A commitment already counted whole as a no-show (its
   * mission over, no hour logged) is not counted again per session.
   */
  private static String declaredNoShows(String key, String joins) {
    return """
        select %s as g, count(*) from (
            select p.tenant_id, p.mission_id, report_month_index(p.work_date) as month,
                   coalesce(e.site, '*unset') as site, coalesce(e.department, '*unset') as department
            from hours_proposal p
            join employee e on e.tenant_id = p.tenant_id and e.id = p.employee_id
            where p.tenant_id = ? and p.state = 'NO_SHOW' and p.work_date >= ? and p.work_date < ?
              and not exists (select 1 from report_idle i
                              join mission im on im.tenant_id = i.tenant_id and im.id = i.mission_id
                              where i.tenant_id = p.tenant_id and i.commitment_id = p.commitment_id
                                and coalesce(im.last_date, im.first_date) < ?)) r
        join mission m on m.tenant_id = r.tenant_id and m.id = r.mission_id
        %s
        group by 1"""
        .formatted(key, joins);
  }

  /** What the database returns for a period, gathered per group before the small-group rule. */
  private static final class Breakdown {
    final int first;
    final int months;
    final Map<String, Acc> byGroup = new LinkedHashMap<>();
    final long[] minutes;

    Breakdown(int first, int months) {
      this.first = first;
      this.months = months;
      this.minutes = new long[months];
    }

    Acc acc(String key) {
      return byGroup.computeIfAbsent(key, k -> new Acc(first, months));
    }

    Map<YearMonth, Long> minutesByMonth() {
      return byMonth(first, minutes);
    }
  }

  /** The months with approved minutes, from minutes per month of the period. */
  static Map<YearMonth, Long> byMonth(int first, long[] minutes) {
    Map<YearMonth, Long> byMonth = new HashMap<>();
    for (int i = 0; i < minutes.length; i++) {
      if (minutes[i] > 0) {
        byMonth.put(month(first + i), minutes[i]);
      }
    }
    return byMonth;
  }

  /** A group's figures while they are being added up. */
  private static final class Acc {
    String label;
    int volunteers;
    int associations;
    final int first;
    final long[] minutes; // approved, per month of the period
    long approved;
    long pending;
    long workTime;
    int made;
    int completed;
    int cancelled;
    int noShows;

    Acc(int first, int months) {
      this.first = first;
      this.minutes = new long[months];
    }

    void add(Acc o) {
      for (int i = 0; i < minutes.length; i++) {
        minutes[i] += o.minutes[i];
      }
      approved += o.approved;
      pending += o.pending;
      workTime += o.workTime;
      made += o.made;
      completed += o.completed;
      cancelled += o.cancelled;
      noShows += o.noShows;
    }

    Group toGroup(String key, Integer employeesReached) {
      return new Group(
          key,
          Group.OTHER.equals(key) ? null : label,
          new Figures(
              volunteers,
              employeesReached,
              made,
              completed,
              cancelled,
              noShows,
              approved,
              pending,
              workTime,
              associations),
          byMonth(first, minutes));
    }
  }

  /**
   * The groups as shown: small ones merged into "other" until every group shown is large enough.
   * Only the people (and associations) of the merged groups are read one by one, to count each once
   * in "other".
   */
  private List<Group> groups(
      TenantId tenant,
      Period period,
      Dimension dimension,
      Breakdown b,
      Map<String, Integer> employeesByGroup) {
    List<Map.Entry<String, Acc>> ordered = new ArrayList<>(b.byGroup.entrySet());
    Comparator<Map.Entry<String, Acc>> bySize =
        Comparator.comparingInt((Map.Entry<String, Acc> e) -> e.getValue().volunteers)
            .thenComparingLong(e -> e.getValue().approved)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
    ordered.sort(bySize);
    List<String> small = new ArrayList<>();
    for (Map.Entry<String, Acc> e : ordered) {
      if (e.getValue().volunteers >= MIN_GROUP_SIZE) {
        break;
      }
      if (e.getValue().volunteers > 0) {
        small.add(e.getKey());
      }
    }
    Map<String, Set<Long>> people = members(tenant, period, dimension, "E", small);
    // Merge the smallest groups into "other" while any shown group, "other" included, has
    // between 1 and MIN_GROUP_SIZE - 1 people (a group of nobody, only pending hours, names
    // nobody).
    Acc other = new Acc(b.first, b.months);
    Set<Long> otherPeople = new HashSet<>();
    List<String> mergedKeys = new ArrayList<>();
    int merged = 0;
    while (merged < ordered.size()) {
      Map.Entry<String, Acc> next = ordered.get(merged);
      boolean smallGroup = next.getValue().volunteers < MIN_GROUP_SIZE;
      boolean smallOther = !otherPeople.isEmpty() && otherPeople.size() < MIN_GROUP_SIZE;
      if (!smallGroup && !smallOther) {
        break;
      }
      if (next.getValue().volunteers > 0 && !people.containsKey(next.getKey())) {
        people.putAll(members(tenant, period, dimension, "E", List.of(next.getKey())));
      }
      otherPeople.addAll(people.getOrDefault(next.getKey(), Set.of()));
      other.add(next.getValue());
      mergedKeys.add(next.getKey());
      merged++;
    }
    List<Group> shown = new ArrayList<>();
    for (int i = ordered.size() - 1; i >= merged; i--) {
      Map.Entry<String, Acc> e = ordered.get(i);
      shown.add(
          e.getValue()
              .toGroup(
                  e.getKey(),
                  dimension.ofPeople() ? employeesByGroup.getOrDefault(e.getKey(), 0) : null));
    }
    if (dimension == Dimension.MONTH) {
      shown.sort(Comparator.comparing(Group::key));
    }
    if (merged > 0) {
      other.volunteers = otherPeople.size();
      List<String> helping = new ArrayList<>();
      for (String key : mergedKeys) {
        if (b.byGroup.get(key).associations > 0) {
          helping.add(key);
        }
      }
      Set<Long> associations = new HashSet<>();
      members(tenant, period, dimension, "A", helping).values().forEach(associations::addAll);
      other.associations = associations.size();
      Integer reached = null;
      if (dimension.ofPeople()) {
        int sum = 0;
        for (String key : mergedKeys) {
          sum += employeesByGroup.getOrDefault(key, 0);
        }
        reached = sum;
      }
      shown.add(other.toGroup(Group.OTHER, reached));
    }
    return shown;
  }

  /** The people ("E") or associations ("A") of some groups in the period, group by group. */
  private Map<String, Set<Long>> members(
      TenantId tenant, Period period, Dimension dimension, String kind, List<String> keys) {
    Map<String, Set<Long>> byGroup = new HashMap<>();
    if (keys.isEmpty()) {
      return byGroup;
    }
    if (dimension == Dimension.CAMPAIGN) {
      return CampaignBreakdown.members(jdbc, tenant.value(), period, kind, keys);
    }
    if (dimension == Dimension.MONTH) {
      int[] months = keys.stream().mapToInt(k -> index(YearMonth.parse(k))).toArray();
      jdbc.sql(
              """
              select m, member_id from report_span s cross join unnest(?::int[]) m
              where s.tenant_id = ? and s.dim = 'ALL' and s.kind = ? and s.w = 1
                and s.lo <= m and s.hi >= m""")
          .params(months, tenant.value(), kind)
          .query(
              rs -> {
                byGroup
                    .computeIfAbsent(month(rs.getInt(1)).toString(), k -> new HashSet<>())
                    .add(rs.getLong(2));
              });
      return byGroup;
    }
    jdbc.sql(
            """
            select g, member_id from report_span
            where tenant_id = ? and dim = ? and kind = ? and w = 1 and hi >= ? and lo <= ?
              and g = any(?)""")
        .params(
            tenant.value(),
            dimension.name(),
            kind,
            index(period.first()),
            index(period.last()),
            keys.toArray(String[]::new))
        .query(
            rs -> {
              byGroup.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));
            });
    return byGroup;
  }

  private Breakdown breakdown(
      TenantId tenant, LocalDate today, Period period, Dimension dimension) {
    int first = index(period.first());
    int last = index(period.last());
    Breakdown b = new Breakdown(first, period.months());
    long t = tenant.value();
    if (dimension == Dimension.CAMPAIGN) {
      return byCampaign(t, today, period, b);
    }
    Keys keys = Keys.of(dimension);

    // Minutes and commitments made, per group and month, from the monthly rollups.
    jdbc.sql(
            (keys.grouped
                    ? """
                      select %s as g, r.month, sum(r.approved_min), sum(r.pending_min),
                             sum(r.work_time_min), sum(r.made), sum(r.completed), sum(r.cancelled)
                      from %s
                      where r.tenant_id = ? and r.month >= ? and r.month <= ? %s
                      group by 1, 2"""
                    : """
                      select %s as g, r.month, r.approved_min, r.pending_min, r.work_time_min,
                             r.made, r.completed, r.cancelled
                      from %s
                      where r.tenant_id = ? and r.month >= ? and r.month <= ? %s""")
                .formatted(keys.key, keys.rollup, keys.filter))
        .params(t, first, last)
        .query(
            rs -> {
              Acc acc = b.acc(keys.group(rs));
              long approved = rs.getLong(3);
              acc.approved += approved;
              acc.pending += rs.getLong(4);
              acc.workTime += rs.getLong(5);
              acc.made += rs.getInt(6);
              acc.completed += rs.getInt(7);
              acc.cancelled += rs.getInt(8);
              int i = rs.getInt(2) - first;
              acc.minutes[i] += approved;
              b.minutes[i] += approved;
            });
    if (keys.labels != null && !b.byGroup.isEmpty()) {
      jdbc.sql(keys.labels)
          .params(t, b.byGroup.keySet().stream().mapToLong(Long::parseLong).toArray())
          .query(
              rs -> {
                b.byGroup.get(rs.getString(1)).label = rs.getString(2);
              });
    }

    // No-shows: confirmed commitments made in the period, mission over, no hour logged.
    jdbc.sql(
            """
            select %s as g, count(*) from report_idle r
            join mission m on m.tenant_id = r.tenant_id and m.id = r.mission_id
            %s
            where r.tenant_id = ? and r.month >= ? and r.month <= ?
              and coalesce(m.last_date, m.first_date) < ?
            group by 1"""
                .formatted(keys.idleKey, keys.idleJoins))
        .params(t, first, last, Date.valueOf(today))
        .query(
            rs -> {
              b.acc(keys.group(rs)).noShows += rs.getInt(2);
            });
    // And sessions a volunteer said they did not go to (see declaredNoShows).
    jdbc.sql(declaredNoShows(keys.idleKey, keys.idleJoins))
        .params(
            t,
            Date.valueOf(period.firstDay()),
            Date.valueOf(period.endExclusive()),
            Date.valueOf(today))
        .query(
            rs -> {
              b.acc(keys.group(rs)).noShows += rs.getInt(2);
            });

    // Volunteers and associations helped per group: sums over runs and gaps (see V9); a month's
    // are the runs that contain it.
    if (dimension == Dimension.MONTH) {
      long[][] delta = new long[2][b.months + 1];
      jdbc.sql(
              """
              select kind, greatest(lo, ?) - ?, sum(n) from report_span_count
              where tenant_id = ? and dim = 'ALL' and lo <= hi and hi >= ? and lo <= ?
              group by 1, 2
              union all
              select kind, least(hi, ?) + 1 - ?, -sum(n) from report_span_count
              where tenant_id = ? and dim = 'ALL' and lo <= hi and hi >= ? and lo <= ?
              group by 1, 2""")
          .params(first, first, t, first, last, last, first, t, first, last)
          .query(
              rs -> {
                delta["E".equals(rs.getString(1)) ? 0 : 1][rs.getInt(2)] += rs.getLong(3);
              });
      long people = 0;
      long associations = 0;
      for (int i = 0; i < b.months; i++) {
        people += delta[0][i];
        associations += delta[1][i];
        if (people > 0 || associations > 0) {
          Acc acc = b.acc(month(first + i).toString());
          acc.volunteers = (int) people;
          acc.associations = (int) associations;
        }
      }
    } else {
      spans(
          tenant,
          dimension.name(),
          period,
          (g, kind, n) -> {
            if (n > 0) {
              Acc acc = b.acc(g);
              if ("E".equals(kind)) {
                acc.volunteers = n;
              } else {
                acc.associations = n;
              }
            }
          });
    }
    return b;
  }

  /** The breakdown by campaign, from the raw tables (see {@link CampaignBreakdown}). */
  private Breakdown byCampaign(long t, LocalDate today, Period period, Breakdown b) {
    for (CampaignBreakdown.Row r : CampaignBreakdown.rows(jdbc, t, period)) {
      Acc acc = b.acc(r.g());
      acc.approved += r.approved();
      acc.pending += r.pending();
      acc.workTime += r.workTime();
      acc.made += r.made();
      acc.completed += r.completed();
      acc.cancelled += r.cancelled();
      int i = r.month() - b.first;
      acc.minutes[i] += r.approved();
      b.minutes[i] += r.approved();
    }
    CampaignBreakdown.noShows(jdbc, t, period, today).forEach((g, n) -> b.acc(g).noShows += n);
    var counts = CampaignBreakdown.counts(jdbc, t, period);
    counts.getOrDefault("E", Map.of()).forEach((g, n) -> b.acc(g).volunteers = n);
    counts.getOrDefault("A", Map.of()).forEach((g, n) -> b.acc(g).associations = n);
    CampaignBreakdown.labels(jdbc, t, b.byGroup.keySet())
        .forEach((g, name) -> b.byGroup.get(g).label = name);
    return b;
  }

  private interface SpanCount {
    void add(String group, String kind, int n);
  }

  /**
   * People (kind E) and associations (A) per group of a dimension in a period: the sum of the cells
   * of report_span_count it touches. From two years on, a group whose whole span lies in the period
   * counts from its one row of report_span_total, and only the groups the period cuts read their
   * cells, group by group on the cells' key (shorter periods cut most groups, and a scan of the
   * cells that end after the period starts is faster).
   */
  private void spans(TenantId tenant, String dim, Period period, SpanCount add) {
    long t = tenant.value();
    int first = index(period.first());
    int last = index(period.last());
    String sql =
        period.months() < 24
            ? """
              select g, kind, sum(n) from report_span_count
              where tenant_id = ? and dim = ? and hi >= ? and lo <= ?
              group by g, kind"""
            : """
              select g, kind, n from report_span_total
              where tenant_id = ? and dim = ? and lo >= ? and hi <= ?
              union all
              select x.g, x.kind,
                     (select coalesce(sum(c.n), 0)::integer from report_span_count c
                      where c.tenant_id = x.tenant_id and c.dim = x.dim and c.kind = x.kind
                        and c.g = x.g and c.lo <= ? and c.hi >= ?)
              from report_span_total x
              where x.tenant_id = ? and x.dim = ? and x.hi >= ? and x.lo <= ?
                and (x.lo < ? or x.hi > ?)""";
    var statement =
        period.months() < 24
            ? jdbc.sql(sql).params(t, dim, first, last)
            : jdbc.sql(sql)
                .params(t, dim, first, last, last, first, t, dim, first, last, first, last);
    statement.query(
        rs -> {
          add.add(rs.getString(1), rs.getString(2), rs.getInt(3));
        });
  }

  /**
   * The SQL that gives the group of a rollup row and of a no-show candidate, per dimension; the
   * labels of associations and missions are read once the groups are known.
   */
  private record Keys(
      String key,
      String rollup,
      String filter,
      boolean grouped,
      String idleKey,
      String idleJoins,
      String labels,
      boolean month) {

    static final String PEOPLE = "report_people_month r";
    static final String SKILL_JOIN = "left join skill s on s.code = m.skills[1]";

    static Keys of(Dimension d) {
      return switch (d) {
        case SITE -> new Keys("r.site", PEOPLE, "", true, "r.site", "", null, false);
        case DEPARTMENT ->
            new Keys("r.department", PEOPLE, "", true, "r.department", "", null, false);
        case CAUSE -> mission(d, "coalesce(m.causes[1], '*unset')", "", null);
        case SDG -> mission(d, "coalesce(m.sdgs[1]::text, '*unset')", "", null);
        case ASSOCIATION ->
            mission(
                d,
                "m.association_id::text",
                "",
                "select id::text, name from association where tenant_id = ? and id = any(?)");
        case SKILL_FAMILY -> mission(d, "coalesce(s.family, '*unset')", SKILL_JOIN, null);
        // One rollup row per mission and month already: no join, no aggregate.
        case MISSION ->
            new Keys(
                "r.mission_id",
                "report_mission_month r",
                "",
                false,
                "r.mission_id",
                "",
                "select id::text, title from mission where tenant_id = ? and id = any(?)",
                false);
        case MONTH -> new Keys("r.month", PEOPLE, "", true, "r.month", "", null, true);
        case CAMPAIGN ->
            throw new IllegalArgumentException("campaigns are read by CampaignBreakdown");
      };
    }

    /** Rows of report_group_month are one per group and month already. */
    private static Keys mission(Dimension d, String idleKey, String idleJoins, String labels) {
      return new Keys(
          "r.g",
          "report_group_month r",
          "and r.dim = '" + d.name() + "'",
          false,
          idleKey,
          idleJoins,
          labels,
          false);
    }

    /** The group of a row whose first column is the key. */
    String group(java.sql.ResultSet rs) throws java.sql.SQLException {
      return month ? Reports.month(rs.getInt(1)).toString() : rs.getString(1);
    }
  }
}
