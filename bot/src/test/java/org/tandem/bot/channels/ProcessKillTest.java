package org.tandem.bot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.security.TokenCipher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackRequests;
import org.tandem.core.missions.Mission;
import org.tandem.core.notifications.FirstWorkingDay;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * The scenarios: Commit clicks acknowledged to Slack, then the process killed with SIGKILL
 * ({@code destroyForcibly}) while it also posts a monthly report; after a restart every
 * acknowledged click is in the database, once, and the report is finished without being posted a
 * second time (its outbox task and message taken over within seconds, as configured here). Tandem
 * runs as a child JVM on a PostgreSQL this test starts; this test's own context (no Slack, no
 * Teams: its workers take nothing) only prepares the data and reads the result.
 */
@BotTest
class ProcessKillTest {

  static final int CLICKS = 120;
  static final String SECRET = "kill-secret";
  static final String TEAM = "T0KILL";
  static final String KEY = TokenCipher.newKey();
  static final FakeSlackApi slack = new FakeSlackApi();
  static final EmbeddedPostgres postgres = start();

  static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String url() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ProcessKillTest::url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("TANDEM_ENCRYPTION_KEY", () -> KEY);
    // This context only prepares and reads: the children run the scheduled tasks (the outbox).
    registry.add("db-scheduler.enabled", () -> "false");
  }

  @AfterAll
  static void stop() throws IOException {
    slack.close();
    postgres.close();
  }

  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired Notifications notifications;
  final HttpClient http = HttpClient.newHttpClient();

  /** Tandem as its own process, as in production, on the test's PostgreSQL and fake Slack. */
  Process tandem(int port, String name) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx384m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.tandem.bot.TandemApplication",
            "--server.port=" + port,
            "--spring.datasource.url=" + url(),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--spring.main.banner-mode=off",
            // A dead instance's requests are taken over 2 s after they were leased.
            "--tandem.inbox.lease=PT2S",
            "--tandem.inbox.poll=PT0.5S",
            // A dead instance's outbox task is declared dead after 6 missed 2 s heartbeats, and
            // the message it was sending is taken over once its 5 s lease has passed.
            "--db-scheduler.heartbeat-interval=2s",
            "--db-scheduler.polling-interval=1s",
            "--tandem.outbox.every=PT1S",
            "--tandem.outbox.lease=PT5S",
            // Sent whatever the hour the test runs at, as in BotTest.
            "--tandem.notifications.quiet-hours=none",
            "--tandem.notifications.quiet-weekends=false",
            "--tandem.http.read-timeout=PT60S");
    pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
    pb.environment().put("SLACK_BOT_TOKEN", "xoxb-kill");
    pb.environment().put("SLACK_API_URL", slack.apiUrl());
    pb.environment().put("TANDEM_ENCRYPTION_KEY", KEY);
    pb.redirectErrorStream(true);
    pb.redirectOutput(new File("target/process-kill-" + name + ".log"));
    Process p = pb.start();
    for (int i = 0; i < 1800; i++) {
      if (!p.isAlive()) {
        throw new AssertionError(
            "Tandem " + name + " exited; see target/process-kill-" + name + ".log");
      }
      try {
        var r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return p;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("Tandem " + name + " did not start");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int click(SlackRequests requests, String user, long missionId) throws Exception {
    Map<String, String> data = Map.of("missionId", Long.toString(missionId));
    return requests
        .interaction(requests.blockAction(TEAM, user, "mission.commit#0", data, "k-" + user))
        .statusCode();
  }

  boolean reportSent(Employee manager) {
    return jdbc.sql(
                "select count(*) from notification where employee_id = ? and sent_at is not null")
            .param(manager.id())
            .query(Integer.class)
            .single()
        == 1;
  }

  int commitments(long missionId) {
    return jdbc.sql("select count(distinct employee_id) from commitment where mission_id = ?")
        .param(missionId)
        .query(Integer.class)
        .single();
  }

  @Test
  void
      everyClickAcknowledgedBeforeAKillIsInTheDatabaseAfterTheRestartAndTheReportInFlightIsSentOnce()
          throws Exception {
    TenantId tenant = tenants.findOrCreate(Platform.SLACK, TEAM, "kill", "LU").id();
    // A manager's monthly report is due: the first instance will be posting it when it is killed.
    String boss = "U0BOSS" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
    Employee manager =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            boss,
            new NewPerson("Martine Wagner", null, Locale.ENGLISH, Fixtures.LUXEMBOURG));
    people.bootstrap(tenant, manager.id(), Role.CSR_MANAGER);
    notifications.enqueueMonthlyReports(
        FirstWorkingDay.of(LocalDate.now(Fixtures.LUXEMBOURG))
            .atTime(9, 0)
            .atZone(Fixtures.LUXEMBOURG)
            .toInstant());
    slack.hang("chat.postMessage", Duration.ofSeconds(20));
    Mission mission = fixtures.workshopInEsch(tenant, CLICKS + 10);
    var profile = fixtures.accountantInDifferdange(tenant).profile();
    List<String> users = new ArrayList<>();
    for (int i = 0; i < CLICKS; i++) {
      String user =
          "U0K" + i + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
      Employee e =
          people.enrol(
              tenant,
              IdentityKind.SLACK,
              user,
              new NewPerson("Person " + i, null, Locale.ENGLISH, Fixtures.LUXEMBOURG));
      people.updateProfile(tenant, e.id(), profile);
      users.add(user);
    }

    int port = freePort();
    Process first = tandem(port, "first");
    SlackRequests requests = new SlackRequests(port, SECRET, slack);
    ExecutorService clients = Executors.newFixedThreadPool(16);
    List<Future<Integer>> acks = new ArrayList<>();
    try {
      for (String user : users) {
        acks.add(clients.submit(() -> click(requests, user, mission.id())));
      }
      for (Future<Integer> ack : acks) {
        assertThat(ack.get()).as("every click acknowledged").isEqualTo(200);
      }
      slack.await("chat.postMessage", c -> boss.equals(c.param("channel")));
    } finally {
      first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful stop
      first.waitFor(30, TimeUnit.SECONDS);
      clients.shutdown();
    }
    int beforeRestart = commitments(mission.id());
    slack.hang("chat.postMessage", Duration.ZERO);

    Process second = tandem(freePort(), "second");
    try {
      for (int i = 0; i < 1200 && commitments(mission.id()) < CLICKS; i++) {
        sleep(50);
      }
      assertThat(commitments(mission.id()))
          .as("%d committed before the kill", beforeRestart)
          .isEqualTo(CLICKS);
      assertThat(
              jdbc.sql("select count(*) from commitment where mission_id = ?")
                  .param(mission.id())
                  .query(Integer.class)
                  .single())
          .as("each once")
          .isEqualTo(CLICKS);
      for (int i = 0; i < 400; i++) {
        if (jdbc.sql("select count(*) from inbox where status in ('NEW', 'ANSWERED')")
                .query(Integer.class)
                .single()
            == 0) {
          break;
        }
        sleep(50);
      }
      assertThat(
              jdbc.sql("select count(*) from inbox where team = ? and status = 'DONE'")
                  .param(TEAM)
                  .query(Integer.class)
                  .single())
          .as("every acknowledged click answered")
          .isEqualTo(CLICKS);
      // The report in flight: taken over, its message found in the conversation, not posted again.
      for (int i = 0; i < 1200 && !reportSent(manager); i++) {
        sleep(50);
      }
      assertThat(reportSent(manager)).as("the report taken over and finished").isTrue();
      assertThat(
              slack.calls("chat.postMessage").stream().filter(c -> boss.equals(c.param("channel"))))
          .as("the report's message posted once")
          .hasSize(1);
      assertThat(slack.calls("files.completeUploadExternal")).isNotEmpty();
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
