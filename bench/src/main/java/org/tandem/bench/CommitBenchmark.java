package org.tandem.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.tenants.TenantId;

/**
 * Sustained commits per second: {@code threads} workers commit random employees to random missions
 * of 10 seats for {@code seconds}, then the seat rule is checked on every mission: never more seat
 * holders than capacity, seats_taken equal to the seat holders, a waiting list only on a full
 * mission, one live commitment per person and mission.
 *
 * <p>Run: {@code bench/run commits [seconds] [threads] [missions]}
 */
public final class CommitBenchmark {

  public static void main(String[] args) throws Exception {
    run(args);
    // exec:java runs inside Maven's JVM: exit, so the embedded PostgreSQL's shutdown hook runs.
    System.exit(0);
  }

  static void run(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int missionCount = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    try (ConfigurableApplicationContext ctx = BenchApplication.start()) {
      JdbcClient jdbc = ctx.getBean(JdbcClient.class);
      Commitments commitments = ctx.getBean(Commitments.class);
      BenchData data = new BenchData(jdbc);
      TenantId tenant = data.tenantWithMissions("commit-" + System.nanoTime(), missionCount);
      jdbc.sql("update mission set status = 'OPEN' where tenant_id = ?")
          .param(tenant.value())
          .update();
      List<Long> missions =
          jdbc.sql("select id from mission where tenant_id = ?")
              .param(tenant.value())
              .query(Long.class)
              .list();
      List<Long> employees = data.employees(tenant, 5000);
      jdbc.sql("vacuum analyze").update();

      AtomicLong done = new AtomicLong();
      AtomicLong refused = new AtomicLong();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        pool.submit(
            () -> {
              ThreadLocalRandom r = ThreadLocalRandom.current();
              while (System.nanoTime() < deadline) {
                long e = employees.get(r.nextInt(employees.size()));
                long m = missions.get(r.nextInt(missions.size()));
                if (commitments.commit(tenant, e, m, false).isDone()) {
                  done.incrementAndGet();
                } else {
                  refused.incrementAndGet();
                }
              }
            });
      }
      pool.shutdown();
      pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
      double elapsed = (System.nanoTime() - start) / 1e9;
      long made =
          jdbc.sql("select count(*) from commitment where tenant_id = ?")
              .param(tenant.value())
              .query(Long.class)
              .single();
      System.out.printf(
          "Commit benchmark: %d threads, %d missions of 10 seats, %d employees, %.1f s%n",
          threads, missionCount, employees.size(), elapsed);
      System.out.printf(
          "  %,d commit requests answered (%,d refused), %,.0f per second; %,d commitments written (repeats find the existing one)%n",
          done.get() + refused.get(), refused.get(), (done.get() + refused.get()) / elapsed, made);
      int broken =
          jdbc.sql(
                  """
                  select count(*) from mission m
                  left join lateral (
                    select count(*) filter (where status in ('CONFIRMED', 'PENDING_APPROVAL', 'COMPLETED')) as holders,
                           count(*) filter (where status = 'WAITLISTED') as waiting
                    from commitment c where c.tenant_id = m.tenant_id and c.mission_id = m.id) c on true
                  where m.tenant_id = ?
                    and (c.holders > m.capacity or c.holders <> m.seats_taken
                         or (c.waiting > 0 and c.holders < m.capacity)
                         or (m.status = 'FULL') <> (m.seats_taken = m.capacity))""")
              .param(tenant.value())
              .query(Integer.class)
              .single();
      int duplicates =
          jdbc.sql(
                  """
                  select count(*) from (select 1 from commitment where tenant_id = ? and status <> 'CANCELLED'
                                        group by mission_id, employee_id having count(*) > 1) d""")
              .param(tenant.value())
              .query(Integer.class)
              .single();
      System.out.printf(
          "  seat rule: %d missions broken, %d duplicate live commitments%n", broken, duplicates);
      if (broken > 0 || duplicates > 0) {
        System.exit(1);
      }
    }
  }

  private CommitBenchmark() {}
}
