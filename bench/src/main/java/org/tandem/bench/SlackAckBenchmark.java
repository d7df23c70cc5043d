package org.tandem.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.TandemApplication;
import org.tandem.core.tenants.TenantId;

/**
 * Signed {@code /tandem missions} requests against the running Tandem (embedded PostgreSQL, 100,000
 * missions): time to acknowledge at a steady 200 requests per second, then the most requests per
 * second, compared with a bare Bolt app that only acknowledges a signed slash command, on the same
 * machine in the same run. Slack's Web API and response URLs are a local fake.
 *
 * <p>Run: {@code bench/run slack [rate] [seconds] [missions]}
 */
public final class SlackAckBenchmark {

  static final String SECRET = "bench-signing-secret";

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int missions = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    HttpServer fake = fakeSlack();
    String api = "http://127.0.0.1:" + fake.getAddress().getPort() + "/api/";
    String responseUrl = "http://127.0.0.1:" + fake.getAddress().getPort() + "/response/bench";
    try (ConfigurableApplicationContext tandem =
        new SpringApplicationBuilder(TandemApplication.class)
            .run(
                "--server.port=0",
                "--tandem.embedded-postgres.data-dir=",
                "--tandem.embedded-postgres.shared-buffers=1GB",
                "--tandem.embedded-postgres.pool-size=20",
                "--tandem.demo.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                "--SLACK_SIGNING_SECRET=" + SECRET,
                "--SLACK_BOT_TOKEN=xoxb-bench",
                "--SLACK_API_URL=" + api)) {
      JdbcClient jdbc = tandem.getBean(JdbcClient.class);
      BenchData data = new BenchData(jdbc);
      TenantId tenant = data.tenantWithMissions("T0BENCH", missions);
      data.employees(tenant, 500);
      jdbc.sql(
              """
              insert into chat_identity (tenant_id, employee_id, kind, external_id)
              select tenant_id, id, 'SLACK', 'UB' || id from employee where tenant_id = ?""")
          .param(tenant.value())
          .update();
      List<String> users =
          jdbc.sql("select external_id from chat_identity where tenant_id = ? and kind = 'SLACK'")
              .param(tenant.value())
              .query(String.class)
              .list();
      jdbc.sql("vacuum analyze").update();
      int tandemPort = tandem.getEnvironment().getProperty("local.server.port", Integer.class);
      Tomcat bare = bareBolt(api);
      int barePort = bare.getConnector().getLocalPort();
      String tandemUrl = "http://127.0.0.1:" + tandemPort + "/slack/events";
      String bareUrl = "http://127.0.0.1:" + barePort + "/slack/events";

      System.out.printf(
          "Slack ack benchmark: signed /tandem missions, %,d missions, %d Slack users, 2 cores%n",
          missions, users.size());
      steady("bare Bolt (ack only)", bareUrl, users, responseUrl, rate, 5);
      steady("Tandem", tandemUrl, users, responseUrl, rate, 5);
      drain(jdbc);
      // Each measurement starts with Tandem's work after the ack finished: what one app left
      // running must not slow the other down.
      Result b = steady("bare Bolt (ack only)", bareUrl, users, responseUrl, rate, seconds);
      Result t = steady("Tandem", tandemUrl, users, responseUrl, rate, seconds);
      drain(jdbc);
      double bMax = saturate("bare Bolt (ack only)", bareUrl, users, responseUrl, 32, 15);
      double tMax = saturate("Tandem", tandemUrl, users, responseUrl, 32, 15);
      System.out.printf(
          "  at %d req/s: Tandem ack p99 %.1f ms (target <= 100 ms), bare Bolt p99 %.1f ms; max throughput Tandem %.0f req/s = %.0f%% of bare Bolt's %.0f req/s (target >= 70%%)%n",
          rate, t.p99(), b.p99(), tMax, 100 * tMax / bMax, bMax);
      bare.stop();
      bare.destroy();
    } finally {
      fake.stop(0);
    }
    System.exit(0);
  }

  record Result(double p50, double p95, double p99, int errors) {}

  /** Waits until Tandem has answered everything it acknowledged: its inbox has nothing left. */
  static void drain(JdbcClient jdbc) throws InterruptedException {
    long start = System.nanoTime();
    while (jdbc.sql("select count(*) from inbox where status in ('NEW', 'ANSWERED')")
            .query(Long.class)
            .single()
        > 0) {
      Thread.sleep(100);
    }
    System.out.printf(
        "  (Tandem's work after the ack drained in %.1f s)%n", (System.nanoTime() - start) / 1e9);
  }

  /** An open-loop load: one request every 1/rate s, whatever the answers do. */
  static Result steady(
      String name, String url, List<String> users, String responseUrl, int rate, int seconds)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
    int total = rate * seconds;
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      HttpRequest request = signed(url, users.get(i % users.size()), responseUrl, i);
      long sent = System.nanoTime();
      pending.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (r, e) -> {
                    latencies.add(System.nanoTime() - sent);
                    if (e != null || r.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .get(120, TimeUnit.SECONDS);
    long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
    Percentiles p = Percentiles.of(nanos);
    System.out.printf(
        "  %-22s %d req/s for %d s: ack %s, %d errors%n", name, rate, seconds, p, errors.get());
    return new Result(p.p50(), p.p95(), p.p99(), errors.get());
  }

  /** A closed loop: {@code clients} senders, each sending as soon as its last answer came. */
  static double saturate(
      String name, String url, List<String> users, String responseUrl, int clients, int seconds)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    AtomicLong done = new AtomicLong();
    AtomicInteger seq = new AtomicInteger();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < deadline) {
              int i = seq.incrementAndGet();
              try {
                HttpResponse<Void> r =
                    http.send(
                        signed(url, users.get(i % users.size()), responseUrl, i),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                  done.incrementAndGet();
                }
              } catch (Exception e) {
                return;
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
    double perSecond = done.get() / ((System.nanoTime() - start) / 1e9);
    System.out.printf(
        "  %-22s %d clients for %d s: %.0f req/s%n", name, clients, seconds, perSecond);
    return perSecond;
  }

  static HttpRequest signed(String url, String user, String responseUrl, int i) {
    String body =
        "token=x&team_id=T0BENCH&team_domain=bench&channel_id=C1&channel_name=general&user_id="
            + user
            + "&user_name=u&command=%2Ftandem&text=missions&response_url="
            + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8)
            + "&trigger_id=bench."
            + i
            + "."
            + System.nanoTime();
    String ts = Long.toString(Instant.now().getEpochSecond());
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", sign(ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static String sign(String ts, String body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0="
          + java.util.HexFormat.of()
              .formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The baseline: Bolt on plain Tomcat, acknowledging a signed slash command and nothing more. */
  static Tomcat bareBolt(String api) throws Exception {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(api);
    config.setStatsEnabled(false);
    App app =
        new App(
            AppConfig.builder()
                .slack(Slack.getInstance(config))
                .signingSecret(SECRET)
                .singleTeamBotToken("xoxb-bare")
                .build());
    app.command("/tandem", (req, ctx) -> ctx.ack());
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(java.nio.file.Files.createTempDirectory("bare-bolt").toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "slack", new SlackAppServlet(app));
    context.addServletMapping("/slack/events", "slack");
    tomcat.getConnector();
    tomcat.start();
    return tomcat;
  }

  /** Slack's Web API and response URLs, answering ok to everything. */
  static HttpServer fakeSlack() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String path = exchange.getRequestURI().getPath();
          byte[] json =
              (path.endsWith("auth.test")
                      ? "{\"ok\":true,\"team_id\":\"T0BENCH\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\",\"team\":\"bench\",\"url\":\"https://bench.slack.com/\"}"
                      : "{\"ok\":true}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, json.length);
          exchange.getResponseBody().write(json);
          exchange.close();
        });
    server.start();
    return server;
  }

  private SlackAckBenchmark() {}
}
