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
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.tenants.Policy;
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

  Reports(JdbcClient jdbc, Tenants tenants) {
    this.jdbc = jdbc;
    this.tenants = tenants;
  }

  /**
   * The report for a CSR manager or admin of the tenant; anyone else is refused and sees no figure.
   * {@code channel} says where it was asked (slack, teams, web, monthly) for the audit log.
   */
  @Transactional
  public Outcome<Report> report(
      TenantId tenant, long requesterId, Period period, Dimension dimension, String channel) {
    if (!mayReport(tenant, requesterId)) {
      return Outcome.refused(ReasonCode.CSR_MANAGERS_ONLY);
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
    return jdbc.sql(
            "select is_csr_manager or is_admin from employee where tenant_id = ? and id = ?")
        .params(tenant.value(), employeeId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** The report itself, without the check and the audit (for tests and benchmarks). */
  @Transactional(readOnly = true)
  public Report compute(TenantId tenant, Period period, Dimension dimension) {
    Tenant t = tenants.find(tenant).orElseThrow();
    ZoneId zone = ZoneId.of(t.timeZone());
    Breakdown current = breakdown(tenant, zone, period, dimension);
    Breakdown before = breakdown(tenant, zone, period.previous(), dimension);
    Policy policy = t.policy();
    List<Group> groups = current.groups(dimension);
    long approved = current.totals.approvedMinutes();
    BigDecimal value =
        policy
            .hourlyRate()
            .multiply(BigDecimal.valueOf(approved))
            .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    BigDecimal reduction = null;
    if ("FR".equals(t.country()) && "EUR".equals(policy.currency())) {
      Map<Integer, BigDecimal> byYear = new TreeMap<>();
      current.minutesByMonth.forEach(
          (month, minutes) ->
              byYear.merge(
                  month.getYear(),
                  policy
                      .hourlyRate()
                      .multiply(BigDecimal.valueOf(minutes))
                      .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                  BigDecimal::add));
      reduction = FrenchSponsorshipReduction.estimate(byYear, t.annualTurnover());
    }
    return new Report(
        t.name(),
        period,
        dimension,
        current.totals,
        before.totals,
        groups,
        new Valuation(policy.hourlyRate(), policy.currency(), value, reduction, t.annualTurnover()),
        allowanceMinutes(tenant, t, current.volunteerIds, period));
  }

  /** The volunteers' yearly allowances on work time, prorated to the months of the period. */
  private long allowanceMinutes(TenantId tenant, Tenant t, Set<Long> volunteers, Period period) {
    if (volunteers.isEmpty()) {
      return 0;
    }
    BigDecimal hours =
        jdbc.sql(
                """
                select coalesce(sum(coalesce(o.yearly_allowance_hours, ?)), 0)
                from employee e
                left join tenant_country_policy o on o.tenant_id = e.tenant_id and o.country = e.country
                where e.tenant_id = ? and e.id = any(?)""")
            .params(
                t.policy().yearlyAllowanceHours(),
                tenant.value(),
                volunteers.stream().mapToLong(Long::longValue).toArray())
            .query(BigDecimal.class)
            .single();
    return hours
        .multiply(BigDecimal.valueOf(60L * period.months()))
        .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP)
        .longValue();
  }

  // ---------------------------------------------------------------------------------------------

  /** What the database returns for a period, gathered per group before the small-group rule. */
  private static final class Breakdown {
    final Map<String, Acc> byGroup = new LinkedHashMap<>();
    final Map<YearMonth, Long> minutesByMonth = new TreeMap<>();
    final Map<String, Integer> employeesByGroup = new HashMap<>();
    final Set<Long> volunteerIds = new HashSet<>();
    Figures totals;

    Acc acc(String key) {
      return byGroup.computeIfAbsent(key, k -> new Acc());
    }

    /**
     * The groups as shown: small ones merged into "other" until every group shown is large enough.
     */
    List<Group> groups(Dimension dimension) {
      List<Map.Entry<String, Acc>> ordered = new ArrayList<>(byGroup.entrySet());
      Comparator<Map.Entry<String, Acc>> bySize =
          Comparator.comparingInt((Map.Entry<String, Acc> e) -> e.getValue().volunteers.size())
              .thenComparingLong(e -> e.getValue().approved)
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
      ordered.sort(bySize);
      // Merge the smallest groups into "other" while any shown group, "other" included, has
      // between 1 and MIN_GROUP_SIZE - 1 people (a group of nobody, only pending hours, names
      // nobody).
      Acc other = new Acc();
      int merged = 0;
      while (merged < ordered.size()) {
        Acc next = ordered.get(merged).getValue();
        boolean smallGroup = next.volunteers.size() < MIN_GROUP_SIZE;
        boolean smallOther =
            !other.volunteers.isEmpty() && other.volunteers.size() < MIN_GROUP_SIZE;
        if (!smallGroup && !smallOther) {
          break;
        }
        other.add(next);
        merged++;
      }
      List<Group> shown = new ArrayList<>();
      for (int i = ordered.size() - 1; i >= merged; i--) {
        Map.Entry<String, Acc> e = ordered.get(i);
        shown.add(e.getValue().toGroup(e.getKey(), employees(dimension, e.getKey())));
      }
      if (dimension == Dimension.MONTH) {
        shown.sort(Comparator.comparing(Group::key));
      }
      if (merged > 0) {
        Integer reached = null;
        if (dimension.ofPeople()) {
          int sum = 0;
          for (int i = 0; i < merged; i++) {
            sum += employeesByGroup.getOrDefault(ordered.get(i).getKey(), 0);
          }
          reached = sum;
        }
        shown.add(other.toGroup(Group.OTHER, reached));
      }
      return shown;
    }

    private Integer employees(Dimension dimension, String key) {
      return dimension.ofPeople() ? employeesByGroup.getOrDefault(key, 0) : null;
    }
  }

  /** A group's figures while they are being added up. */
  private static final class Acc {
    String label;
    final Set<Long> volunteers = new HashSet<>();
    final Set<Long> associations = new HashSet<>();
    final Map<YearMonth, Long> byMonth = new TreeMap<>();
    long approved;
    long pending;
    long workTime;
    int made;
    int completed;
    int cancelled;
    int noShows;

    void add(Acc o) {
      volunteers.addAll(o.volunteers);
      associations.addAll(o.associations);
      o.byMonth.forEach((m, v) -> byMonth.merge(m, v, Long::sum));
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
              volunteers.size(),
              employeesReached,
              made,
              completed,
              cancelled,
              noShows,
              approved,
              pending,
              workTime,
              associations.size()),
          byMonth);
    }
  }

  private Breakdown breakdown(TenantId tenant, ZoneId zone, Period period, Dimension dimension) {
    Breakdown b = new Breakdown();
    long t = tenant.value();
    Date from = Date.valueOf(period.firstDay());
    Date to = Date.valueOf(period.endExclusive());
    Keys keys = Keys.of(dimension);
    Set<Long> allAssociations = new HashSet<>();
    long[] totals = new long[3];

    // Hours, per group and person, per group and month, per group and association helped.
    jdbc.sql(
            """
            with r as (
              select %s as g, %s as label, h.employee_id, h.month, m.association_id,
                     h.approved_min, h.pending_min, h.work_time_min
              from hour_month h
              join mission m on m.tenant_id = h.tenant_id and m.id = h.mission_id
              %s
              where h.tenant_id = ? and h.month >= ? and h.month < ?
            )
            select 'P' as kind, g, max(label), employee_id, null::date, sum(approved_min),
                   sum(pending_min), sum(work_time_min)
            from r group by g, employee_id
            union all
            select 'M', g, null, null, month, sum(approved_min), 0, 0
            from r group by g, month having sum(approved_min) > 0
            union all
            select 'A', g, null, association_id, null, sum(approved_min), 0, 0
            from r group by g, association_id having sum(approved_min) > 0"""
                .formatted(keys.hourKey, keys.hourLabel, keys.hourJoins))
        .params(t, from, to)
        .query(
            rs -> {
              String kind = rs.getString(1);
              Acc acc = b.acc(rs.getString(2));
              long approved = rs.getLong(6);
              switch (kind) {
                case "P" -> {
                  if (acc.label == null) {
                    acc.label = rs.getString(3);
                  }
                  long person = rs.getLong(4);
                  long pending = rs.getLong(7);
                  long work = rs.getLong(8);
                  acc.approved += approved;
                  acc.pending += pending;
                  acc.workTime += work;
                  totals[0] += approved;
                  totals[1] += pending;
                  totals[2] += work;
                  if (approved > 0) {
                    acc.volunteers.add(person);
                    b.volunteerIds.add(person);
                  }
                }
                case "M" -> {
                  YearMonth month = YearMonth.from(rs.getDate(5).toLocalDate());
                  acc.byMonth.merge(month, approved, Long::sum);
                  b.minutesByMonth.merge(month, approved, Long::sum);
                }
                default -> {
                  acc.associations.add(rs.getLong(4));
                  allAssociations.add(rs.getLong(4));
                }
              }
            });

    // Commitments made in the period, in the tenant's time zone, and what became of them.
    int[] commitments = new int[4];
    LocalDate today = LocalDate.now(zone);
    jdbc.sql(
            """
            select %s as g, %s as label, c.employee_id,
                   count(*),
                   count(*) filter (where c.status = 'COMPLETED'),
                   count(*) filter (where c.status = 'CANCELLED'),
                   count(*) filter (where c.status = 'CONFIRMED'
                       and coalesce(m.last_date, m.first_date) < ?
                       and not exists (select 1 from hour_entry x where x.tenant_id = c.tenant_id
                                       and x.commitment_id = c.id and x.status <> 'REJECTED')),
                   bool_or(c.status in ('CONFIRMED', 'COMPLETED'))
            from commitment c
            join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
            join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
            %s
            where c.tenant_id = ? and c.created_at >= ? and c.created_at < ?
            group by 1, 2, 3"""
                .formatted(
                    keys.commitmentKey.replace(":zone", "'" + zone.getId() + "'"),
                    keys.commitmentLabel,
                    keys.commitmentJoins))
        .params(
            Date.valueOf(today),
            t,
            period.firstDay().atStartOfDay(zone).toOffsetDateTime(),
            period.endExclusive().atStartOfDay(zone).toOffsetDateTime())
        .query(
            rs -> {
              Acc acc = b.acc(rs.getString(1));
              if (acc.label == null) {
                acc.label = rs.getString(2);
              }
              acc.made += rs.getInt(4);
              acc.completed += rs.getInt(5);
              acc.cancelled += rs.getInt(6);
              acc.noShows += rs.getInt(7);
              commitments[0] += rs.getInt(4);
              commitments[1] += rs.getInt(5);
              commitments[2] += rs.getInt(6);
              commitments[3] += rs.getInt(7);
              if (rs.getBoolean(8)) {
                acc.volunteers.add(rs.getLong(3));
                b.volunteerIds.add(rs.getLong(3));
              }
            });

    int reached = 0;
    for (var row :
        jdbc.sql(
                """
                select coalesce(%s, '*unset'), count(*) from employee
                where tenant_id = ? and is_employee group by 1"""
                    .formatted(dimension == Dimension.DEPARTMENT ? "department" : "site"))
            .params(t)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
            .list()) {
      b.employeesByGroup.put(row.getKey(), row.getValue());
      reached += row.getValue();
    }
    b.totals =
        new Figures(
            b.volunteerIds.size(),
            reached,
            commitments[0],
            commitments[1],
            commitments[2],
            commitments[3],
            totals[0],
            totals[1],
            totals[2],
            allAssociations.size());
    return b;
  }

  /** The SQL that gives the group of an hour rollup row and of a commitment, per dimension. */
  private record Keys(
      String hourKey,
      String hourLabel,
      String hourJoins,
      String commitmentKey,
      String commitmentLabel,
      String commitmentJoins) {

    static final String SKILL_JOIN = "left join skill s on s.code = m.skills[1]";
    static final String ASSOCIATION_JOIN =
        "join association a on a.tenant_id = m.tenant_id and a.id = m.association_id";

    static Keys of(Dimension d) {
      return switch (d) {
        case SITE ->
            new Keys(
                "coalesce(h.site, '*unset')",
                "null::text",
                "",
                "coalesce(e.site, '*unset')",
                "null::text",
                "");
        case DEPARTMENT ->
            new Keys(
                "coalesce(h.department, '*unset')",
                "null::text",
                "",
                "coalesce(e.department, '*unset')",
                "null::text",
                "");
        case CAUSE -> mission("coalesce(m.causes[1], '*unset')", "null::text", "");
        case SDG -> mission("coalesce(m.sdgs[1]::text, '*unset')", "null::text", "");
        case ASSOCIATION -> mission("m.association_id::text", "a.name", ASSOCIATION_JOIN);
        case SKILL_FAMILY -> mission("coalesce(s.family, '*unset')", "null::text", SKILL_JOIN);
        case MISSION -> mission("m.id::text", "m.title", "");
        case MONTH ->
            new Keys(
                "to_char(h.month, 'YYYY-MM')",
                "null::text",
                "",
                "to_char(c.created_at at time zone :zone, 'YYYY-MM')",
                "null::text",
                "");
      };
    }

    private static Keys mission(String key, String label, String joins) {
      return new Keys(key, label, joins, key, label, joins);
    }
  }
}
