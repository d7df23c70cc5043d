package org.tandem.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;
import org.tandem.core.reports.Report;
import org.tandem.core.reports.Reports;
import org.tandem.core.tenants.TenantId;

/**
 * Report latency on one company of 100,000 employees with 10,000,000 hour entries over 2022-01 ..
 * 2026-12 (see {@link ReportData}): after a warm-up, reports of a random period (this month, last
 * month, this quarter, this year, a calendar year, a range of months, the whole five years) and a
 * random dimension, one at a time, each timed from the call to the finished report.
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

      ZoneId zone = ZoneId.of("Europe/Luxembourg");
      LocalDate today = LocalDate.now(zone);
      Random random = new Random(42);
      Kind[] kinds = Kind.values();
      Dimension[] dimensions = Dimension.values();
      for (int i = 0; i < WARMUP; i++) {
        Kind kind = kinds[i % kinds.length];
        reports.compute(tenant, kind.period(today, random), dimensions[i % dimensions.length]);
      }
      System.out.printf(
          "  %d warm-up, then %d reports one at a time, random period x dimension; each timed"
              + " through Reports.compute%n",
          WARMUP, measured);

      long[] nanos = new long[measured];
      Map<Kind, List<Long>> byKind = new EnumMap<>(Kind.class);
      Map<Dimension, List<Long>> byDimension = new EnumMap<>(Dimension.class);
      Map<Kind, Map<Dimension, List<Long>>> cells = new EnumMap<>(Kind.class);
      long groups = 0;
      for (int i = 0; i < measured; i++) {
        Kind kind = kinds[random.nextInt(kinds.length)];
        Dimension dimension = dimensions[random.nextInt(dimensions.length)];
        Period period = kind.period(today, random);
        long start = System.nanoTime();
        Report report = reports.compute(tenant, period, dimension);
        long took = System.nanoTime() - start;
        groups += report.groups().size();
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
