package org.tandem.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.TandemApplication;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * The outbox's send loop against a local fake of Slack's Web API and the Bot Connector that answers
 * 429 past the platforms' limits, counted as sliding windows where the request arrives: Slack 1
 * message a second per conversation and 300 a minute per workspace; Teams 7 a second and 60 in 30
 * seconds per conversation and 50 a second per tenant. One Slack workspace gets {@code slack}
 * messages (two for each person, and 100 more for one person), one Teams tenant {@code teams}
 * messages (five for each person, and 70 more for one person). It prints the 429s received, and
 * each platform's time from the start to its last message against the least those limits allow.
 *
 * <p>Run: {@code bench/run delivery [slack messages] [teams messages]}
 */
public final class DeliveryBenchmark {

  public static void main(String[] args) throws Exception {
    int slackMessages = args.length > 0 ? Integer.parseInt(args[0]) : 900;
    int teamsMessages = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    LimitedPlatforms fake = new LimitedPlatforms();
    HttpServer server = fake.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (ConfigurableApplicationContext tandem =
        new SpringApplicationBuilder(TandemApplication.class)
            .run(
                "--server.port=0",
                "--tandem.embedded-postgres.data-dir=",
                "--tandem.embedded-postgres.pool-size=20",
                "--tandem.demo.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                // The benchmark runs the send loop itself, with the default limits and lease.
                "--db-scheduler.enabled=false",
                "--tandem.notifications.quiet-hours=none",
                "--tandem.notifications.quiet-weekends=false",
                "--SLACK_SIGNING_SECRET=bench-secret",
                "--SLACK_BOT_TOKEN=xoxb-bench",
                "--SLACK_API_URL=" + base + "/api/",
                "--TEAMS_APP_ID=00000000-0000-0000-0000-00000000be0c",
                "--TEAMS_APP_PASSWORD=bench",
                "--TEAMS_TOKEN_URL=" + base + "/token",
                "--TEAMS_OPENID_METADATA_URL=" + base + "/openid")) {
      JdbcClient jdbc = tandem.getBean(JdbcClient.class);
      Tenants tenants = tandem.getBean(Tenants.class);
      TenantId slack = tenants.findOrCreate(Platform.SLACK, "T0BENCH", "Bench Slack", "LU").id();
      TenantId teams =
          tenants
              .findOrCreate(Platform.TEAMS, UUID.randomUUID().toString(), "Bench Teams", "LU")
              .id();
      int slackPeople = Math.max(1, (slackMessages - 100) / 2);
      int teamsPeople = Math.max(1, (teamsMessages - 70) / 5);
      List<Long> inSlack = people(jdbc, slack, slackPeople + 1);
      List<Long> inTeams = people(jdbc, teams, teamsPeople + 1);
      jdbc.sql(
              """
              insert into chat_identity (tenant_id, employee_id, kind, external_id)
              select tenant_id, id, 'SLACK', 'UB' || id from employee where tenant_id = ?""")
          .param(slack.value())
          .update();
      jdbc.sql(
              """
              insert into teams_conversation (tenant_id, conversation_id, service_url,
                                              conversation_type, employee_id)
              select tenant_id, 'a:bench-' || id, ?, 'personal', id
              from employee where tenant_id = ?""")
          .params(base + "/connector/", teams.value())
          .update();
      int written =
          enqueue(jdbc, slack, inSlack.subList(0, slackPeople), 2)
              + enqueue(jdbc, slack, inSlack.subList(slackPeople, slackPeople + 1), 100)
              + enqueue(jdbc, teams, inTeams.subList(0, teamsPeople), 5)
              + enqueue(jdbc, teams, inTeams.subList(teamsPeople, teamsPeople + 1), 70);
      System.out.printf("%d messages in the outbox%n", written);

      OutboxDispatcher dispatcher = tandem.getBean(OutboxDispatcher.class);
      long start = System.nanoTime();
      int sent = 0;
      while (sent < written && System.nanoTime() - start < Duration.ofMinutes(15).toNanos()) {
        int now = dispatcher.dispatch();
        sent += now;
        if (now == 0) {
          Thread.sleep(50);
        }
      }
      fake.report(start);
    } finally {
      server.stop(0);
    }
  }

  static List<Long> people(JdbcClient jdbc, TenantId tenant, int count) {
    return jdbc.sql(
            """
            insert into employee (tenant_id, display_name, locale)
            select ?, 'Person ' || g, 'en' from generate_series(1, ?) g returning id""")
        .params(tenant.value(), count)
        .query(Long.class)
        .list();
  }

  /** {@code each} messages for each person, as a job writes them (one per person in turn). */
  static int enqueue(JdbcClient jdbc, TenantId tenant, List<Long> people, int each) {
    return jdbc.sql(
            """
            insert into notification (tenant_id, employee_id, kind, dedupe_key, payload)
            select ?, p, 'RECONSENT', 'bench:' || p || ':' || k, 'SLACK|files:read'
            from generate_series(1, ?) k cross join unnest(?::bigint[]) p order by k, p""")
        .params(tenant.value(), each, people.toArray(new Long[0]))
        .update();
  }

  /** The fake: sliding windows where requests arrive, 429 with Retry-After: 1 past them. */
  static final class LimitedPlatforms {
    final Windows slack = new Windows();
    final Windows teams = new Windows();

    HttpServer start() throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", this::answer);
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
      server.start();
      return server;
    }

    private void answer(HttpExchange x) throws IOException {
      long at = System.nanoTime();
      String path = x.getRequestURI().getPath();
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.equals("/token")) {
        send(x, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"t\"}");
      } else if (path.equals("/openid")) {
        send(x, 200, "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\"/keys\"}");
      } else if (path.equals("/api/chat.postMessage")) {
        String channel = param(body, "channel");
        boolean ok =
            slack.request(at, new Rule("c:" + channel, 1, 1), new Rule("w:bench", 300, 60));
        send(x, ok ? 200 : 429, ok ? "{\"ok\":true}" : "{\"ok\":false,\"error\":\"ratelimited\"}");
      } else if (path.startsWith("/connector/v3/conversations/")) {
        String conversation = path.split("/")[4];
        boolean ok =
            teams.request(
                at,
                new Rule("c:" + conversation, 7, 1),
                new Rule("c30:" + conversation, 60, 30),
                new Rule("t:bench", 50, 1));
        send(x, ok ? 200 : 429, ok ? "{\"id\":\"1\"}" : "{\"error\":\"throttled\"}");
      } else {
        send(x, 200, "{\"ok\":true}");
      }
    }

    private static String param(String body, String name) {
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return "";
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "application/json");
      if (status == 429) {
        x.getResponseHeaders().add("Retry-After", "1");
      }
      x.sendResponseHeaders(status, bytes.length);
      x.getResponseBody().write(bytes);
      x.close();
    }

    void report(long start) {
      report("Slack", slack, start);
      report("Teams", teams, start);
    }

    private void report(String platform, Windows w, long start) {
      double took = (w.lastOk() - start) / 1e9;
      double least = w.least();
      System.out.printf(
          "%s: %d delivered, %d answered 429; last message after %.1f s, the limits allow %.1f s"
              + " at least (%+.1f %%)%n",
          platform, w.ok(), w.refused(), took, least, 100 * (took - least) / least);
    }
  }

  /** At most {@code count} requests for {@code key} in any {@code seconds}. */
  record Rule(String key, int count, int seconds) {}

  /** Sliding windows per key, and what they let through. */
  static final class Windows {
    private final java.util.Map<String, java.util.ArrayDeque<Long>> seen =
        new java.util.HashMap<>();
    private final java.util.Map<String, int[]> rules = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> delivered = new java.util.HashMap<>();
    private int ok;
    private int refused;
    private long lastOk;

    /**
     * One request, within every rule or refused (a refused request counts in the windows too, as
     * the platforms count it).
     */
    synchronized boolean request(long at, Rule... limits) {
      boolean fits = true;
      for (Rule r : limits) {
        rules.put(r.key(), new int[] {r.count(), r.seconds()});
        java.util.ArrayDeque<Long> log =
            seen.computeIfAbsent(r.key(), k -> new java.util.ArrayDeque<>());
        while (!log.isEmpty() && log.peekFirst() <= at - r.seconds() * 1_000_000_000L) {
          log.removeFirst();
        }
        fits &= log.size() < r.count();
        log.addLast(at);
      }
      if (fits) {
        ok++;
        lastOk = at;
        for (Rule r : limits) {
          delivered.merge(r.key(), 1, Integer::sum);
        }
      } else {
        refused++;
      }
      return fits;
    }

    synchronized int ok() {
      return ok;
    }

    synchronized int refused() {
      return refused;
    }

    synchronized long lastOk() {
      return lastOk;
    }

    /**
     * The least time the limits allow for what was delivered: for each key, n messages at most
     * {@code count} in any window need (ceil(n / count) - 1) windows.
     */
    synchronized double least() {
      double least = 0;
      for (var e : delivered.entrySet()) {
        int[] rule = rules.get(e.getKey());
        int windows = (e.getValue() + rule[0] - 1) / rule[0] - 1;
        least = Math.max(least, (double) windows * rule[1]);
      }
      return least;
    }
  }
}
