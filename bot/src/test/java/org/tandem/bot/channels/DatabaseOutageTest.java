package org.tandem.bot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.security.TokenCipher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.CuttableProxy;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackRequests;

/**
 * PostgreSQL stopped, then started again, under a running Tandem: a proxy between them is cut. A
 * request that cannot be stored is answered at once and politely; health says DOWN within the short
 * database wait set here; a request acknowledged before the outage is answered once the database is
 * back; a Teams message refused with 503 during the outage is answered when Teams delivers it
 * again.
 */
@BotTest
class DatabaseOutageTest {

  static final String SECRET = "outage-secret";
  static final String TEAM = "T0OUTAGE";
  static final FakeSlackApi slack = new FakeSlackApi();
  static final String TEAMS_APP = "00000000-0000-0000-0000-0000000047a6";
  static final FakeBotConnector teams = new FakeBotConnector();
  static final EmbeddedPostgres postgres = start();
  static final CuttableProxy proxy = new CuttableProxy(postgres.getPort());

  static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres");
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
    registry.add("TANDEM_ENCRYPTION_KEY", TokenCipher::newKey);
    slack.configure(registry, SECRET, "xoxb-outage");
    teams.configure(registry, TEAMS_APP);
    registry.add("tandem.inbox.lease", () -> "PT1S");
    registry.add("tandem.inbox.poll", () -> "PT0.2S");
    registry.add("tandem.inbox.backoff", () -> "PT0.2S");
  }

  @AfterAll
  static void stop() throws IOException {
    proxy.close();
    slack.close();
    teams.close();
    postgres.close();
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();
  SlackRequests requests;
  String user;

  @BeforeEach
  void fresh() {
    requests = new SlackRequests(port, SECRET, slack);
    slack.reset();
    proxy.restore();
    user = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  HttpResponse<String> command(String text, String responseName) throws Exception {
    return requests.command(TEAM, user, text, responseName);
  }

  HttpResponse<String> healthResponse() throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  int health() throws Exception {
    return healthResponse().statusCode();
  }

  @Test
  void duringTheOutageARequestIsToldToTryAgainAndHealthSaysDown() throws Exception {
    proxy.cut();
    try {
      HttpResponse<String> ack = command("help", "down-" + user);
      assertThat(ack.statusCode()).isEqualTo(200);
      assertThat(ack.body())
          .contains("ephemeral")
          .contains("try again in a minute")
          .contains("réessayez")
          .contains("erneut");
      HttpResponse<String> health = healthResponse();
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("DOWN");
    } finally {
      proxy.restore();
    }
    // Back: once health says so (the pool reconnects), the same request is taken and answered.
    for (int i = 0; i < 200 && health() != 200; i++) {
      Thread.sleep(50);
    }
    assertThat(command("help", "up-" + user).statusCode()).isEqualTo(200);
    slack.await("/response/up-" + user, c -> true);
    assertThat(slack.calls("/response/down-" + user)).isEmpty();
  }

  @Test
  void aRequestAcknowledgedBeforeTheOutageIsAnsweredOnceTheDatabaseIsBack() throws Exception {
    // The person's look-up on Slack is slow: the database goes away while it runs.
    slack.hang("users.info", Duration.ofMillis(800));
    HttpResponse<String> ack = command("help", "late-" + user);
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).doesNotContain("try again");
    slack.await("users.info", c -> user.equals(c.param("user")));
    proxy.cut();
    try {
      for (int i = 0; i < 200 && slack.completed("users.info") == 0; i++) {
        Thread.sleep(50);
      }
      // The worker now needs the database, waits the 500 ms set above, and fails.
      Thread.sleep(1000);
      assertThat(proxy.refused()).isPositive();
      assertThat(slack.calls("/response/late-" + user)).isEmpty();
    } finally {
      slack.hang("users.info", Duration.ZERO);
      proxy.restore();
    }
    slack.await("/response/late-" + user, c -> true);
    Thread.sleep(300);
    assertThat(slack.calls("/response/late-" + user)).hasSize(1);
  }

  @Test
  void aTeamsMessageRefusedDuringTheOutageIsAnsweredWhenTeamsDeliversItAgain() throws Exception {
    String aad = UUID.randomUUID().toString();
    String tenant = UUID.randomUUID().toString();
    String activity =
        """
        {"type":"message","id":"act-%s","channelId":"msteams","serviceUrl":"%s","locale":"en-US",
         "text":"help","from":{"id":"29:%s","aadObjectId":"%s","name":"Ana Lopes"},
         "recipient":{"id":"28:%s","name":"Tandem"},
         "conversation":{"id":"a:outage-%s","conversationType":"personal","tenantId":"%s"},
         "channelData":{"tenant":{"id":"%s"}}}"""
            .formatted(
                UUID.randomUUID(), teams.serviceUrl(), aad, aad, TEAMS_APP, aad, tenant, tenant);
    proxy.cut();
    try {
      assertThat(teamsPost(activity).statusCode())
          .as("not stored: the Bot Framework is asked to send it again")
          .isEqualTo(503);
    } finally {
      proxy.restore();
    }
    for (int i = 0; i < 200 && health() != 200; i++) {
      Thread.sleep(50);
    }
    assertThat(teamsPost(activity).statusCode()).isEqualTo(200);
    for (int i = 0; i < 200 && !answeredIn("a:outage-" + aad); i++) {
      Thread.sleep(50);
    }
    assertThat(answeredIn("a:outage-" + aad)).as("the same activity, answered once back").isTrue();
  }

  HttpResponse<String> teamsPost(String activity) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + teams.token(TEAMS_APP))
            .POST(HttpRequest.BodyPublishers.ofString(activity))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  boolean answeredIn(String conversation) {
    return teams.sent.stream().anyMatch(s -> s[0].contains(conversation));
  }
}
