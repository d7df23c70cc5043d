package org.tandem.bot.conversation.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.MovableClock;
import org.tandem.bot.support.SlackModals;
import org.tandem.bot.support.SlackOAuth;
import org.tandem.bot.support.SlackRequests;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.notifications.QuietHours;
import org.tandem.core.notifications.Topic;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * "notifications" in Slack, Teams and the try-it chat, in companies fresh from an install: a topic
 * turned off holds at once, even for a message already queued; quiet hours changed in the form are
 * honoured by the outbox; a time that is not one is refused politely on its field, changing
 * nothing.
 */
@BotTest
class NotificationsCommandTest {

  static final String SECRET = "notifications-secret";
  static final String TEAM = "T0NOTIFY";
  static final String APP_ID = "00000000-0000-0000-0000-00000000f0ff";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);
  static final FakeBotConnector connector = new FakeBotConnector();

  static final String ANA = "U0NTANA";
  static final String BEN = "U0NTBEN";

  /**
   * Tuesday 9 December 2025, 10:00 in Luxembourg: a day past, as the outbox claims by the
   * database's clock what core holds back by the application's.
   */
  static final Instant TUESDAY_10AM = Instant.parse("2025-12-09T09:00:00Z");

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("SLACK_SIGNING_SECRET", () -> SECRET);
    registry.add("SLACK_CLIENT_ID", () -> "777.888");
    registry.add("SLACK_CLIENT_SECRET", () -> "client-secret");
    registry.add("SLACK_API_URL", slack::apiUrl);
    slack.answer(
        "oauth.v2.access",
        "{\"ok\":true,\"access_token\":\"xoxb-notify-token\",\"token_type\":\"bot\","
            + "\"scope\":\"commands,chat:write\",\"bot_user_id\":\"UBOT\",\"app_id\":\"A0TANDEM\","
            + "\"team\":{\"id\":\""
            + TEAM
            + "\",\"name\":\"Notify Ltd\"},\"authed_user\":{\"id\":\"U0NTADMIN\"}}");
    connector.configure(registry, APP_ID);
    registry.add("tandem.outbox.every", () -> "PT1H");
    // The try-it chat beside Slack and Teams, on 127.0.0.1 as TANDEM_TRY_IT=true makes it.
    registry.add("TANDEM_TRY_IT", () -> "true");
  }

  @AfterAll
  static void stop() {
    slack.close();
    connector.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired NotificationSettings settings;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  static final AtomicInteger answers = new AtomicInteger();
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  SlackRequests in;
  TenantId company;

  @BeforeEach
  void installed() throws Exception {
    in = new SlackRequests(port, SECRET, slack);
    slack.user("U0NTADMIN", "Inès Admin", "en-GB", "Europe/Luxembourg", "ines@notify.example");
    slack.user(ANA, "Ana Lopes", "fr-FR", "Europe/Luxembourg", "ana@notify.example");
    slack.user(BEN, "Ben Muller", "en-GB", "Europe/Luxembourg", "ben@notify.example");
    if (tenants.find(Platform.SLACK, TEAM).isEmpty()) {
      SlackOAuth.install(http, port);
    }
    company = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    command(ANA, "mine");
    command(BEN, "mine");
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aTopicTurnedOffInSlackHoldsAtOnceEvenForAMessageAlreadyQueued() throws Exception {
    Commitment offered = seatOfferedToAna();
    String panel = command(ANA, "notifications");
    assertThat(panel)
        .contains("Ce que Tandem vous envoie")
        .contains("Places proposées depuis une liste d'attente")
        .contains("Toujours activé")
        // The monthly report is for CSR managers only.
        .doesNotContain("Rapport mensuel");

    String off = answer(pressIn(ANA, panel, "notifications.topic", Map.of("topic", "WAITLIST")));
    assertThat(off).contains("Désactivé\u00a0: Places proposées depuis une liste d'attente.");
    assertThat(settings.of(company, ana().id()).orElseThrow().wants(Topic.WAITLIST)).isFalse();

    dispatcher.dispatch();
    assertThat(slack.calls("chat.postMessage"))
        .noneMatch(c -> ANA.equals(c.param("channel")) && c.param("text").contains("Une place"));
    assertThat(
            jdbc.sql(
                    "select last_error from notification where tenant_id = ? and dedupe_key = ?"
                        + " and failed_at is not null and sent_at is null")
                .params(company.value(), "seat-offered:" + company.value() + ":" + offered.id())
                .query(String.class)
                .single())
        .contains("turned off");

    // Always-on topics cannot be turned off, even by a crafted button.
    String crafted = press(ANA, "notifications.topic", Map.of("topic", "CHANGES", "on", "false"));
    assertThat(answer(crafted)).contains("ne peuvent pas être désactivés");
    String on = answer(pressIn(ANA, off, "notifications.topic", Map.of("topic", "WAITLIST")));
    assertThat(on).contains("Activé\u00a0: Places proposées");
    assertThat(settings.of(company, ana().id()).orElseThrow().wants(Topic.WAITLIST)).isTrue();
  }

  @Test
  void quietHoursChangedInTheSlackFormAreHonouredAndABadTimeIsRefusedPolitely() throws Exception {
    clock.set(TUESDAY_10AM);
    String panel = command(ANA, "notifications");
    JsonNode form = modal(() -> pressIn(ANA, panel, "notifications.quiet", Map.of()));
    QuietHours before = settings.of(company, ana().id()).orElseThrow().quiet();

    HttpResponse<String> refused =
        in.interaction(
            SlackModals.submission(
                TEAM, ANA, form, Map.of("from", List.of("25:00"), "until", List.of("08:00"))));
    assertThat(refused.body())
        .contains("\"errors\"")
        .contains("\"from\"")
        .contains("commencent et finissent sur un quart");
    assertThat(settings.of(company, ana().id()).orElseThrow().quiet()).isEqualTo(before);

    // Quiet in the daytime, 09:00 to 18:00: a seat offered at 10:00 waits until 18:00.
    HttpResponse<String> saved =
        in.interaction(
            SlackModals.submission(
                TEAM,
                ANA,
                form,
                Map.of(
                    "from", List.of("9h"),
                    "until", List.of("18:00"),
                    "weekends", List.of("no"),
                    "digest", List.of("5"))));
    assertThat(saved.body()).doesNotContain("\"errors\"");
    var mine = settings.of(company, ana().id()).orElseThrow();
    assertThat(mine.quiet())
        .isEqualTo(new QuietHours(LocalTime.of(9, 0), LocalTime.of(18, 0), false));
    assertThat(mine.digestDay()).contains(java.time.DayOfWeek.FRIDAY);

    Commitment offered = seatOfferedToAna();
    dispatcher.dispatch();
    assertThat(slack.calls("chat.postMessage")).noneMatch(c -> toAna(c, offered));
    clock.set(Instant.parse("2025-12-09T17:00:00Z")); // 18:00 in Luxembourg
    dispatcher.dispatch();
    assertThat(slack.await("chat.postMessage", c -> toAna(c, offered)).param("text"))
        .contains("Une place vous attend");
  }

  @Test
  void benachrichtigungenInTeamsTurnsATopicOffWithOneClick() throws Exception {
    String tenantId = UUID.randomUUID().toString();
    String user = "emp-" + UUID.randomUUID().toString().substring(0, 8);
    String aad = "aad-" + user;
    TeamsActivities teams = new TeamsActivities(port, APP_ID, connector, jdbc);
    ObjectNode installed = teams.installationUpdate(tenantId, user, aad, "personal");
    installed.put("locale", "de-DE");
    teams.post(installed);
    ObjectNode typed = teams.message(tenantId, user, aad, "benachrichtigungen");
    typed.put("locale", "de-DE");
    connector.sent.clear();
    teams.post(typed);
    String card = connector.sent.get(connector.sent.size() - 1)[1];
    assertThat(card)
        .contains("Was Tandem Ihnen schickt")
        .contains("Ausschalten: Kampagnen des CSR-Teams");

    ObjectNode click = teams.message(tenantId, user, aad, "");
    click.put("type", "invoke");
    click.put("name", "adaptiveCard/action");
    ObjectNode action = click.putObject("value").putObject("action");
    action.put("type", "Action.Execute").put("verb", "notifications.topic");
    action
        .putObject("data")
        .put("action", "notifications.topic")
        .put("topic", "CAMPAIGNS")
        .put("on", "false");
    assertThat(teams.post(click).body())
        .contains("Ausgeschaltet: Kampagnen des CSR-Teams")
        .contains("Einschalten: Kampagnen des CSR-Teams");
    TenantId teamsCompany = tenants.find(Platform.TEAMS, tenantId).orElseThrow().id();
    Employee me = people.identify(teamsCompany, IdentityKind.TEAMS, aad).orElseThrow();
    assertThat(settings.of(teamsCompany, me.id()).orElseThrow().wants(Topic.CAMPAIGNS)).isFalse();
  }

  @Test
  void theTryItChatShowsTheMonthlyReportToItsCsrManagerAndRefusesABadTimeOnItsField() {
    RestClient web = RestClient.create("http://localhost:" + port);
    @SuppressWarnings("unchecked")
    Map<String, String> started =
        web.post().uri("/try/company?locale=fr").retrieve().body(Map.class);
    String handle = started.get("handle");
    assertThat(post(web, "/try/message", Map.of("handle", handle, "locale", "fr", "text", "aide")))
        .contains("notifications");
    String panel =
        post(
            web, "/try/message", Map.of("handle", handle, "locale", "fr", "text", "notifications"));
    assertThat(panel).contains("Ce que Tandem vous envoie").contains("Rapport mensuel");

    Map<String, Object> form = new HashMap<>();
    form.put("handle", handle);
    form.put("locale", "fr");
    form.put("formId", "notifications.form");
    form.put("context", Map.of());
    form.put(
        "values",
        Map.of(
            "from", List.of("7h10"),
            "until", List.of("08:00"),
            "weekends", List.of("yes"),
            "digest", List.of("off")));
    assertThat(post(web, "/try/submit", form))
        .contains("Les heures calmes commencent et finissent sur un quart d&#39;heure")
        .contains("7h10");
    // A crafted digest day: refused on its field, the quiet hours not kept either.
    form.put(
        "values",
        Map.of(
            "from", List.of("20:00"),
            "until", List.of("07:30"),
            "weekends", List.of("yes"),
            "digest", List.of("8")));
    assertThat(post(web, "/try/submit", form)).contains("du lundi au dimanche, ou pas du tout");
    assertThat(
            post(
                web,
                "/try/message",
                Map.of("handle", handle, "locale", "fr", "text", "notifications")))
        .doesNotContain("entre 20:00 et 07:30");
    form.put(
        "values",
        Map.of(
            "from", List.of("20:00"),
            "until", List.of("07:30"),
            "weekends", List.of("yes"),
            "digest", List.of("1")));
    assertThat(post(web, "/try/submit", form))
        .contains("enregistré")
        .contains("entre 20:00 et 07:30, et tout le week-end")
        .contains("Chaque lundi");
  }

  private static String post(RestClient web, String path, Map<String, Object> body) {
    return web.post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(String.class);
  }

  private Employee ana() {
    return people.identify(company, IdentityKind.SLACK, ANA).orElseThrow();
  }

  private static boolean toAna(FakeSlackApi.Call c, Commitment offered) {
    return ANA.equals(c.param("channel"))
        && c.param("blocks").contains("{\\\"commitmentId\\\":\\\"" + offered.id() + "\\\"}");
  }

  /** Ben takes the one seat, Ana waits, Ben cancels: a seat is offered to Ana, queued. */
  private Commitment seatOfferedToAna() {
    Mission m = fixtures.workshopInEsch(company, 1);
    Employee ben = people.identify(company, IdentityKind.SLACK, BEN).orElseThrow();
    Commitment seat = commitments.commit(company, ben.id(), m.id(), false).value();
    Commitment waiting = commitments.commit(company, ana().id(), m.id(), false).value();
    commitments.cancel(company, ben.id(), seat.id()).value();
    return waiting;
  }

  /** The modal Tandem opens after {@code step}. */
  private JsonNode modal(SlackModals.Step step) throws Exception {
    return SlackModals.openedBy(slack, step);
  }

  private String command(String user, String text) throws Exception {
    String name = "nt" + answers.incrementAndGet();
    assertThat(in.command(TEAM, user, text, name).statusCode()).isEqualTo(200);
    return answer(name);
  }

  private String press(String user, String action, Map<String, String> data) throws Exception {
    String name = "nt" + answers.incrementAndGet();
    in.interaction(in.blockAction(TEAM, user, action + "#0", data, name));
    return name;
  }

  /** Clicks the first button of {@code answer} with this action and (at least) this data. */
  private String pressIn(String user, String answer, String action, Map<String, String> with)
      throws Exception {
    for (JsonNode block : JSON.readTree(answer).path("blocks")) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("action_id").asText().startsWith(action + "#")) {
          Map<String, String> data = new HashMap<>();
          JSON.readTree(e.path("value").asText("{}"))
              .properties()
              .forEach(p -> data.put(p.getKey(), p.getValue().asText()));
          if (data.entrySet().containsAll(with.entrySet())) {
            return press(user, action, data);
          }
        }
      }
    }
    throw new AssertionError("no " + action + " button with " + with + " in " + answer);
  }

  private String answer(String name) throws Exception {
    return JSON.writeValueAsString(
        JSON.readTree(slack.await("/response/" + name, c -> true).body()));
  }
}
