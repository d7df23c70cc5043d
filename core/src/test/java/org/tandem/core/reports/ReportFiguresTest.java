package org.tandem.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * Every figure of a report is checked against an independent query over the raw tables (hour
 * entries and commitments, not the rollup the reports read), on a generated company of 120 people
 * whose commitments and hours straddle month boundaries in the tenant's time zone.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFiguresTest {

  private static final String[] SITES = {
    "Luxembourg", "Luxembourg", "Luxembourg", "Esch", "Esch", "Metz", "Paris", null
  };
  private static final String[] DEPARTMENTS = {"IT", "Finance", "Operations", "HR", "Legal", null};
  private static final String[] CAUSES = {"EDUCATION", "ENVIRONMENT", "SOCIAL_INCLUSION", "HEALTH"};
  private static final String[] SKILLS = {
    "accounting", "cooking", "plumbing", "web_development", "gardening", "childcare"
  };
  private static final String[] STATUSES = {
    "CONFIRMED", "CONFIRMED", "COMPLETED", "CANCELLED", "WAITLISTED", "PENDING_APPROVAL"
  };

  @Autowired Reports reports;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  TenantId tenant;
  final List<Long> hourIds = new ArrayList<>();

  @BeforeAll
  void generate() {
    tenant = fixtures.company();
    long t = tenant.value();
    Random random = new Random(20261123);
    List<Long> people = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      // Paris is a site of only 3 people: it must never show on its own.
      String site = i < 3 ? "Paris" : SITES[random.nextInt(SITES.length)];
      if ("Paris".equals(site) && i >= 3) {
        site = "Luxembourg";
      }
      people.add(
          jdbc.sql(
                  """
                  insert into employee (tenant_id, display_name, site, department, country)
                  values (?, ?, ?, ?, ?) returning id""")
              .params(
                  t,
                  "Person " + i,
                  site,
                  DEPARTMENTS[random.nextInt(DEPARTMENTS.length)],
                  random.nextBoolean() ? "LU" : "FR")
              .query(Long.class)
              .single());
    }
    List<Long> associations = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      associations.add(
          jdbc.sql("insert into association (tenant_id, name) values (?, ?) returning id")
              .params(t, "Association " + i)
              .query(Long.class)
              .single());
    }
    List<Long> missions = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      LocalDate first = LocalDate.of(2025, 9, 1).plusDays(random.nextInt(300));
      missions.add(
          jdbc.sql(
                  """
                  insert into mission (tenant_id, association_id, title, skills, causes, sdgs, mode,
                                       schedule, hours_per_session, capacity, first_date, last_date)
                  values (?, ?, ?, ?, ?, ?, 'REMOTE', 'FLEXIBLE', 2, 500, ?, ?) returning id""")
              .params(
                  t,
                  associations.get(i % associations.size()),
                  "Mission " + i,
                  i % 7 == 6 ? new String[0] : new String[] {SKILLS[i % SKILLS.length], "cooking"},
                  i % 5 == 4 ? new String[0] : new String[] {CAUSES[i % CAUSES.length], "HEALTH"},
                  new Short[] {(short) (i % 17 + 1)},
                  Date.valueOf(first),
                  Date.valueOf(first.plusDays(random.nextInt(120))))
              .query(Long.class)
              .single());
    }
    for (long person : people) {
      int count = random.nextInt(4);
      Set<Long> taken = new HashSet<>();
      for (int k = 0; k < count; k++) {
        long mission = missions.get(random.nextInt(missions.size()));
        if (!taken.add(mission)) {
          continue;
        }
        String status = STATUSES[random.nextInt(STATUSES.length)];
        OffsetDateTime created = instantNear(random);
        long commitment =
            jdbc.sql(
                    """
                    insert into commitment (tenant_id, mission_id, employee_id, status, created_at,
                                            cancelled_at)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                    t,
                    mission,
                    person,
                    status,
                    created,
                    "CANCELLED".equals(status) ? created.plusDays(3) : null)
                .query(Long.class)
                .single();
        if (!status.equals("CONFIRMED") && !status.equals("COMPLETED")) {
          continue;
        }
        int entries = random.nextInt(7);
        for (int e = 0; e < entries; e++) {
          String hourStatus =
              random.nextInt(10) < 7 ? "APPROVED" : random.nextBoolean() ? "PENDING" : "REJECTED";
          hourIds.add(
              jdbc.sql(
                      """
                      insert into hour_entry (tenant_id, commitment_id, employee_id, work_date,
                                              minutes, on_work_time, status)
                      values (?, ?, ?, ?, ?, ?, ?) returning id""")
                  .params(
                      t,
                      commitment,
                      person,
                      Date.valueOf(dayNear(random)),
                      15 * (1 + random.nextInt(24)),
                      random.nextInt(3) > 0,
                      hourStatus)
                  .query(Long.class)
                  .single());
        }
      }
    }
    // Two campaigns, each with a third of the commitments made from its message.
    for (int k = 0; k < 2; k++) {
      long campaign =
          jdbc.sql(
                  """
                  insert into campaign (tenant_id, name, message, audience, status, created_by)
                  values (?, ?, 'Join us', 'EVERYONE', 'SENT', ?) returning id""")
              .params(t, "Campaign " + k, people.get(0))
              .query(Long.class)
              .single();
      jdbc.sql(
              """
              insert into campaign_commitment (tenant_id, commitment_id, campaign_id)
              select tenant_id, id, ? from commitment where tenant_id = ? and id % 3 = ?""")
          .params(campaign, t, k)
          .update();
    }
    // The rollup follows updates and deletes too: approve some pending hours, move some to
    // another day, drop a few.
    for (int i = 0; i < hourIds.size(); i += 7) {
      jdbc.sql("update hour_entry set status = 'APPROVED' where id = ? and status = 'PENDING'")
          .params(hourIds.get(i))
          .update();
    }
    for (int i = 3; i < hourIds.size(); i += 11) {
      jdbc.sql("update hour_entry set work_date = work_date + 20, minutes = 60 where id = ?")
          .params(hourIds.get(i))
          .update();
    }
    for (int i = 5; i < hourIds.size(); i += 13) {
      jdbc.sql("delete from hour_entry where id = ?").params(hourIds.get(i)).update();
    }
  }

  /** Mostly the last and first hours of a month in Luxembourg, where UTC is still another month. */
  private static OffsetDateTime instantNear(Random random) {
    YearMonth month = YearMonth.of(2025, 10).plusMonths(random.nextInt(12));
    LocalDateTime local =
        switch (random.nextInt(3)) {
          case 0 -> month.atDay(1).atTime(0, 30); // 22:30 or 23:30 UTC the month before
          case 1 -> month.atEndOfMonth().atTime(23, 30);
          default -> month.atDay(1 + random.nextInt(27)).atTime(12, 0);
        };
    return local
        .atZone(Fixtures.LUXEMBOURG)
        .toOffsetDateTime()
        .withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static LocalDate dayNear(Random random) {
    YearMonth month = YearMonth.of(2025, 10).plusMonths(random.nextInt(12));
    return switch (random.nextInt(3)) {
      case 0 -> month.atDay(1);
      case 1 -> month.atEndOfMonth();
      default -> month.atDay(1 + random.nextInt(27));
    };
  }

  static List<Period> periods() {
    return List.of(
        Period.month(YearMonth.of(2026, 3)),
        Period.quarterOf(LocalDate.of(2026, 1, 15)),
        Period.year(2026),
        new Period(YearMonth.of(2025, 11), YearMonth.of(2026, 6)),
        // Long periods count whole groups from their totals (V9): one holds all the data, one
        // cuts through it.
        new Period(YearMonth.of(2024, 1), YearMonth.of(2026, 12)),
        new Period(YearMonth.of(2026, 2), YearMonth.of(2028, 1)));
  }

  @ParameterizedTest
  @EnumSource(Dimension.class)
  void everyFigureMatchesTheRawTablesForEveryPeriod(Dimension dimension) {
    for (Period period : periods()) {
      Report report = reports.compute(tenant, period, dimension);

      Set<String> shown = new HashSet<>();
      Map<String, Group> byKey = new HashMap<>();
      for (Group g : report.groups()) {
        byKey.put(g.key(), g);
        if (!g.isOther()) {
          shown.add(g.key());
          assertThat(g.figures().volunteers())
              .as("%s %s group %s", period, dimension, g.key())
              .isGreaterThanOrEqualTo(Reports.MIN_GROUP_SIZE);
        }
      }
      Map<String, Expected> raw = expected(period, dimension, Set.of(), false);
      Set<String> merged = new HashSet<>(raw.keySet());
      merged.removeAll(shown);
      assertThat(shown).as("%s %s", period, dimension).isSubsetOf(raw.keySet());

      Map<String, Expected> expected = expected(period, dimension, merged, false);
      assertThat(byKey.keySet()).isEqualTo(expected.keySet());
      for (Group g : report.groups()) {
        Expected e = expected.get(g.key());
        assertThat(g.figures()).as("%s %s %s", period, dimension, g.key()).isEqualTo(e.figures(g));
        if (g.isOther()) {
          assertThat(g.figures().volunteers())
              .as("other never names fewer than %s people", Reports.MIN_GROUP_SIZE)
              .satisfiesAnyOf(
                  n -> assertThat(n).isZero(),
                  n -> assertThat(n).isGreaterThanOrEqualTo(Reports.MIN_GROUP_SIZE));
        }
        long monthly =
            g.approvedMinutesByMonth().values().stream().mapToLong(Long::longValue).sum();
        assertThat(monthly).isEqualTo(g.figures().approvedMinutes());
      }

      Expected all = expected(period, dimension, Set.of(), true).get("*all");
      assertThat(report.totals().volunteers()).isEqualTo(all.volunteers);
      assertThat(report.totals().approvedMinutes()).isEqualTo(all.approved);
      assertThat(report.totals().pendingMinutes()).isEqualTo(all.pending);
      assertThat(report.totals().workTimeMinutes()).isEqualTo(all.workTime);
      assertThat(report.totals().commitmentsMade()).isEqualTo(all.made);
      assertThat(report.totals().commitmentsCompleted()).isEqualTo(all.completed);
      assertThat(report.totals().commitmentsCancelled()).isEqualTo(all.cancelled);
      assertThat(report.totals().noShows()).isEqualTo(all.noShows);
      assertThat(report.totals().associationsHelped()).isEqualTo(all.associations);
      assertThat(report.totals().employeesReached()).isEqualTo(120);

      // A previous period without any hour or commitment has no row at all.
      Expected previous =
          expected(period.previous(), dimension, Set.of(), true)
              .getOrDefault("*all", new Expected(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
      assertThat(report.previous().approvedMinutes()).isEqualTo(previous.approved);
      assertThat(report.previous().volunteers()).isEqualTo(previous.volunteers);
    }
  }

  @Test
  void theSmallSiteIsNeverShownAndEveryGroupAddsUpToTheTotals() {
    Report report = reports.compute(tenant, Period.year(2026), Dimension.SITE);
    assertThat(report.groups())
        .extracting(Group::key)
        .doesNotContain("Paris")
        .contains(Group.OTHER);
    assertThat(report.groups()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(report.totals().volunteers()).isGreaterThan(40);
    assertThat(report.totals().noShows()).isPositive();
    assertThat(report.totals().commitmentsCancelled()).isPositive();
    assertThat(report.totals().pendingMinutes()).isPositive();
    assertThat(report.previous().approvedMinutes()).isPositive();
    assertThat(report.groups().stream().mapToLong(g -> g.figures().approvedMinutes()).sum())
        .isEqualTo(report.totals().approvedMinutes());
    assertThat(report.groups().stream().mapToInt(g -> g.figures().commitmentsMade()).sum())
        .isEqualTo(report.totals().commitmentsMade());
    int reached = report.groups().stream().mapToInt(g -> g.figures().employeesReached()).sum();
    assertThat(reached).isLessThanOrEqualTo(120);
  }

  @Test
  void aCommitmentMadeJustAfterMidnightOnTheFirstCountsInItsLocalMonth() {
    long t = tenant.value();
    long person =
        jdbc.sql("select min(id) from employee where tenant_id = ?")
            .params(t)
            .query(Long.class)
            .single();
    long mission =
        jdbc.sql("select min(id) from mission where tenant_id = ?")
            .params(t)
            .query(Long.class)
            .single();
    // 1 December 2026, 00:15 in Luxembourg is still 30 November in UTC.
    OffsetDateTime created =
        LocalDateTime.of(2026, 12, 1, 0, 15).atZone(Fixtures.LUXEMBOURG).toOffsetDateTime();
    int novemberBefore =
        reports
            .compute(tenant, Period.month(YearMonth.of(2026, 11)), Dimension.MONTH)
            .totals()
            .commitmentsMade();
    int decemberBefore =
        reports
            .compute(tenant, Period.month(YearMonth.of(2026, 12)), Dimension.MONTH)
            .totals()
            .commitmentsMade();
    jdbc.sql(
            """
            insert into commitment (tenant_id, mission_id, employee_id, status, created_at)
            values (?, ?, ?, 'CANCELLED', ?)""")
        .params(t, mission, person, created)
        .update();
    assertThat(
            reports
                .compute(tenant, Period.month(YearMonth.of(2026, 11)), Dimension.MONTH)
                .totals()
                .commitmentsMade())
        .isEqualTo(novemberBefore);
    assertThat(
            reports
                .compute(tenant, Period.month(YearMonth.of(2026, 12)), Dimension.MONTH)
                .totals()
                .commitmentsMade())
        .isEqualTo(decemberBefore + 1);
  }

  /** Raw figures of one group, from the raw tables. */
  record Expected(
      int volunteers,
      long approved,
      long pending,
      long workTime,
      int made,
      int completed,
      int cancelled,
      int noShows,
      int associations,
      Integer employees) {

    Figures figures(Group g) {
      return new Figures(
          volunteers,
          g.figures().employeesReached() == null ? null : employees,
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

  /**
   * The figures per group straight from hour_entry and commitment: groups named in {@code merged}
   * become "*other", and everything becomes "*all" when {@code all}.
   */
  private Map<String, Expected> expected(
      Period period, Dimension dimension, Set<String> merged, boolean all) {
    String key =
        switch (dimension) {
          case SITE -> "e.site";
          case DEPARTMENT -> "e.department";
          case CAUSE -> "m.causes[1]";
          case SDG -> "m.sdgs[1]::text";
          case ASSOCIATION -> "m.association_id::text";
          case SKILL_FAMILY -> "(select family from skill where code = m.skills[1])";
          case MISSION -> "m.id::text";
          case MONTH -> "to_char(h.work_date, 'YYYY-MM')";
          case CAMPAIGN ->
              "(select a.campaign_id::text from campaign_commitment a"
                  + " where a.tenant_id = c.tenant_id and a.commitment_id = c.id)";
        };
    String hourKey = key;
    String commitmentKey =
        dimension == Dimension.MONTH
            ? "to_char(c.created_at at time zone 'Europe/Luxembourg', 'YYYY-MM')"
            : key;
    String map =
        "case when :all then '*all' when coalesce(%1$s, '*unset') = any(string_to_array(:merged, chr(31))) then '*other'"
            + " else coalesce(%1$s, '*unset') end";
    String sql =
        """
        with hm as (
          select %s as g, h.employee_id, h.status, h.minutes, h.on_work_time, m.association_id
          from hour_entry h
          join commitment c on c.tenant_id = h.tenant_id and c.id = h.commitment_id
          join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
          join employee e on e.tenant_id = h.tenant_id and e.id = h.employee_id
          where h.tenant_id = :t and h.work_date >= :from and h.work_date < :to
        ), cm as (
          select %s as g, c.employee_id, c.status,
                 c.status = 'CONFIRMED' and coalesce(m.last_date, m.first_date) < (now() at time zone 'Europe/Luxembourg')::date
                   and not exists (select 1 from hour_entry x where x.commitment_id = c.id
                                   and x.status <> 'REJECTED') as no_show
          from commitment c
          join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
          join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
          where c.tenant_id = :t
            and (c.created_at at time zone 'Europe/Luxembourg') >= :from
            and (c.created_at at time zone 'Europe/Luxembourg') < :to
        ), em as (
          select %s as g, e.id from employee e where e.tenant_id = :t and e.is_employee
        ), vol as (
          select g, employee_id from hm where status = 'APPROVED'
          union
          select g, employee_id from cm where status in ('CONFIRMED', 'COMPLETED')
        ), groups as (select g from hm union select g from cm)
        select x.g,
          (select count(*) from vol where vol.g = x.g),
          (select coalesce(sum(minutes), 0) from hm where hm.g = x.g and status = 'APPROVED'),
          (select coalesce(sum(minutes), 0) from hm where hm.g = x.g and status = 'PENDING'),
          (select coalesce(sum(minutes), 0) from hm
            where hm.g = x.g and status = 'APPROVED' and on_work_time),
          (select count(*) from cm where cm.g = x.g),
          (select count(*) from cm where cm.g = x.g and status = 'COMPLETED'),
          (select count(*) from cm where cm.g = x.g and status = 'CANCELLED'),
          (select count(*) from cm where cm.g = x.g and no_show),
          (select count(distinct association_id) from hm where hm.g = x.g and status = 'APPROVED'),
          (select count(*) from em where em.g = x.g)
        from groups x"""
            .formatted(
                map.formatted(hourKey),
                map.formatted(commitmentKey),
                map.formatted(dimension == Dimension.DEPARTMENT ? "e.department" : "e.site"));
    Map<String, Expected> result = new HashMap<>();
    jdbc.sql(sql)
        .param("t", tenant.value())
        .param("from", Date.valueOf(period.firstDay()))
        .param("to", Date.valueOf(period.endExclusive()))
        .param("all", all)
        .param("merged", String.join("\u001f", merged))
        .query(
            (rs, n) ->
                result.put(
                    rs.getString(1),
                    new Expected(
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getInt(10),
                        rs.getInt(11))))
        .list();
    return result;
  }
}
