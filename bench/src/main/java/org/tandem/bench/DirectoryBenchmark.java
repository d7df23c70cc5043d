package org.tandem.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.conversation.directory.DirectoryFile;
import org.tandem.core.people.Directory;
import org.tandem.core.people.DirectoryPlan;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A directory file of {@code rows} people (default 100,000: 20 sites, 15 departments, LU/FR/DE/BE,
 * a management tree of 8 reports per manager, UTF-8 CSV of about 9 MB) shared by the admin of a
 * company created by an install: read, previewed (planned and stored) and confirmed (applied in one
 * transaction), each step timed; then the same file again, which must change nothing.
 *
 * <p>Run: {@code bench/run directory [rows]}
 */
public final class DirectoryBenchmark {

  public static void main(String[] args) throws Exception {
    run(args);
    System.exit(0);
  }

  static byte[] file(int rows) {
    String[] countries = {"LU", "FR", "DE", "BE"};
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 100);
    StringBuilder b = new StringBuilder("email,name,site,department,country,manager email\n");
    for (int i = 0; i < rows; i++) {
      String manager = i == 0 ? "" : "person" + ((i - 1) / 8) + "@bench.example";
      b.append("person")
          .append(i)
          .append("@bench.example,Person Number ")
          .append(i)
          .append(",Site ")
          .append(i % 20)
          .append(",Department ")
          .append(i % 15)
          .append(',')
          .append(countries[i % 4])
          .append(',')
          .append(manager)
          .append('\n');
      if (b.length() > 1 << 16) {
        out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        b.setLength(0);
      }
    }
    out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static void run(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    try (ConfigurableApplicationContext ctx = BenchApplication.start()) {
      Tenants tenants = ctx.getBean(Tenants.class);
      People people = ctx.getBean(People.class);
      Directory directory = ctx.getBean(Directory.class);
      JdbcClient jdbc = ctx.getBean(JdbcClient.class);
      TenantId tenant =
          tenants.findOrCreate(Platform.SLACK, "TBENCH" + System.nanoTime(), "Bench SA", "LU").id();
      Employee admin =
          people.enrol(
              tenant,
              IdentityKind.SLACK,
              "UADMIN",
              new NewPerson("Bench Admin", null, Locale.ENGLISH, ZoneId.of("Europe/Luxembourg")));
      people.installedBy(tenant, admin.id());
      byte[] csv = file(rows);
      System.out.printf("Directory benchmark: %,d rows, %.1f MB of CSV%n", rows, csv.length / 1e6);
      for (String pass : new String[] {"first import", "same file again"}) {
        long t0 = System.nanoTime();
        DirectoryFile.Read read = DirectoryFile.read("bench.csv", csv);
        long t1 = System.nanoTime();
        DirectoryPlan plan =
            directory.preview(tenant, admin.id(), "bench.csv", read.rows()).value();
        long t2 = System.nanoTime();
        DirectoryPlan done = directory.confirm(tenant, admin.id(), plan.id()).value();
        long t3 = System.nanoTime();
        System.out.printf(
            "%s: read %.2f s, preview %.2f s (%,d to add, %,d to update, %,d unchanged, %,d"
                + " errors), confirm %.2f s (%,d added, %,d updated); total %.2f s%n",
            pass,
            (t1 - t0) / 1e9,
            (t2 - t1) / 1e9,
            plan.toAdd(),
            plan.toUpdate(),
            plan.unchanged(),
            plan.errors().size(),
            (t3 - t2) / 1e9,
            done.toAdd(),
            done.toUpdate(),
            (t3 - t0) / 1e9);
      }
      long managed =
          jdbc.sql("select count(*) from employee where tenant_id = ? and manager_id is not null")
              .param(tenant.value())
              .query(Long.class)
              .single();
      System.out.printf("people with a manager: %,d of %,d%n", managed, rows);
    }
  }
}
