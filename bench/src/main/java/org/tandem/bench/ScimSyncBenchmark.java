package org.tandem.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tandem.bot.TandemApplication;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.people.ProvisioningTokens;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A first SCIM sync as Microsoft Entra ID runs it, against the running Tandem (embedded PostgreSQL,
 * a company made by an install): for each user, "Get User by query" ({@code GET
 * /Users?filter=userName eq "..."}, no match) then one {@code POST /Users} with the user's name,
 * email, department, work address (site and country) and, once some users exist, a manager among
 * them; {@code clients} such pairs at once, as the provisioning service does. Prints the users and
 * requests per second and the POST latencies.
 *
 * <p>Run: {@code bench/run scim [users] [clients]} (default 100,000 users, 4 clients)
 */
public final class ScimSyncBenchmark {

  static final String[] SITES = {"Esch-sur-Alzette", "Belval", "Luxembourg", "Metz", "Arlon"};
  static final String[] DEPARTMENTS = {"Finance", "IT", "Sales", "HR", "Legal", "Operations"};
  static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    try (ConfigurableApplicationContext tandem =
        new SpringApplicationBuilder(TandemApplication.class)
            .run(
                "--server.port=0",
                "--tandem.embedded-postgres.data-dir=",
                "--tandem.embedded-postgres.shared-buffers=1GB",
                "--tandem.embedded-postgres.pool-size=20",
                "--tandem.demo.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn")) {
      TenantId company =
          tandem
              .getBean(Tenants.class)
              .findOrCreate(Platform.SLACK, "T0SCIMBENCH", "Bench Co", "LU")
              .id();
      People people = tandem.getBean(People.class);
      Employee admin =
          people.enrol(
              company,
              IdentityKind.SLACK,
              "U0ADMIN",
              new NewPerson("Admin", "admin@bench.example", Locale.ENGLISH, ZoneId.of("UTC")));
      people.installedBy(company, admin.id());
      String token = tandem.getBean(ProvisioningTokens.class).issue(company, admin.id()).value();
      int port = tandem.getEnvironment().getProperty("local.server.port", Integer.class);
      String base = "http://127.0.0.1:" + port + "/scim/v2";

      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .executor(Executors.newFixedThreadPool(clients))
              .build();
      // A few hundred first, unmeasured: the JIT and the connection pools warm up.
      int warmup = Math.min(500, users / 10);
      run(http, base, token, 0, warmup, clients, new CopyOnWriteArrayList<>(), false);
      List<String> ids = new CopyOnWriteArrayList<>();
      System.out.printf(
          "SCIM first sync: %,d users, %d concurrent clients, GET filter + POST each, 2 cores%n",
          users, clients);
      long start = System.nanoTime();
      Result r = run(http, base, token, warmup, users, clients, ids, true);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "  %,d users in %.1f s: %.0f users/s, %.0f requests/s (target >= 50 requests/s);"
              + " %d errors%n",
          users, seconds, users / seconds, 2 * users / seconds, r.errors());
      System.out.printf("  POST /Users %s%n", r.posts());
      System.out.printf("  GET /Users?filter %s%n", r.gets());
    }
    System.exit(0);
  }

  record Result(Percentiles posts, Percentiles gets, int errors) {}

  static Result run(
      HttpClient http,
      String base,
      String token,
      int from,
      int count,
      int clients,
      List<String> ids,
      boolean measured)
      throws InterruptedException {
    ConcurrentLinkedQueue<Long> posts = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> gets = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger errors = new AtomicInteger();
    int end = from + count;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
              try {
                String userName = "user" + i + "@bench.example";
                long t0 = System.nanoTime();
                HttpResponse<String> found =
                    http.send(
                        request(base + "/Users?filter=" + filter(userName), token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                gets.add(System.nanoTime() - t0);
                if (found.statusCode() != 200 || !found.body().contains("\"totalResults\":0")) {
                  errors.incrementAndGet();
                  continue;
                }
                String manager =
                    ids.size() < 50
                        ? null
                        : ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                long t1 = System.nanoTime();
                HttpResponse<String> created =
                    http.send(
                        request(base + "/Users", token)
                            .header("Content-Type", "application/scim+json")
                            .POST(HttpRequest.BodyPublishers.ofString(user(i, userName, manager)))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                posts.add(System.nanoTime() - t1);
                Matcher m = ID.matcher(created.body());
                if (created.statusCode() != 201 || !m.find()) {
                  errors.incrementAndGet();
                } else if (measured && ids.size() < 5_000) {
                  ids.add(m.group(1));
                }
              } catch (Exception e) {
                errors.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(3, TimeUnit.HOURS);
    return new Result(
        Percentiles.of(posts.stream().mapToLong(Long::longValue).toArray()),
        Percentiles.of(gets.stream().mapToLong(Long::longValue).toArray()),
        errors.get());
  }

  static HttpRequest.Builder request(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/scim+json");
  }

  static String filter(String userName) {
    return URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
  }

  /** Entra ID's "Create User" body, with the enterprise extension and a work address. */
  static String user(int i, String userName, String manager) {
    String enterprise =
        manager == null
            ? "{\"department\": \"%s\"}".formatted(DEPARTMENTS[i % DEPARTMENTS.length])
            : "{\"department\": \"%s\", \"manager\": {\"value\": \"%s\"}}"
                .formatted(DEPARTMENTS[i % DEPARTMENTS.length], manager);
    return """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId": "ext-%d", "userName": "%s", "active": true,
         "emails": [{"primary": true, "type": "work", "value": "%s"}],
         "meta": {"resourceType": "User"},
         "name": {"formatted": "Given%d Family%d", "familyName": "Family%d", "givenName": "Given%d"},
         "addresses": [{"type": "work", "locality": "%s", "country": "%s"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": %s,
         "roles": []}"""
        .formatted(
            i,
            userName,
            userName,
            i,
            i,
            i,
            i,
            SITES[i % SITES.length],
            i % SITES.length == 3 ? "FR" : i % SITES.length == 4 ? "BE" : "LU",
            enterprise);
  }
}
