package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.tandem.bot.support.SlackSigner;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * What reaches {@code /slack/events} from outside the company or outside Slack's rules: requests
 * signed for the future, bodies Slack never sends, guests of another organisation in a shared
 * channel, and {@code TANDEM_ADMINS} ids arriving from another workspace. Each is refused and
 * changes nothing. Requests are signed as Slack signs them.
 */
@BotTest
class SlackGuardTest {

  static final String SECRET = "guard-signing-secret";
  static final String TEAM = "T0ACME"; // the bot token's workspace: FakeSlackApi's auth.test
  static final FakeSlackApi slack = new FakeSlackApi();
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void slackSettings(DynamicPropertyRegistry registry) {
    slack.configure(registry, SECRET, "xoxb-test-token");
    registry.add("TANDEM_ADMINS", () -> "U0BOSS");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  SlackRequests requests;
  String user;

  @BeforeEach
  void fresh() {
    requests = new SlackRequests(port, SECRET, slack);
    slack.reset();
    user = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    slack.user(user, "Ana Lopes", "en-US", "Europe/Luxembourg", user.toLowerCase() + "@a.example");
  }

  /** Posts {@code body} at {@code timestamp}, signed with {@code secret}. */
  HttpResponse<String> post(String body, String contentType, long timestamp, String secret)
      throws Exception {
    String signature = SlackSigner.sign(secret, Long.toString(timestamp), body);
    return requests.post(body, contentType, timestamp, signature, Map.of());
  }

  /** A click in a channel shared with other organisations, by a member of {@code userTeam}. */
  Map<String, Object> click(String userTeam, String actionId, Map<String, String> data)
      throws Exception {
    return requests.blockAction(TEAM, userTeam, user, "C0SHARED", actionId, data, "click-" + user);
  }

  boolean enrolled(String team, String userId) {
    return tenants
        .find(Platform.SLACK, team)
        .flatMap(t -> people.identify(t.id(), IdentityKind.SLACK, userId))
        .isPresent();
  }

  @Test
  void aRequestSignedForTheFutureIsRefusedAsSlackRulesFiveMinutesEitherWay() throws Exception {
    String body = requests.commandBody(TEAM, user, "help", "future-" + user);
    long now = Instant.now().getEpochSecond();
    for (long ahead : List.of(6 * 60L, 3600L, 365 * 24 * 3600L)) {
      assertThat(post(body, "application/x-www-form-urlencoded", now + ahead, SECRET).statusCode())
          .as("%d s ahead", ahead)
          .isEqualTo(401);
    }
    assertThat(post(body, "application/x-www-form-urlencoded", now - 6 * 60, SECRET).statusCode())
        .isEqualTo(401);
    Thread.sleep(300);
    assertThat(slack.calls()).isEmpty();
    assertThat(enrolled(TEAM, user)).isFalse();
    // A clock a little ahead, within Slack's five minutes, is fine.
    assertThat(post(body, "application/x-www-form-urlencoded", now + 60, SECRET).statusCode())
        .isEqualTo(200);
    slack.await("/response/future-" + user, c -> true);
  }

  @Test
  void bodiesSlackNeverSendsGet400WithNoDetailAndChangeNothing() throws Exception {
    Map<String, Object> noUser = new HashMap<>(click(TEAM, "mission.commit#0", Map.of()));
    noUser.remove("user");
    Map<String, Object> noTeam = new HashMap<>(click(TEAM, "mission.commit#0", Map.of()));
    noTeam.remove("team");
    Map<String, Object> noView =
        Map.of(
            "type", "view_submission",
            "team", Map.of("id", TEAM),
            "user", Map.of("id", user, "team_id", TEAM));
    Map<String, Object> viewWithoutUser =
        Map.of(
            "type",
            "view_submission",
            "team",
            Map.of("id", TEAM),
            "view",
            Map.of("id", "V1", "callback_id", "profile", "private_metadata", "{}"));
    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("[1,2,3]", "application/json");
    bad.put(
        "{\"type\":\"event_callback\",\"team_id\":\"T0ACME\",\"event_id\":\"Ev1\"}",
        "application/json");
    bad.put("not json at all", "application/json");
    bad.put("payload=not-json", "application/x-www-form-urlencoded");
    bad.put("payload=%5B%5D", "application/x-www-form-urlencoded");
    bad.put(SlackRequests.interactionBody(noUser), "application/x-www-form-urlencoded");
    bad.put(SlackRequests.interactionBody(noTeam), "application/x-www-form-urlencoded");
    bad.put(SlackRequests.interactionBody(noView), "application/x-www-form-urlencoded");
    bad.put(SlackRequests.interactionBody(viewWithoutUser), "application/x-www-form-urlencoded");
    bad.put(
        requests.commandBody(TEAM, user + "\u0000", "help", "nul-" + user),
        "application/x-www-form-urlencoded");
    bad.put(
        requests.commandBody("T0AC\u0000ME", user, "help", "nul2-" + user),
        "application/x-www-form-urlencoded");
    bad.put("hello", "text/plain");
    for (var b : bad.entrySet()) {
      HttpResponse<String> r = requests.signed(b.getKey(), b.getValue());
      assertThat(r.statusCode()).as(b.getKey()).isEqualTo(400);
      assertThat(r.body()).as(b.getKey()).isEmpty();
    }
    // Unsigned, the same body is refused for its signature first.
    assertThat(
            post("[1,2,3]", "application/json", Instant.now().getEpochSecond(), "wrong")
                .statusCode())
        .isEqualTo(401);
    Thread.sleep(300);
    assertThat(slack.calls()).isEmpty();
    assertThat(enrolled(TEAM, user)).isFalse();
  }

  @Test
  void aGuestOfAnotherOrganisationIsNeitherEnrolledNorHeardInThisWorkspace() throws Exception {
    TenantId acme = tenants.findOrCreate(Platform.SLACK, TEAM, "acme", "LU").id();
    Mission mission = fixtures.workshopInEsch(acme, 3);

    HttpResponse<String> clicked =
        requests.signed(
            SlackRequests.interactionBody(
                click(
                    "T0GUEST",
                    "mission.commit#0",
                    Map.of("missionId", Long.toString(mission.id())))),
            "application/x-www-form-urlencoded");
    assertThat(clicked.statusCode()).isEqualTo(200);
    FakeSlackApi.Call why =
        slack.await("/response/click-" + user, c -> c.body().contains("other organisations"));
    assertThat(JSON.readTree(why.body()).path("response_type").asText()).isEqualTo("ephemeral");

    Map<String, Object> mention =
        Map.of(
            "type", "app_mention",
            "user", user,
            "user_team", "T0GUEST",
            "text", "<@UBOT> missions",
            "ts", "1.3",
            "channel", "C0SHARED",
            "event_ts", "1.3");
    assertThat(
            requests
                .signed(
                    SlackRequests.eventBody(TEAM, "Ev" + UUID.randomUUID(), mention),
                    "application/json")
                .statusCode())
        .isEqualTo(200);
    Thread.sleep(500);
    assertThat(slack.calls("chat.postEphemeral")).isEmpty();
    assertThat(slack.calls("users.info")).isEmpty();
    assertThat(enrolled(TEAM, user)).isFalse();
    assertThat(
            jdbc.sql("select count(*) from commitment where mission_id = ?")
                .param(mission.id())
                .query(Integer.class)
                .single())
        .isZero();

    // The same person clicking as a member of this workspace is heard.
    slack.reset();
    requests.signed(
        SlackRequests.interactionBody(
            click(TEAM, "mission.dismiss#0", Map.of("missionId", Long.toString(mission.id())))),
        "application/x-www-form-urlencoded");
    slack.await("/response/click-" + user, c -> true);
    assertThat(enrolled(TEAM, user)).isTrue();
  }

  @Test
  void tandemAdminsAreAdminsOfTheBotTokensWorkspaceOnly() throws Exception {
    slack.user("U0BOSS", "Paul Admin", "en-US", "Europe/Luxembourg", "paul@acme.example");
    String elsewhere = "T0ELSE" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    requests.signed(
        requests.commandBody(elsewhere, "U0BOSS", "admin", "else-admin"),
        "application/x-www-form-urlencoded");
    assertThat(SlackEndpointTest.text(slack.await("/response/else-admin", c -> true)))
        .contains("only an admin");
    TenantId other = tenants.find(Platform.SLACK, elsewhere).orElseThrow().id();
    Employee there = people.identify(other, IdentityKind.SLACK, "U0BOSS").orElseThrow();
    assertThat(there.has(Role.ADMIN)).isFalse();

    requests.signed(
        requests.commandBody(TEAM, "U0BOSS", "admin", "acme-admin"),
        "application/x-www-form-urlencoded");
    assertThat(SlackEndpointTest.text(slack.await("/response/acme-admin", c -> true)))
        .contains("Policy of");
  }

  @Test
  void aHostileMissionTitleReachesSlackAsInertTextInBlocksAndFallback() throws Exception {
    TenantId acme = tenants.findOrCreate(Platform.SLACK, TEAM, "acme", "LU").id();
    Employee me =
        people.enrol(
            acme,
            IdentityKind.SLACK,
            user,
            new org.tandem.core.people.NewPerson(
                "Ana Lopes", null, java.util.Locale.ENGLISH, Fixtures.LUXEMBOURG));
    people.updateProfile(acme, me.id(), fixtures.accountantInDifferdange(acme).profile());
    Mission mission = fixtures.workshopInEsch(acme, 3);
    jdbc.sql("update mission set title = ? where id = ?")
        .params(
            org.tandem.bot.support.Hostile.TITLE + " " + org.tandem.bot.support.Hostile.NAME,
            mission.id())
        .update();
    requests.signed(
        SlackRequests.interactionBody(
            click(TEAM, "mission.details#0", Map.of("missionId", Long.toString(mission.id())))),
        "application/x-www-form-urlencoded");
    FakeSlackApi.Call reply = slack.await("/response/click-" + user, c -> true);
    var json = JSON.readTree(reply.body());
    BlockKitEscapingTest.assertInert(json.path("text").asText());
    assertThat(json.path("text").asText()).contains("&lt;!channel&gt;");
    var texts = BlockKitEscapingTest.mrkdwn(json.path("blocks"), new java.util.ArrayList<>());
    for (var t : texts) {
      BlockKitEscapingTest.assertInert(t.path("text").asText());
    }
    assertThat(reply.body()).doesNotContain("<!channel>").doesNotContain("<@U0BOSS>");
  }

  @Test
  void slacksUnsignedCertificateCheckStillReachesBoltAndTouchesNothing() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ssl_check=1&token=x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // Bolt answers it by its verification token (none here): never a 500, never a listener.
    assertThat(r.statusCode()).isIn(200, 401);
    assertThat(slack.calls()).isEmpty();
  }
}
