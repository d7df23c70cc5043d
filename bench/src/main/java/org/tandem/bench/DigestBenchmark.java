package org.tandem.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.digest.Digests;
import org.tandem.core.tenants.TenantId;

/**
 * The weekly digest for 100,000 subscribers across 50 companies: each company has a catalogue of
 * older missions and a week of new ones; its employees (2,000 each by default) are in Luxembourg,
 * New York and Kolkata, all subscribed for Monday, and the run is on Monday at 14:00 UTC (08:00 or
 * later in all three). Measured: one {@link Digests#enqueueDue} call, that is finding who is due,
 * matching them to the week's new missions and filling the outbox; then a second run, which finds
 * everyone done.
 *
 * <p>Run: {@code bench/run digest [companies] [employees per company] [new missions per company]}
 */
public final class DigestBenchmark {

  /** A Monday: 15:00 in Luxembourg, 09:00 in New York, 19:30 in Kolkata. */
  static final Instant NOW = Instant.parse("2031-03-03T14:00:00Z");

  static final int CATALOGUE = 2_000;

  public static void main(String[] args) throws Exception {
    run(args);
    // exec:java runs inside Maven's JVM: exit, so the embedded PostgreSQL's shutdown hook runs.
    System.exit(0);
  }

  static void run(String[] args) {
    List<Integer> numbers = new ArrayList<>();
    List<String> springArgs = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--")) {
        springArgs.add(a);
      } else {
        numbers.add(Integer.parseInt(a.replace("k", "000")));
      }
    }
    int companies = numbers.size() > 0 ? numbers.get(0) : 50;
    int people = numbers.size() > 1 ? numbers.get(1) : 2_000;
    int fresh = numbers.size() > 2 ? numbers.get(2) : 50;
    try (ConfigurableApplicationContext ctx =
        BenchApplication.start(springArgs.toArray(String[]::new))) {
      JdbcClient jdbc = ctx.getBean(JdbcClient.class);
      Digests digests = ctx.getBean(Digests.class);
      BenchData data = new BenchData(jdbc);
      long t0 = System.nanoTime();
      for (int c = 0; c < companies; c++) {
        String name = "digest-" + c;
        if (data.existing(name).isPresent()) {
          continue;
        }
        TenantId tenant = data.tenantWithMissions(name, CATALOGUE + fresh);
        // The catalogue was published a month ago; the last missions, during the past week.
        jdbc.sql(
                """
                update mission set published_at = case
                    when id > (select max(id) from mission where tenant_id = :t) - :fresh
                      then cast(:now as timestamptz) - random() * interval '6 days 23 hours'
                    else cast(:now as timestamptz) - interval '30 days' end
                where tenant_id = :t""")
            .param("t", tenant.value())
            .param("fresh", fresh)
            .param("now", java.time.OffsetDateTime.ofInstant(NOW, java.time.ZoneOffset.UTC))
            .update();
        data.employees(tenant, people);
        jdbc.sql(
                """
                update employee set digest_day = 1,
                  time_zone = (array['Europe/Luxembourg', 'America/New_York', 'Asia/Kolkata'])
                              [1 + id % 3]
                where tenant_id = ?""")
            .param(tenant.value())
            .update();
        // Some have already said "not for me" to a new mission, or committed to one.
        jdbc.sql(
                """
                insert into mission_dismissal (tenant_id, employee_id, mission_id)
                select e.tenant_id, e.id, m.id from employee e
                join lateral (select id from mission where tenant_id = e.tenant_id
                              order by id desc limit 1 offset e.id % 5) m on true
                where e.tenant_id = ? and e.id % 10 = 0""")
            .param(tenant.value())
            .update();
      }
      jdbc.sql("vacuum analyze").update();
      System.out.printf(
          "Digest benchmark: %d companies x %,d subscribers, %d new missions each among %,d"
              + " (data ready in %.1f s)%n",
          companies, people, fresh, CATALOGUE + fresh, (System.nanoTime() - t0) / 1e9);

      long start = System.nanoTime();
      Digests.Run run = digests.enqueueDue(NOW);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "  first run: %,d subscribers worked out, %,d digests written in %.1f s%n",
          run.checked(), run.written(), seconds);
      jdbc.sql(
              """
              select cardinality(string_to_array(payload, ',')) as n, count(*) from notification
              where kind = 'WEEKLY_DIGEST' group by 1 order by 1""")
          .query((rs, n) -> String.format("%d mission(s): %,d", rs.getInt(1), rs.getLong(2)))
          .list()
          .forEach(line -> System.out.println("    digests with " + line));
      start = System.nanoTime();
      Digests.Run again = digests.enqueueDue(NOW.plusSeconds(3600));
      System.out.printf(
          "  second run an hour later: %,d worked out, %,d written in %.1f s%n",
          again.checked(), again.written(), (System.nanoTime() - start) / 1e9);
    }
  }

  private DigestBenchmark() {}
}
