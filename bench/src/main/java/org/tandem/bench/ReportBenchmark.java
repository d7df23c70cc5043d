package org.tandem.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.reporting.ReportChart;
import org.tandem.bot.reporting.ReportCsv;
import org.tandem.bot.reporting.ReportFiles;
import org.tandem.bot.reporting.ReportWords;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;
import org.tandem.core.reports.Report;
import org.tandem.core.reports.Reports;
import org.tandem.core.tenants.TenantId;

/**
 * Report latency on one company of 100,000 employees with 10,000,000 hour entries over 2022-01 ..
 * 2026-12 (see {@link ReportData}): after a warm-up, reports of a random period (this month, last
 * month, this quarter, this year, a calendar year, a range of months, the whole five years) and a
 * random dimension, one at a time, each timed as the chat answers a CSR manager: the report (access
 * check, audit, figures), the chart PNG and the CSV, both stored for their links. Then the price of
 * keeping the rollups exact: an hour entry logged, and one approved, with and without the V9
 * rollups (each rolled back).
 *
 * <p>Run: {@code bench/run reports [participation %] [reports] [hour entries]
 * [--tandem.embedded-postgres.data-dir=DIR]}. With a data directory, the company is generated once
 * and found again by later runs (one per participation and size).
 */
public final class ReportBenchmark {

  private static final int WARMUP = 56;

  /** The periods a CSR manager asks for. */
  enum Kind {
    THIS_MONTH("this month"),
    LAST_MONTH("last month"),
    THIS_QUARTER("this quarter"),
    THIS_YEAR("this year"),
    A_YEAR("a calendar year"),
    RANGE("a range of months"),
    FIVE_YEARS("2022-01..2026-12");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    Period period(LocalDate today, Random random) {
      YearMonth now = YearMonth.from(today);
      return switch (this) {
        case THIS_MONTH -> Period.month(now);
        case LAST_MONTH -> Period.month(now.minusMonths(1));
        case THIS_QUARTER -> Period.quarterOf(today);
        case THIS_YEAR -> Period.year(today.getYear());
        case A_YEAR -> Period.year(2022 + random.nextInt(5));
        case RANGE -> {
          int a = random.nextInt(60);
          int b = random.nextInt(60);
          yield new Period(FIRST.plusMonths(Math.min(a, b)), FIRST.plusMonths(Math.max(a, b)));
        }
        case FIVE_YEARS -> new Period(FIRST, FIRST.plusMonths(59));
      };
    }
  }

  static final YearMonth FIRST = YearMonth.of(2022, 1);

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    run(args);
    // exec:java runs inside Maven's JVM: exit, so the embedded PostgreSQL's shutdown hook runs.
    System.exit(0);
  }

  static void run(String[] args) throws Exception {
    List<String> springArgs = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--")) {
        springArgs.add(a);
      } else {
        numbers.add(a);
      }
    }
    int participation = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 30;
    int measured = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 400;
    long entries =
        numbers.size() > 2
            ? Long.parseLong(numbers.get(2).replace("k", "000").replace("M", "000000"))
            : 10_000_000;
    try (ConfigurableApplicationContext ctx =
        BenchApplication.start(springArgs.toArray(String[]::new))) {
      JdbcClient jdbc = ctx.getBean(JdbcClient.class);
      Reports reports = ctx.getBean(Reports.class);
      ReportChart chart = ctx.getBean(ReportChart.class);
      ReportCsv csv = ctx.getBean(ReportCsv.class);
      ReportFiles files = ctx.getBean(ReportFiles.class);
      ReportWords words = ReportWords.of(Locale.FRENCH);
      String externalId = "reports-" + participation + "-" + entries;
      TenantId tenant = new BenchData(jdbc).existing(externalId).orElse(null);
      if (tenant == null) {
        System.out.printf(
            "Generating %,d employees (%d %% volunteer) and %,d hour entries...%n",
            ReportData.EMPLOYEES, participation, entries);
        long t0 = System.nanoTime();
        tenant =
            new ReportData(ctx.getBean(DataSource.class))
                .generate(externalId, participation, entries);
        System.out.printf("  loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      }
      describe(jdbc, tenant);
      if (measured == 0) {
        return;
      }

      long manager =
          jdbc.sql("select min(id) from employee where tenant_id = ? and is_csr_manager")
              .param(tenant.value())
              .query(Long.class)
              .single();
      TenantId company = tenant;
      Answer answer =
          (period, dimension) -> {
            long t0 = System.nanoTime();
            Report report = reports.report(company, manager, period, dimension, "bench").value();
            long t1 = System.nanoTime();
            Optional<byte[]> png = chart.png(report, words);
            byte[] data = csv.csv(report, words);
            long t2 = System.nanoTime();
            png.ifPresent(p -> files.store(company, "bench.png", "image/png", p));
            files.store(company, "bench.csv", "text/csv; charset=utf-8", data);
            long t3 = System.nanoTime();
            return new long[] {t3 - t0, t1 - t0, t2 - t1, t3 - t2, report.groups().size()};
          };
      ZoneId zone = ZoneId.of("Europe/Luxembourg");
      LocalDate today = LocalDate.now(zone);
      Random random = new Random(42);
      Kind[] kinds = Kind.values();
      Dimension[] dimensions = Dimension.values();
      for (int i = 0; i < WARMUP; i++) {
        Kind kind = kinds[i % kinds.length];
        answer.of(kind.period(today, random), dimensions[i % dimensions.length]);
      }
      System.out.printf(
          "  %d warm-up, then %d reports one at a time, random period x dimension, each timed"
              + " from the request to the stored chart and CSV%n",
          WARMUP, measured);

      long[] nanos = new long[measured];
      long[][] parts = new long[3][measured];
      Map<Kind, List<Long>> byKind = new EnumMap<>(Kind.class);
      Map<Dimension, List<Long>> byDimension = new EnumMap<>(Dimension.class);
      Map<Kind, Map<Dimension, List<Long>>> cells = new EnumMap<>(Kind.class);
      long groups = 0;
      for (int i = 0; i < measured; i++) {
        Kind kind = kinds[random.nextInt(kinds.length)];
        Dimension dimension = dimensions[random.nextInt(dimensions.length)];
        Period period = kind.period(today, random);
        long[] timed = answer.of(period, dimension);
        long took = timed[0];
        for (int k = 0; k < 3; k++) {
          parts[k][i] = timed[k + 1];
        }
        groups += timed[4];
        nanos[i] = took;
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(took);
        byDimension.computeIfAbsent(dimension, k -> new ArrayList<>()).add(took);
        cells
            .computeIfAbsent(kind, k -> new EnumMap<>(Dimension.class))
            .computeIfAbsent(dimension, k -> new ArrayList<>())
            .add(took);
      }
      System.out.printf(
          "  all reports:        %s; %.1f groups per report%n",
          Percentiles.of(nanos), groups / (double) measured);
      System.out.printf(
          "    of which figures  %s%n    chart and CSV     %s%n    storing both      %s%n",
          Percentiles.of(parts[0]), Percentiles.of(parts[1]), Percentiles.of(parts[2]));
      for (var e : byKind.entrySet()) {
        System.out.printf("  %-19s %s%n", e.getKey().label + ":", of(e.getValue()));
      }
      for (var e : byDimension.entrySet()) {
        System.out.printf("  %-19s %s%n", e.getKey().name().toLowerCase() + ":", of(e.getValue()));
      }
      System.out.printf("  max (ms) per period and dimension:%n  %-19s", "");
      for (Dimension d : dimensions) {
        System.out.printf("%13s", d.name().toLowerCase());
      }
      System.out.println();
      for (Kind k : kinds) {
        System.out.printf("  %-19s", k.label);
        for (Dimension d : dimensions) {
          List<Long> cell = cells.getOrDefault(k, Map.of()).getOrDefault(d, List.of());
          System.out.printf(
              "%13s",
              cell.isEmpty()
                  ? "-"
                  : String.format(
                      "%.0f", cell.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6));
        }
        System.out.println();
      }
      writes(ctx.getBean(DataSource.class), tenant, today);
    }
  }

  /** One timed report: total, figures, chart and CSV, storing, groups. */
  interface Answer {
    long[] of(Period period, Dimension dimension);
  }

  /**
   * What keeping the rollups exact costs a write: an approved hour entry logged on a confirmed
   * commitment, and a pending entry approved, each in a transaction rolled back, with every report
   * trigger and with the V9 rollups switched off (V7's hour_month alone).
   */
  private static void writes(DataSource dataSource, TenantId tenant, LocalDate today)
      throws Exception {
    int n = 200;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      List<long[]> commitments = new ArrayList<>();
      List<Long> pending = new ArrayList<>();
      try (Statement s = c.createStatement()) {
        try (ResultSet rs =
            s.executeQuery(
                """
                select c.id, c.employee_id from commitment c
                join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
                where c.tenant_id = %d and c.status = 'CONFIRMED' and m.last_date >= current_date
                order by c.id limit 5000"""
                    .formatted(tenant.value()))) {
          while (rs.next()) {
            commitments.add(new long[] {rs.getLong(1), rs.getLong(2)});
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "select id from hour_entry where tenant_id = %d and status = 'PENDING' limit 5000"
                    .formatted(tenant.value()))) {
          while (rs.next()) {
            pending.add(rs.getLong(1));
          }
        }
      }
      c.rollback();
      Random random = new Random(7);
      for (boolean v9 : new boolean[] {true, false}) {
        long[] logged = new long[n];
        long[] approved = new long[n];
        for (int i = 0; i < n; i++) {
          long[] commitment = commitments.get(random.nextInt(commitments.size()));
          logged[i] =
              timedThenRolledBack(
                  c,
                  v9,
                  """
                  insert into hour_entry (tenant_id, commitment_id, employee_id, work_date, minutes,
                                          on_work_time, status)
                  values (%d, %d, %d, date '%s', 120, true, 'APPROVED')"""
                      .formatted(
                          tenant.value(),
                          commitment[0],
                          commitment[1],
                          today.minusDays(random.nextInt(20))));
          approved[i] =
              timedThenRolledBack(
                  c,
                  v9,
                  "update hour_entry set status = 'APPROVED', decided_at = now() where id = "
                      + pending.get(random.nextInt(pending.size())));
        }
        String what = v9 ? "with the V9 rollups" : "hour_month alone";
        System.out.printf("  an hour entry logged, %-21s %s%n", what + ":", Percentiles.of(logged));
        System.out.printf(
            "  an hour entry approved, %-19s %s%n", what + ":", Percentiles.of(approved));
      }
    }
  }

  private static long timedThenRolledBack(Connection c, boolean v9, String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      if (!v9) {
        s.execute("alter table hour_month disable trigger report_hour_month_sync");
      }
      long start = System.nanoTime();
      s.execute(sql);
      long took = System.nanoTime() - start;
      c.rollback();
      return took;
    }
  }

  private static Percentiles of(List<Long> nanos) {
    return Percentiles.of(nanos.stream().mapToLong(Long::longValue).toArray());
  }

  /** The company's sizes: people, volunteers, rows and table sizes. */
  private static void describe(JdbcClient jdbc, TenantId tenant) {
    long t = tenant.value();
    System.out.printf(
        "Report benchmark: %s%n",
        jdbc.sql(
                """
                select format('%s employees, %s with approved hours (%s %%), %s associations,'
                              || ' %s missions, %s commitments, %s hour entries (%s %% approved,'
                              || ' %s %% pending), %s rows in hour_month',
                  to_char((select count(*) from employee where tenant_id = :t), 'FM9,999,999'),
                  to_char(v.n, 'FM9,999,999'),
                  round(100.0 * v.n / (select count(*) from employee where tenant_id = :t), 1),
                  (select count(*) from association where tenant_id = :t),
                  to_char((select count(*) from mission where tenant_id = :t), 'FM9,999,999'),
                  to_char((select count(*) from commitment where tenant_id = :t), 'FM9,999,999'),
                  to_char(h.n, 'FM99,999,999'),
                  round(100.0 * h.approved / h.n, 1), round(100.0 * h.pending / h.n, 1),
                  to_char((select count(*) from hour_month where tenant_id = :t), 'FM99,999,999'))
                from (select count(distinct employee_id) as n from hour_month
                      where tenant_id = :t and approved_min > 0) v,
                     (select count(*) as n, count(*) filter (where status = 'APPROVED') as approved,
                             count(*) filter (where status = 'PENDING') as pending
                      from hour_entry where tenant_id = :t) h""")
            .param("t", t)
            .query(String.class)
            .single());
    System.out.printf(
        "  on disk (table + indexes, all tenants): %s%n",
        String.join(
            ", ",
            jdbc.sql(
                    """
                    select c.relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid))
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relkind = 'r'
                      and pg_total_relation_size(c.oid) > 10000000
                    order by pg_total_relation_size(c.oid) desc""")
                .query(String.class)
                .list()));
  }

  private ReportBenchmark() {}
}
