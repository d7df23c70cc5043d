package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.ScimClient;
import org.tandem.bot.support.SlackModals;
import org.tandem.bot.support.SlackOAuth;
import org.tandem.bot.support.SlackRequests;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.Policy;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A company from nothing, through signed Slack requests only (no demo data, no fixture): Claire
 * installs Tandem with "Add to Slack" and is welcomed with the setup checklist; she sets the policy
 * with line-manager approval in its modal; she takes the SCIM token from the checklist and the
 * identity provider provisions Marc and ten colleagues (two sites and departments of five, Marc
 * their line manager), recognised by email when they first write; she registers the first
 * association and creates a mission in their modals and gets the announcement; the colleagues set
 * their profiles, find the mission and commit; Marc approves their commitments, they log hours,
 * Marc approves them; Claire's report by site and by department shows each group.
 */
@BotTest
class SlackCompanyFromNothingTest {

  static final String SECRET = "from-nothing-secret";
  static final String TEAM = "T0SCRATCH";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);

  /** Ten colleagues: five in Esch, five in Luxembourg. */
  static final List<String> COLLEAGUES =
      List.of(
          "U0ANA", "U0BEN", "U0CARLA", "U0DAVID", "U0EVA", "U0FRANK", "U0GINA", "U0HUGO", "U0IRIS",
          "U0JEAN");

  static final List<String> NAMES =
      List.of(
          "Ana Lopes",
          "Ben Muller",
          "Carla Diaz",
          "David Reuter",
          "Eva Klein",
          "Frank Hoffmann",
          "Gina Rossi",
          "Hugo Weber",
          "Iris Becker",
          "Jean Thill");

  @DynamicPropertySource
  static void oauthMode(DynamicPropertyRegistry registry) {
    registry.add("SLACK_SIGNING_SECRET", () -> SECRET);
    registry.add("SLACK_CLIENT_ID", () -> "111.222");
    registry.add("SLACK_CLIENT_SECRET", () -> "client-secret");
    registry.add("SLACK_API_URL", slack::apiUrl);
    // A workspace of its own: other tests install "New Co" (T0NEW) on the same database.
    slack.answer(
        "oauth.v2.access",
        "{\"ok\":true,\"access_token\":\"xoxb-scratch-token\",\"token_type\":\"bot\","
            + "\"scope\":\"commands,chat:write\",\"bot_user_id\":\"UBOT\",\"app_id\":\"A0TANDEM\","
            + "\"team\":{\"id\":\"T0SCRATCH\",\"name\":\"Scratch Ltd\"},"
            + "\"authed_user\":{\"id\":\"U0CLAIRE\"}}");
    // The test delivers the outbox itself, or its nudge does: no scheduled run in between.
    registry.add("tandem.outbox.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final AtomicInteger answers = new AtomicInteger();
  SlackRequests in;

  @Test
  void aCompanyFromNothingReachesItsFirstReportBySiteWithARealLineManagerApproval()
      throws Exception {
    in = new SlackRequests(port, SECRET, slack);
    slack.user("U0CLAIRE", "Claire Weber", "en-GB", "Europe/Luxembourg", "claire@newco.example");
    slack.user("U0MARC", "Marc Schmit", "en-GB", "Europe/Luxembourg", "marc@newco.example");
    for (int i = 0; i < COLLEAGUES.size(); i++) {
      slack.user(
          COLLEAGUES.get(i), NAMES.get(i), "en-GB", "Europe/Luxembourg", email(COLLEAGUES.get(i)));
    }

    // Install: "Add to Slack", then Slack's redirect. Claire is welcomed with the checklist.
    install();
    TenantId company = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    assertThat(
            slack
                .await("chat.postMessage", c -> "U0CLAIRE".equals(c.param("channel")))
                .param("text"))
        .contains("Setting up Tandem at Scratch Ltd")
        .contains("1. The policy — To do");

    // 1. The policy, in its modal: 40 h a year, line managers approve commitments, 45 EUR.
    String checklist = command("U0CLAIRE", "admin setup");
    assertThat(checklist).contains("0 of 5 steps done");
    JsonNode policyForm = modal(() -> press("U0CLAIRE", checklist, "policy.edit", Map.of()));
    submit(
        "U0CLAIRE",
        policyForm,
        Map.of(
            "allowance", List.of("40"),
            "managerApproval", List.of("yes"),
            "hoursApproval", List.of("yes"),
            "rate", List.of("45"),
            "currency", List.of("EUR"),
            "country", List.of("LU"),
            "sector", List.of("PRIVATE")));
    Policy policy = tenants.find(company).orElseThrow().policy();
    assertThat(policy.managerApproval()).isTrue();
    assertThat(policy.yearlyAllowanceHours()).isEqualByComparingTo("40");

    // 2. The directory, from the identity provider: Claire takes the SCIM token the checklist
    // offers; Entra ID pushes Marc and ten colleagues, five in Esch (Finance) and five in
    // Luxembourg (IT), Marc their line manager. (Reports show no group of fewer than five.)
    String scim =
        click(
            "U0CLAIRE",
            command("U0CLAIRE", "admin setup"),
            ConversationEngine.OPEN_FORM,
            Map.of("command", "admin", "args", "scim"));
    Matcher token = Pattern.compile("tdm_scim_[A-Za-z0-9_-]{43}").matcher(scim);
    assertThat(token.find()).as(scim).isTrue();
    ScimClient entra = new ScimClient(port, token.group());
    String marcId =
        entra.user("marc@newco.example", "Marc Schmit", "Luxembourg", "Management", null);
    for (int i = 0; i < COLLEAGUES.size(); i++) {
      boolean esch = i < 5;
      entra.user(
          email(COLLEAGUES.get(i)),
          NAMES.get(i),
          esch ? "Esch-sur-Alzette" : "Luxembourg",
          esch ? "Finance" : "IT",
          marcId);
    }
    // Everyone says hello: Slack gives their email, and they are the people provisioned.
    assertThat(command("U0MARC", "help")).contains("Hi, I'm Tandem");
    for (String user : COLLEAGUES) {
      assertThat(command(user, "help")).contains("Hi, I'm Tandem");
      assertThat(person(company, user).site()).isIn("Esch-sur-Alzette", "Luxembourg");
    }

    // 3. The first association, in its modal, from the checklist's button.
    JsonNode associationForm =
        modal(
            () ->
                press(
                    "U0CLAIRE",
                    command("U0CLAIRE", "admin setup"),
                    ConversationEngine.OPEN_FORM,
                    Map.of("command", "new", "args", "association")));
    submit(
        "U0CLAIRE",
        associationForm,
        Map.of(
            "name", List.of("Épicerie solidaire d'Esch"),
            "legalIdKind", List.of("LU_RCS"),
            "registrationId", List.of("F1234"),
            "causes", List.of("FOOD_AID"),
            "place", List.of("Esch-sur-Alzette"),
            "coordinatorName", List.of("Léa Hoffmann"),
            "coordinatorEmail", List.of("lea@epicerie.example")));
    long association = association(company);

    // 4. The first mission, in its modal, today in Esch.
    JsonNode missionForm = modal(() -> in.command(TEAM, "U0CLAIRE", "new mission", "modal"));
    submit(
        "U0CLAIRE",
        missionForm,
        Map.of(
            "association", List.of(Long.toString(association)),
            "title", List.of("Keep the books of the food bank"),
            "skills", List.of("accounting"),
            "mode", List.of("ONSITE"),
            "place", List.of("Esch-sur-Alzette"),
            "firstDate", List.of(LocalDate.now(ZoneId.of("Europe/Luxembourg")).toString()),
            "sessions", List.of("1"),
            "hoursPerSession", List.of("2"),
            "startTime", List.of("18:00"),
            "capacity", List.of("12")));
    // The directory and the first association and mission are there: 4 of 5 steps. 5. The
    // announcement, ready to copy for a Slack channel.
    String setup = command("U0CLAIRE", "admin setup");
    assertThat(setup).contains("4 of 5 steps done");
    assertThat(click("U0CLAIRE", setup, "setup.announce"))
        .contains("Scratch Ltd now offers skills-based volunteering")
        .contains("/tandem missions")
        .contains("up to 40 hours a year");
    assertThat(command("U0CLAIRE", "admin setup")).contains("5 of 5 steps done");

    // Each colleague sets a profile, finds the mission and commits: it waits for Marc.
    for (String user : COLLEAGUES) {
      JsonNode profile = modal(() -> in.command(TEAM, user, "profile", "modal"));
      submit(
          user,
          profile,
          Map.of("skills", List.of("accounting"), "place", List.of("Esch-sur-Alzette")));
      String found = command(user, "missions");
      assertThat(found).contains("Keep the books of the food bank");
      assertThat(click(user, found, "mission.commit"))
          .contains("Your manager is asked to approve it");
    }
    // Marc approves each commitment, as their line manager.
    for (int i = 0; i < COLLEAGUES.size(); i++) {
      String pending = command("U0MARC", "approvals");
      assertThat(pending).contains("Keep the books of the food bank");
      click("U0MARC", pending, "commitment.approve");
    }
    // They log two hours each; Marc approves them.
    for (String user : COLLEAGUES) {
      assertThat(command(user, "log 2h today")).contains("Logged 2 h");
    }
    for (int i = 0; i < COLLEAGUES.size(); i++) {
      click("U0MARC", command("U0MARC", "approvals"), "hours.approve");
    }
    assertThat(command("U0MARC", "approvals")).doesNotContain("hours.approve");

    // Claire's first reports: one group per site, one per department, with the hours.
    String bySite = command("U0CLAIRE", "report this year by site");
    assertThat(bySite)
        .contains("Hours: 20 h approved")
        .contains("Esch-sur-Alzette — 5 volunteers, 10 h")
        .contains("Luxembourg — 5 volunteers, 10 h")
        .doesNotContain("Other (groups under 5 people)");
    String byDepartment = command("U0CLAIRE", "report this year by department");
    assertThat(byDepartment)
        .contains("Finance — 5 volunteers, 10 h")
        .contains("IT — 5 volunteers, 10 h")
        .contains("Valuation: €900 at €45 an hour");
  }

  private void install() throws Exception {
    SlackOAuth.install(http, port);
  }

  private static String email(String slackId) {
    return slackId.toLowerCase(java.util.Locale.ROOT) + "@newco.example";
  }

  /** The company's one association, as its form registered it. */
  private long association(TenantId company) {
    return jdbc.sql("select id from association where tenant_id = ?")
        .param(company.value())
        .query(Long.class)
        .single();
  }

  private Employee person(TenantId company, String slackId) {
    return people.identify(company, IdentityKind.SLACK, slackId).orElseThrow();
  }

  /** {@code /tandem text}; returns what Tandem answered at the command's response URL. */
  private String command(String user, String text) throws Exception {
    String name = "r" + answers.incrementAndGet();
    assertThat(in.command(TEAM, user, text, name).statusCode()).isEqualTo(200);
    return readable(slack.await("/response/" + name, c -> true).body());
  }

  /** Clicks the first button of {@code answer} whose action is {@code action}. */
  private String click(String user, String answer, String action) throws Exception {
    return click(user, answer, action, Map.of());
  }

  /** Clicks the first button of {@code answer} with this action and (at least) this data. */
  private String click(String user, String answer, String action, Map<String, String> with)
      throws Exception {
    String name = press(user, answer, action, with);
    return readable(slack.await("/response/" + name, c -> true).body());
  }

  /** Clicks the button and returns the name of its response URL, without waiting for it. */
  private String press(String user, String answer, String action, Map<String, String> with)
      throws Exception {
    String name = "r" + answers.incrementAndGet();
    in.interaction(in.blockAction(TEAM, user, action + "#0", button(answer, action, with), name));
    return name;
  }

  /** The answer's JSON as Jackson writes it: "I'm", not "I\u0027m". */
  private static String readable(String json) throws Exception {
    return JSON.writeValueAsString(JSON.readTree(json));
  }

  /** The data of the first button of {@code answer} (Block Kit JSON) with this action. */
  private static Map<String, String> button(String answer, String action, Map<String, String> with)
      throws Exception {
    for (JsonNode block : JSON.readTree(answer).path("blocks")) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("action_id").asText().startsWith(action + "#")) {
          Map<String, String> data = new HashMap<>();
          JSON.readTree(e.path("value").asText("{}"))
              .properties()
              .forEach(p -> data.put(p.getKey(), p.getValue().asText()));
          if (data.entrySet().containsAll(with.entrySet())) {
            return data;
          }
        }
      }
    }
    throw new AssertionError("no " + action + " button in " + answer);
  }

  /** The modal Tandem opens after {@code step}. */
  private JsonNode modal(SlackModals.Step step) throws Exception {
    return SlackModals.openedBy(slack, step);
  }

  private void submit(String user, JsonNode view, Map<String, List<String>> typed)
      throws Exception {
    HttpResponse<String> r = in.interaction(SlackModals.submission(TEAM, user, view, typed));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).as("no field refused").doesNotContain("\"errors\"");
  }
}
