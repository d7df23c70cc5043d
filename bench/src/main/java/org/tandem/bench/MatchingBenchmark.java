package org.tandem.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.matching.MatchQuery;
import org.tandem.core.matching.Matching;
import org.tandem.core.tenants.TenantId;

/**
 * Top-10 matching for one employee among 10k, 100k and 1M open missions, each size in its own
 * tenant of one database. Missions sit on the gazetteer's real places (with a little jitter), a
 * third of them remote or hybrid, with 1 to 4 skills of the taxonomy.
 *
 * <p>Run: {@code bench/run matching [sizes...]}
 */
public final class MatchingBenchmark {

  private static final int WARMUP = 300;
  private static final int MEASURED = 2000;

  public static void main(String[] args) throws Exception {
    run(args);
    // exec:java runs inside Maven's JVM: exit, so the embedded PostgreSQL's shutdown hook runs.
    System.exit(0);
  }

  static void run(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    List<String> springArgs = new ArrayList<>();
    boolean explain = false;
    for (String a : args) {
      if (a.startsWith("--")) {
        springArgs.add(a);
      } else if (a.equals("explain")) {
        explain = true;
      } else {
        sizes.add(Integer.parseInt(a.replace("k", "000").replace("M", "000000")));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10_000, 100_000, 1_000_000);
    }
    try (ConfigurableApplicationContext ctx =
        BenchApplication.start(springArgs.toArray(String[]::new))) {
      JdbcClient jdbc = ctx.getBean(JdbcClient.class);
      Matching matching = ctx.getBean(Matching.class);
      BenchData data = new BenchData(jdbc);
      System.out.printf(
          "Matching benchmark: top-10 for one employee, %d warm-up then %d measured queries%n",
          WARMUP, MEASURED);
      for (int size : sizes) {
        long t0 = System.nanoTime();
        TenantId tenant = data.existing("match-" + size).orElse(null);
        List<Long> employees;
        if (tenant == null) {
          tenant = data.tenantWithMissions("match-" + size, size);
          employees = data.employees(tenant, 500);
          jdbc.sql("vacuum analyze").update();
          System.out.printf(
              "  %,d missions loaded in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
        } else {
          employees =
              jdbc.sql("select id from employee where tenant_id = ? order by id")
                  .param(tenant.value())
                  .query(Long.class)
                  .list();
        }
        if (explain) {
          System.out.println(matching.explain(tenant, employees.get(0), MatchQuery.profileOnly()));
        }
        Random random = new Random(42);
        for (int i = 0; i < WARMUP; i++) {
          matching.propose(
              tenant,
              employees.get(random.nextInt(employees.size())),
              MatchQuery.profileOnly(),
              10,
              0);
        }
        long[] nanos = new long[MEASURED];
        int found = 0;
        for (int i = 0; i < MEASURED; i++) {
          long employee = employees.get(random.nextInt(employees.size()));
          long start = System.nanoTime();
          found += matching.propose(tenant, employee, MatchQuery.profileOnly(), 10, 0).size();
          nanos[i] = System.nanoTime() - start;
        }
        System.out.printf(
            "  %,9d missions: %s; %.1f proposals per query%n",
            size, Percentiles.of(nanos), found / (double) MEASURED);
      }
    }
  }

  private MatchingBenchmark() {}
}
