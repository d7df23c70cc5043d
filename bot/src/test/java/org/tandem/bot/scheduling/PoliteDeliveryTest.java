package org.tandem.bot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackRequests;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.notifications.Reconsent;
import org.tandem.core.people.Employee;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * Sending politely: a Slack workspace or a Teams tenant that answers 429 is paused for its
 * Retry-After while the other companies go on, and its messages go out once the pause is over
 * without a failed attempt counted; a large company's messages do not hold back a small company's;
 * each conversation gets at most what Slack allows; people Slack or Teams say are gone are not
 * tried again (until they write again). Companies made by an install, people reached through the
 * real endpoints.
 */
@BotTest
class PoliteDeliveryTest {

  static final String APP_ID = "00000000-0000-0000-0000-00000000d311";
  static final String SECRET = "polite-signing-secret";
  static final FakeSlackApi slack = new FakeSlackApi();
  static final FakeBotConnector teams = new FakeBotConnector();

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    slack.configure(registry, SECRET, "xoxb-polite");
    teams.configure(registry, APP_ID);
    // The test runs the outbox itself.
    registry.add("tandem.outbox.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
    teams.close();
  }

  @AfterEach
  void calm() {
    slack.reset();
    teams.busyLeft.set(0);
  }

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Notifications notifications;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired JdbcClient jdbc;
  @Autowired org.tandem.core.people.People people;

  /** A message for {@code to}: the text telling an admin how to consent (any kind would do). */
  long tell(TenantId tenant, long to) {
    String key = "polite:" + UUID.randomUUID();
    notifications.enqueue(
        tenant, to, Notification.RECONSENT, key, "SLACK|" + Reconsent.SLACK_FILES);
    return jdbc.sql("select id from notification where dedupe_key = ?")
        .param(key)
        .query(Long.class)
        .single();
  }

  String slackUser(Employee e) {
    return jdbc.sql(
            "select external_id from chat_identity where tenant_id = ? and employee_id = ?"
                + " and kind = 'SLACK'")
        .params(e.tenantId().value(), e.id())
        .query(String.class)
        .single();
  }

  String team(TenantId tenant) {
    return jdbc.sql("select external_id from tenant where id = ?")
        .param(tenant.value())
        .query(String.class)
        .single();
  }

  /** A person of a new Teams company, who wrote to Tandem in their personal chat {@code conv}. */
  record TeamsPerson(TenantId tenant, long id, String conversation) {}

  TeamsPerson teamsPerson(String name) throws Exception {
    TeamsActivities activities = new TeamsActivities(port, APP_ID, teams, jdbc);
    String user = name + "-" + UUID.randomUUID().toString().substring(0, 6);
    activities.post(activities.message(UUID.randomUUID().toString(), user, "aad-" + user, "help"));
    return jdbc.sql(
            "select tenant_id, employee_id, conversation_id from teams_conversation"
                + " where conversation_id = ?")
        .param("a:conv-" + user)
        .query(
            (rs, n) -> new TeamsPerson(new TenantId(rs.getLong(1)), rs.getLong(2), rs.getString(3)))
        .single();
  }

  record Row(Instant sentAt, Instant failedAt, int attempts, String lastError) {}

  Row row(long id) {
    return jdbc.sql(
            "select sent_at, failed_at, attempts, last_error from notification where id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Row(
                    rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                    rs.getInt(3),
                    rs.getString(4)))
        .single();
  }

  List<String[]> teamsMessagesTo(String conversation) {
    return teams.sent.stream()
        .filter(s -> s[0].contains(conversation) && s[1].contains("Tandem"))
        .filter(s -> s[1].contains("app package") || s[1].contains("files"))
        .toList();
  }

  @Test
  void aSlackWorkspaceAnswering429IsPausedForItsRetryAfterWhileTeamsGoesOn() throws Exception {
    var installed = fixtures.slackInstall(Locale.ENGLISH);
    Employee colleague = fixtures.person(installed.tenant(), "Paul Schmit");
    TeamsPerson ana = teamsPerson("ana");
    long first = tell(installed.tenant(), installed.admin().id());
    long second = tell(installed.tenant(), colleague.id());
    long inTeams = tell(ana.tenant(), ana.id());
    slack.rateLimit("chat.postMessage", 2); // "ratelimited", Retry-After: 1, twice

    assertThat(dispatcher.dispatch()).isEqualTo(3);

    for (long id : List.of(first, second)) {
      assertThat(slack.posted("notification:" + id)).as("posted once").isEqualTo(1);
      Row r = row(id);
      assertThat(r.sentAt()).isNotNull();
      assertThat(r.attempts()).as("a 429 is not a failed attempt").isEqualTo(1);
      assertThat(r.sentAt())
          .as("Teams went on while the workspace waited")
          .isAfter(row(inTeams).sentAt());
    }
    assertThat(slack.calls("chat.postMessage")).as("two refused, two posted").hasSize(4);
    assertThat(row(inTeams).attempts()).isEqualTo(1);
  }

  @Test
  void aTeamsTenantAnswering429IsPausedForItsRetryAfterWhileSlackGoesOn() throws Exception {
    TeamsPerson busy = teamsPerson("busy");
    var installed = fixtures.slackInstall(Locale.ENGLISH);
    long inTeams = tell(busy.tenant(), busy.id());
    long inSlack = tell(installed.tenant(), installed.admin().id());
    teams.busyLeft.set(2); // the Bot Connector throttles: 429 with Retry-After: 1, twice
    int before = teams.sent.size();

    assertThat(dispatcher.dispatch()).isEqualTo(2);

    Row r = row(inTeams);
    assertThat(r.sentAt()).isNotNull();
    assertThat(r.attempts()).as("a 429 is not a failed attempt").isEqualTo(1);
    assertThat(r.sentAt()).as("Slack went on meanwhile").isAfter(row(inSlack).sentAt());
    assertThat(teams.sent.subList(before, teams.sent.size()))
        .as("twice refused, then sent once")
        .filteredOn(s -> s[0].contains(busy.conversation()))
        .hasSize(3);
    assertThat(teams.busyLeft.get()).isLessThanOrEqualTo(0);
    assertThat(slack.posted("notification:" + inSlack)).isEqualTo(1);
  }

  @Test
  void aLargeCompanysMessagesDoNotHoldBackASmallCompanys() {
    TenantId large = fixtures.company();
    List<Long> digest = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      digest.add(tell(large, fixtures.person(large, "Person " + i).id()));
    }
    var small = fixtures.slackInstall(Locale.FRENCH);
    long approval = tell(small.tenant(), small.admin().id());
    slack.limit(1, Duration.ofSeconds(1), 300, Duration.ofMinutes(1));

    assertThat(dispatcher.dispatch()).isEqualTo(121);

    List<String> order =
        slack.calls("chat.postMessage").stream().map(c -> c.param("channel")).toList();
    assertThat(order).hasSize(121);
    assertThat(order.indexOf(slackUser(small.admin())))
        .as("in the first claim's turns (at most 10 of each company), not the 121st")
        .isLessThan(11);
    assertThat(slack.tooFast()).as("never past Slack's limits").isZero();
    assertThat(row(approval).sentAt()).isNotNull();
    assertThat(digest).allSatisfy(id -> assertThat(slack.posted("notification:" + id)).isOne());
  }

  @Test
  void aConversationGetsAtMostOneMessageASecondAsSlackAllows() {
    var installed = fixtures.slackInstall(Locale.GERMAN);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(tell(installed.tenant(), installed.admin().id()));
    }
    slack.limit(1, Duration.ofSeconds(1), 300, Duration.ofMinutes(1));

    assertThat(dispatcher.dispatch()).isEqualTo(3);

    assertThat(slack.tooFast()).as("no 429: each waited for the one before").isZero();
    assertThat(ids).allSatisfy(id -> assertThat(slack.posted("notification:" + id)).isOne());
  }

  /** {@code user} writes "help" to Tandem in the workspace of the bot token, and is answered. */
  void writes(String user) throws Exception {
    new SlackRequests(port, SECRET, slack)
        .event(
            "T0ACME",
            Map.of(
                "type", "message",
                "user", user,
                "text", "help",
                "ts", "1726133700.1",
                "channel", "D0DM" + user,
                "event_ts", "1726133700.1",
                "channel_type", "im"));
    slack.await("chat.postMessage", c -> ("D0DM" + user).equals(c.param("channel")));
  }

  @Test
  void aSlackPersonGoneIsNotTriedAgainUntilTheyWriteAgain() throws Exception {
    String user = "U0GONE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    slack.user(user, "Léa Weber", "en-GB", "Europe/Luxembourg", user + "@acme.example");
    writes(user);
    Employee gone =
        jdbc.sql(
                "select tenant_id, employee_id from chat_identity where kind = 'SLACK'"
                    + " and external_id = ?")
            .param(user)
            .query((rs, n) -> people.find(new TenantId(rs.getLong(1)), rs.getLong(2)).orElseThrow())
            .single();
    TenantId tenant = gone.tenantId();
    slack.refuse(user, "user_not_found"); // deactivated in Slack
    long first = tell(tenant, gone.id());
    long second = tell(tenant, gone.id());

    assertThat(dispatcher.dispatch()).isZero();

    assertThat(slack.calls("chat.postMessage"))
        .as("Slack asked once, not for the second message")
        .filteredOn(c -> user.equals(c.param("channel")))
        .hasSize(1);
    for (long id : List.of(first, second)) {
      Row r = row(id);
      assertThat(r.failedAt()).as("given up at once, not retried").isNotNull();
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.lastError()).isEqualTo("no channel reaches this person");
    }

    // Back in Slack, they write to Tandem: they can be reached again.
    slack.reset();
    writes(user);
    long third = tell(tenant, gone.id());
    assertThat(dispatcher.dispatch()).isEqualTo(1);
    assertThat(slack.posted("notification:" + third)).isOne();
  }

  @Test
  void aRevokedSlackInstallIsNotTriedAgainForAnyoneOfIt() {
    var installed = fixtures.slackInstall(Locale.ENGLISH);
    Employee other = fixtures.person(installed.tenant(), "Marc Kremer");
    slack.refuse(slackUser(installed.admin()), "invalid_auth");
    long first = tell(installed.tenant(), installed.admin().id());
    assertThat(dispatcher.dispatch()).isZero();
    slack.reset();

    long second = tell(installed.tenant(), other.id());
    assertThat(dispatcher.dispatch()).isZero();

    assertThat(slack.calls("chat.postMessage")).as("the dead install is not called").isEmpty();
    assertThat(row(first).failedAt()).isNotNull();
    assertThat(row(second).failedAt()).isNotNull();
    assertThat(row(second).attempts()).isEqualTo(1);
    // Another company of the same Slack token is not affected.
    var elsewhere = fixtures.slackInstall(Locale.ENGLISH);
    long third = tell(elsewhere.tenant(), elsewhere.admin().id());
    assertThat(dispatcher.dispatch()).isEqualTo(1);
    assertThat(slack.posted("notification:" + third)).isOne();
  }

  @Test
  void aTeamsConversationGoneIsNotTriedAgain() throws Exception {
    TeamsPerson missing = teamsPerson("missing");
    long first = tell(missing.tenant(), missing.id());
    long second = tell(missing.tenant(), missing.id());
    int before = teams.sent.size();

    assertThat(dispatcher.dispatch()).isZero();

    assertThat(teams.sent.subList(before, teams.sent.size()))
        .as("the connector asked once (404), not for the second message")
        .filteredOn(s -> s[0].contains(missing.conversation()))
        .hasSize(1);
    assertThat(row(first).failedAt()).isNotNull();
    assertThat(row(second).failedAt()).isNotNull();
    assertThat(row(second).attempts()).isEqualTo(1);
  }
}
