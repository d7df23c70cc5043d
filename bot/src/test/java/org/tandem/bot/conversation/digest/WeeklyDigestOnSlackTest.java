package org.tandem.bot.conversation.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.MovableClock;
import org.tandem.bot.support.SlackOAuth;
import org.tandem.bot.support.SlackRequests;
import org.tandem.core.associations.Association;
import org.tandem.core.causes.Cause;
import org.tandem.core.digest.Digests;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.people.Profile;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * The weekly digest in a Slack workspace installed from nothing: three subscribers in Luxembourg,
 * New York and Kolkata get theirs on Monday from 08:00 their time, with the week's new missions
 * that fit and why; nothing when nothing new fits; the digest's stop button, a signed Slack click,
 * drops a digest already waiting at once.
 */
@BotTest
class WeeklyDigestOnSlackTest {

  static final String SECRET = "digest-signing-secret";
  static final String TEAM = "T0DIGEST";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);

  /** A Monday in winter: Luxembourg is UTC+1, New York UTC-5, Kolkata UTC+5:30. */
  static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);

  @DynamicPropertySource
  static void oauthMode(DynamicPropertyRegistry registry) {
    registry.add("SLACK_SIGNING_SECRET", () -> SECRET);
    registry.add("SLACK_CLIENT_ID", () -> "111.222");
    registry.add("SLACK_CLIENT_SECRET", () -> "client-secret");
    registry.add("SLACK_API_URL", slack::apiUrl);
    slack.answer(
        "oauth.v2.access",
        "{\"ok\":true,\"access_token\":\"xoxb-digest-token\",\"token_type\":\"bot\","
            + "\"scope\":\"commands,chat:write\",\"bot_user_id\":\"UBOT\",\"app_id\":\"A0TANDEM\","
            + "\"team\":{\"id\":\"T0DIGEST\",\"name\":\"Digest Ltd\"},"
            + "\"authed_user\":{\"id\":\"U0INES\"}}");
    // The test runs the job and the dispatcher itself.
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.digest.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired Digests digests;
  @Autowired NotificationSettings settings;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  final AtomicInteger answers = new AtomicInteger();
  SlackRequests in;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void eachSubscriberGetsTheWeeksNewFitsOnTheirDayFromEightTheirTimeAndCanStopItAtOnce()
      throws Exception {
    in = new SlackRequests(port, SECRET, slack);
    assertThat(MONDAY.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    slack.user("U0INES", "Inès Admin", "en-GB", "Europe/Luxembourg", "ines@digest.example");
    slack.user("U0LEA", "Léa Muller", "fr-FR", "Europe/Luxembourg", "lea@digest.example");
    slack.user("U0NATE", "Nate Cole", "en-US", "America/New_York", "nate@digest.example");
    slack.user("U0PRIYA", "Priya Rao", "en-GB", "Asia/Kolkata", "priya@digest.example");
    slack.user("U0OTTO", "Otto Weber", "de-DE", "Europe/Luxembourg", "otto@digest.example");
    SlackOAuth.install(http, port);
    TenantId company = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();

    // Four colleagues set the same profile; three say yes to the digest, with one click.
    for (String user : List.of("U0LEA", "U0NATE", "U0PRIYA", "U0OTTO")) {
      command(user, "help");
      Profile accountant = fixtures.accountantInDifferdange(company).profile();
      boolean remote = !user.equals("U0NATE");
      people.updateProfile(
          company,
          person(company, user).id(),
          new Profile(
              accountant.skills(),
              accountant.place(),
              accountant.travelKm(),
              remote,
              accountant.causes(),
              accountant.languages(),
              accountant.availability()));
    }
    assertThat(click("U0LEA", "digest.on", Map.of("day", "1")))
        .contains("C'est noté\u00a0: votre récapitulatif arrive le lundi dès 08:00");
    assertThat(click("U0NATE", "digest.on", Map.of("day", "1"))).contains("on Mondays");
    assertThat(click("U0PRIYA", "digest.on", Map.of("day", "1"))).contains("on Mondays");
    // A crafted click with a day that is none meets core's rule and changes nothing.
    assertThat(click("U0OTTO", "digest.on", Map.of("day", "9")))
        .contains("Der Wochenüberblick kommt an einem Tag von Montag bis Sonntag");
    assertThat(settings.of(company, person(company, "U0OTTO").id()).orElseThrow().digestDay())
        .isEmpty();

    // The week before: two missions that fit (one on site, one remote), one too far away.
    clock.set(at(MONDAY.minusDays(4), "10:00", "UTC"));
    Association caritas = fixtures.association(company, "Caritas Esch", Cause.SOCIAL_INCLUSION);
    mission(company, caritas, "Budget <workshop> & tea", MissionMode.ONSITE, "Esch-sur-Alzette");
    mission(company, caritas, "Remote bookkeeping", MissionMode.REMOTE, null);
    mission(company, caritas, "Far away accounts", MissionMode.ONSITE, "Clervaux");

    // Sunday 23:00 UTC is Monday 04:30 in Kolkata: too early for anyone.
    run(at(MONDAY.minusDays(1), "23:00", "UTC"));
    assertThat(digestsOf(company)).isEmpty();
    // 08:15 in Kolkata: Priya's alone.
    run(at(MONDAY, "08:15", "Asia/Kolkata"));
    assertThat(digestsOf(company)).containsOnlyKeys("U0PRIYA");
    // 07:59 in Luxembourg: not yet; 08:00: Léa's.
    run(at(MONDAY, "07:59", "Europe/Luxembourg"));
    assertThat(digestsOf(company)).containsOnlyKeys("U0PRIYA");
    run(at(MONDAY, "08:00", "Europe/Luxembourg"));
    assertThat(digestsOf(company)).containsOnlyKeys("U0PRIYA", "U0LEA");
    // 07:59 in New York: not yet; 08:00: Nate's, with the on-site mission only (no remote).
    run(at(MONDAY, "07:59", "America/New_York"));
    assertThat(digestsOf(company)).containsOnlyKeys("U0PRIYA", "U0LEA");
    run(at(MONDAY, "08:00", "America/New_York"));
    Map<String, List<String>> sent = digestsOf(company);
    assertThat(sent).containsOnlyKeys("U0PRIYA", "U0LEA", "U0NATE");
    assertThat(sent.get("U0NATE").get(0).split(",")).hasSize(1);
    assertThat(sent.get("U0LEA").get(0).split(",")).hasSize(2);
    // Another run on the same Monday writes nothing more.
    run(at(MONDAY, "11:00", "America/New_York"));
    assertThat(digestsOf(company)).isEqualTo(sent);

    dispatcher.dispatch();
    FakeSlackApi.Call lea = digestTo("U0LEA", "2 nouvelles missions vous correspondent");
    // Slack's text is escaped for Slack, as typed names always are.
    assertThat(lea.param("text"))
        .contains("Budget &lt;workshop&gt; &amp; tea")
        .contains("Remote bookkeeping")
        .contains("Mobilise vos compétences en comptabilité")
        .contains("Votre récapitulatif hebdomadaire arrive le lundi")
        .doesNotContain("Far away");
    // A header is plain text in Block Kit: shown as typed, nothing to escape.
    assertThat(lea.param("blocks"))
        .contains("\"text\":\"Budget <workshop> & tea\"")
        .contains("\"mission.details#")
        .contains("\"mission.commit#")
        .contains("\"digest.off#");
    assertThat(digestTo("U0NATE", "1 new mission fits you this week").param("text"))
        .contains("Budget &lt;workshop&gt; &amp; tea")
        .doesNotContain("Remote bookkeeping");
    assertThat(digestTo("U0PRIYA", "2 new missions fit you this week").param("text"))
        .contains("Your weekly digest comes on Mondays");

    // During the week: a remote mission Léa and Priya may take, not Nate (on site only).
    clock.set(at(MONDAY.plusDays(2), "10:00", "UTC"));
    mission(company, caritas, "Remote payroll help", MissionMode.REMOTE, null);
    // Next Monday: Nate has nothing new that fits, so nothing is written for him.
    run(at(MONDAY.plusDays(7), "08:30", "America/New_York"));
    assertThat(digestsOf(company).get("U0NATE")).hasSize(1);
    assertThat(digestsOf(company).get("U0LEA")).hasSize(2);

    // Léa stops the digest from last week's, before this one goes: it is dropped at once.
    Map<String, String> stop = button(lea.param("blocks"), "digest.off");
    String stopped = click("U0LEA", "digest.off", stop);
    assertThat(stopped)
        .contains("Le récapitulatif hebdomadaire est désactivé\u00a0: vous ne le recevrez plus")
        .contains("\"digest.on#");
    int before = slack.calls("chat.postMessage").size();
    dispatcher.dispatch();
    assertThat(
            slack.calls("chat.postMessage").subList(before, slack.calls("chat.postMessage").size()))
        .noneMatch(c -> "U0LEA".equals(c.param("channel")))
        .anyMatch(c -> "U0PRIYA".equals(c.param("channel")));
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from notification n join chat_identity i
                      on i.tenant_id = n.tenant_id and i.employee_id = n.employee_id
                    where n.tenant_id = ? and i.external_id = 'U0LEA' and n.kind = 'WEEKLY_DIGEST'
                      and n.sent_at is null and n.failed_at is not null""")
                .param(company.value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // The stop's answer keeps its promise: one click turns it back on, on Mondays.
    assertThat(click("U0LEA", "digest.on", Map.of("day", "1"))).contains("le lundi");
  }

  private void run(Instant now) {
    clock.set(now);
    digests.enqueueDue(now);
  }

  private static Instant at(LocalDate day, String time, String zone) {
    return day.atTime(LocalTime.parse(time)).atZone(ZoneId.of(zone)).toInstant();
  }

  private Mission mission(
      TenantId company, Association a, String title, MissionMode mode, String place) {
    return fixtures.mission(
        company,
        Fixtures.draft(
            a.id(),
            title,
            List.of("accounting"),
            mode,
            place == null ? null : fixtures.place(place),
            5));
  }

  /** Each Slack user's digests written to the outbox, their missions' ids. */
  private Map<String, List<String>> digestsOf(TenantId company) {
    Map<String, List<String>> by = new HashMap<>();
    jdbc.sql(
            """
            select i.external_id, n.payload from notification n
            join chat_identity i on i.tenant_id = n.tenant_id and i.employee_id = n.employee_id
                                and i.kind = 'SLACK'
            where n.tenant_id = ? and n.kind = 'WEEKLY_DIGEST' order by n.id""")
        .param(company.value())
        .query(
            (rs, n) ->
                by.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                    .add(rs.getString(2)))
        .list();
    return by;
  }

  private FakeSlackApi.Call digestTo(String user, String title) {
    return slack.await(
        "chat.postMessage",
        c -> user.equals(c.param("channel")) && c.param("text").contains(title));
  }

  private Employee person(TenantId company, String slackId) {
    return people.identify(company, IdentityKind.SLACK, slackId).orElseThrow();
  }

  private String command(String user, String text) throws Exception {
    String name = "d" + answers.incrementAndGet();
    assertThat(in.command(TEAM, user, text, name).statusCode()).isEqualTo(200);
    return slack.await("/response/" + name, c -> true).body();
  }

  /** A signed click on a button with this action and data; what Tandem answered. */
  private String click(String user, String action, Map<String, String> data) throws Exception {
    String name = "d" + answers.incrementAndGet();
    in.interaction(in.blockAction(TEAM, user, action + "#0", data, name));
    return JSON.writeValueAsString(
        JSON.readTree(slack.await("/response/" + name, c -> true).body()));
  }

  /** The data of the first button with this action in a message's Block Kit blocks. */
  private static Map<String, String> button(String blocks, String action) throws Exception {
    for (JsonNode block : JSON.readTree(blocks)) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("action_id").asText().startsWith(action + "#")) {
          Map<String, String> data = new HashMap<>();
          JSON.readTree(e.path("value").asText("{}"))
              .properties()
              .forEach(p -> data.put(p.getKey(), p.getValue().asText()));
          return data;
        }
      }
      for (JsonNode e :
          block.path("accessory").isMissingNode()
              ? List.<JsonNode>of()
              : List.of(block.path("accessory"))) {
        if (e.path("action_id").asText().startsWith(action + "#")) {
          return Map.of();
        }
      }
    }
    throw new AssertionError("no " + action + " button in " + blocks);
  }
}
