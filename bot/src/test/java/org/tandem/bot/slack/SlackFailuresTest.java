package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackRequests;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Slack's Web API and response URLs failing, throttling and hanging: every acknowledged request is
 * still answered, or the person is told later. Time limits are short settings (a 300 ms read
 * timeout, a 100 ms first back-off, 3 attempts); the tests assert what happened, not how long.
 */
@BotTest
class SlackFailuresTest {

  static final String SECRET = "failures-secret";
  static final String TEAM = "T0FAIL";
  static final FakeSlackApi slack = new FakeSlackApi();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    slack.configure(registry, SECRET, "xoxb-failures");
    registry.add("tandem.http.read-timeout", () -> "PT0.3S");
    registry.add("tandem.inbox.backoff", () -> "PT0.1S");
    registry.add("tandem.inbox.max-attempts", () -> "3");
    registry.add("tandem.outbox.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired People people;
  @Autowired Tenants tenants;
  @Autowired io.micrometer.core.instrument.MeterRegistry metrics;

  SlackRequests requests;
  String user;

  @BeforeEach
  void fresh() {
    requests = new SlackRequests(port, SECRET, slack);
    slack.reset();
    user = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    TenantId tenant = tenants.findOrCreate(Platform.SLACK, TEAM, "fail", "LU").id();
    people.enrol(
        tenant,
        IdentityKind.SLACK,
        user,
        new NewPerson("Ana Lopes", null, Locale.ENGLISH, Fixtures.LUXEMBOURG));
  }

  HttpResponse<String> command(String userId, String text, String responseName) throws Exception {
    return requests.command(TEAM, userId, text, responseName);
  }

  HttpResponse<String> directMessage(String text) throws Exception {
    Map<String, Object> event =
        Map.of(
            "type", "message",
            "user", user,
            "text", text,
            "ts", "1.2",
            "channel", "D0" + user,
            "event_ts", "1.2",
            "channel_type", "im");
    return requests.event(TEAM, event);
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("never happened: " + what);
  }

  List<FakeSlackApi.Call> postsTo(String channel) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> channel.equals(c.param("channel")))
        .toList();
  }

  @Test
  void aResponseUrlAnswering500FallsBackToAMessageInThePersonsConversation() throws Exception {
    slack.fail("response", 500, 1);
    assertThat(command(user, "help", "r-" + user).statusCode()).isEqualTo(200);
    slack.await("chat.postMessage", c -> user.equals(c.param("channel")));
    assertThat(slack.calls("/response/r-" + user)).hasSize(1);
  }

  @Test
  void chatPostMessageAnswering500IsTriedAgainUntilItIsDelivered() throws Exception {
    slack.fail("chat.postMessage", 500, 2);
    assertThat(directMessage("help").statusCode()).isEqualTo(200);
    await("three attempts, the last one delivered", () -> postsTo("D0" + user).size() == 3);
    await(
        "the row done",
        () ->
            jdbc.sql(
                        "select count(*) from inbox where status = 'DONE' and kind = 'text'"
                            + " and last_error is null and done_at > now() - interval '1 minute'")
                    .query(Integer.class)
                    .single()
                > 0);
  }

  @Test
  void aRateLimitLongerThanTheRetriesEndsWithThePersonToldLaterToAskAgain() throws Exception {
    slack.rateLimit("chat.postMessage", 3);
    assertThat(directMessage("help").statusCode()).isEqualTo(200);
    // Three throttled attempts, then, once Slack lets messages through, the person is told, in
    // their language, that their request could not be answered.
    FakeSlackApi.Call told =
        slack.await(
            "chat.postMessage",
            c ->
                ("D0" + user).equals(c.param("channel"))
                    && c.param("text") != null
                    && c.param("text").contains("I could not answer your request of"));
    assertThat(told.param("text")).contains("ask again");
    assertThat(postsTo("D0" + user)).hasSize(4);
  }

  @Test
  void aHangingSlackApiTimesOutAndDoesNotHoldAnotherPersonsAnswer() throws Exception {
    slack.hang("chat.postMessage", Duration.ofSeconds(3));
    assertThat(directMessage("help").statusCode()).isEqualTo(200);
    // What an operator sees meanwhile: a request waiting for its answer.
    assertThat(metrics.get("tandem.inbox.waiting").gauge().value()).isPositive();
    String other =
        "U0OTHER" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
    assertThat(command(other, "help", "o-" + other).statusCode()).isEqualTo(200);
    slack.await("/response/o-" + other, c -> true);
    await(
        "the hanging call to end on the read timeout",
        () ->
            jdbc.sql(
                        "select count(*) from inbox where kind = 'text' and last_error like ?"
                            + " and received_at > now() - interval '1 minute'")
                    .param("%imeout%")
                    .query(Integer.class)
                    .single()
                > 0);
  }
}
