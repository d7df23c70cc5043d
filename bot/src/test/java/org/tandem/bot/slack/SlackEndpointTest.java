package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Slack through the real {@code /slack/events} endpoint of the running app: requests signed as
 * Slack signs them, a local fake of the Web API and response URLs recording what the bot sends.
 */
@BotTest
class SlackEndpointTest {

  static final String SECRET = "test-signing-secret";
  static final String TEAM = "T0ACME";
  static final FakeSlackApi slack = new FakeSlackApi();
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void slackSettings(DynamicPropertyRegistry registry) {
    slack.configure(registry, SECRET, "xoxb-test-token");
    registry.add("TANDEM_ADMINS", () -> "U0ADMIN1,U0ADMIN2");
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
  @Autowired org.tandem.core.commitments.Commitments commitments;
  @Autowired org.tandem.core.hours.Hours hours;

  SlackRequests requests;
  String user;

  @BeforeEach
  void freshUser() {
    requests = new SlackRequests(port, SECRET, slack);
    slack.reset();
    user = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    slack.user(
        user, "Ana Lopes", "en-US", "Europe/Luxembourg", user.toLowerCase() + "@acme.example");
  }

  static String text(FakeSlackApi.Call call) {
    try {
      return JSON.readTree(call.body()).path("text").asText();
    } catch (Exception e) {
      return "";
    }
  }

  Employee onboarded(String userId) {
    TenantId tenant = tenants.findOrCreate(Platform.SLACK, TEAM, "acme", "LU").id();
    Employee e =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            userId,
            new org.tandem.core.people.NewPerson(
                "Ana Lopes", null, java.util.Locale.ENGLISH, Fixtures.LUXEMBOURG));
    Employee ana = fixtures.accountantInDifferdange(tenant);
    return people.updateProfile(tenant, e.id(), ana.profile()).value();
  }

  @Test
  void theSignerReproducesSlacksDocumentedSignature() throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/slack/slack_documented_signing_vector.json")) {
      JsonNode v = JSON.readTree(in);
      assertThat(
              SlackSigner.sign(
                  v.get("signing_secret").asText(),
                  v.get("x_slack_request_timestamp").asText(),
                  v.get("raw_body").asText()))
          .isEqualTo(v.get("expected_x_slack_signature").asText());
    }
  }

  @Test
  void aBadSignatureOrAStaleTimestampGets401AndTouchesNothing() throws Exception {
    String body =
        "token=x&team_id="
            + TEAM
            + "&user_id="
            + user
            + "&command=%2Ftandem&text=help&trigger_id=1.2.3";
    long now = Instant.now().getEpochSecond();
    assertThat(
            requests
                .post(
                    body,
                    "application/x-www-form-urlencoded",
                    now,
                    "v0=" + "0".repeat(64),
                    Map.of())
                .statusCode())
        .isEqualTo(401);
    long stale = now - 6 * 60;
    assertThat(
            requests
                .post(
                    body,
                    "application/x-www-form-urlencoded",
                    stale,
                    SlackSigner.sign(SECRET, Long.toString(stale), body),
                    Map.of())
                .statusCode())
        .isEqualTo(401);
    assertThat(
            requests
                .post(
                    body,
                    "application/x-www-form-urlencoded",
                    now,
                    SlackSigner.sign("another-secret", Long.toString(now), body),
                    Map.of())
                .statusCode())
        .isEqualTo(401);
    Thread.sleep(300);
    assertThat(slack.calls()).isEmpty();
    assertThat(
            tenants
                .find(Platform.SLACK, TEAM)
                .flatMap(t -> people.identify(t.id(), IdentityKind.SLACK, user)))
        .isEmpty();
  }

  @Test
  void urlVerificationEchoesTheChallenge() throws Exception {
    String body =
        "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
    HttpResponse<String> r = requests.signed(body, "application/json", Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  void slashCommandHelpIsAcknowledgedThenAnsweredOnlyToTheUser() throws Exception {
    HttpResponse<String> ack = requests.command(TEAM, user, "help", "help-" + user);
    assertThat(ack.statusCode()).isEqualTo(200);
    FakeSlackApi.Call reply = slack.await("/response/help-" + user, c -> true);
    JsonNode json = JSON.readTree(reply.body());
    assertThat(json.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(json.get("blocks").size()).isBetween(1, 50);
    assertThat(reply.body()).contains("Tandem");
    assertThat(slack.calls("users.info")).extracting(c -> c.param("user")).contains(user);
    TenantId tenant = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    Employee e = people.identify(tenant, IdentityKind.SLACK, user).orElseThrow();
    assertThat(e.displayName()).isEqualTo("Ana Lopes");
    assertThat(e.email()).isEqualTo(user.toLowerCase() + "@acme.example");
  }

  @Test
  void everySubcommandAnswersTheUserOnlyOrOpensAModal() throws Exception {
    onboarded(user);
    for (String sub :
        List.of(
            "missions remote",
            "profile",
            "hours",
            "mine",
            "year",
            "admin",
            "approvals",
            "help",
            // French and German subcommands: /tandem heures, /tandem stunden...
            "heures",
            "stunden",
            "engagements",
            "anmeldungen",
            "jahr",
            "aide",
            "gibberish words")) {
      slack.reset();
      String name = sub.replace(' ', '-') + "-" + user;
      requests.command(TEAM, user, sub, name);
      long deadline = System.currentTimeMillis() + 10_000;
      while (slack.calls("/response/" + name).isEmpty()
          && slack.calls("views.open").isEmpty()
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      List<FakeSlackApi.Call> answers = new java.util.ArrayList<>(slack.calls("/response/" + name));
      answers.addAll(slack.calls("views.open"));
      assertThat(answers).as(sub).hasSize(1);
      FakeSlackApi.Call answer = answers.get(0);
      if (answer.path().endsWith("views.open")) {
        assertThat(sub).isIn("profile", "hours", "heures", "stunden");
      } else {
        assertThat(JSON.readTree(answer.body()).get("response_type").asText())
            .as(sub)
            .isEqualTo("ephemeral");
      }
    }
    assertThat(text(slack.calls("/response/gibberish-words-" + user).get(0)))
        .contains("didn't quite get that");
  }

  @Test
  void aNewcomerGetsTheProfileModalAndItsErrorsComeBackOnTheField() throws Exception {
    requests.command(TEAM, user, "missions near Esch", "m-" + user);
    FakeSlackApi.Call open = slack.await("views.open", c -> true);
    JsonNode view = JSON.readTree(open.param("view"));
    assertThat(view.get("callback_id").asText()).isEqualTo("profile");
    assertThat(view.get("title").get("text").asText().length()).isLessThanOrEqualTo(24);
    assertThat(view.get("blocks").size()).isLessThanOrEqualTo(100);

    Map<String, Object> state =
        Map.of(
            "values",
            Map.of(
                "place",
                    Map.of(
                        "place",
                        Map.of(
                            "type",
                            "external_select",
                            "selected_option",
                            Map.of(
                                "text",
                                Map.of("type", "plain_text", "text", "Atlantis"),
                                "value",
                                "Atlantis"))),
                "travelKm", Map.of("travelKm", Map.of("type", "plain_text_input", "value", "20")),
                "remote",
                    Map.of(
                        "remote",
                        Map.of(
                            "type",
                            "static_select",
                            "selected_option",
                            Map.of(
                                "text",
                                Map.of("type", "plain_text", "text", "Yes"),
                                "value",
                                "yes")))));
    Map<String, Object> submission =
        SlackRequests.viewSubmission(TEAM, user, "V1", "profile", state);
    HttpResponse<String> errors = requests.interaction(submission);
    JsonNode body = JSON.readTree(errors.body());
    assertThat(body.get("response_action").asText()).isEqualTo("errors");
    assertThat(body.get("errors").get("place").asText()).contains("Atlantis");

    ObjectNode good = JSON.valueToTree(submission);
    ((ObjectNode) good.at("/view/state/values/place/place/selected_option"))
        .put("value", "Differdange, LU");
    HttpResponse<String> saved = requests.interaction(good);
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).doesNotContain("errors");
    slack.await(
        "chat.postMessage",
        c -> c.param("blocks") != null && c.param("blocks").contains("Differdange"));
  }

  @Test
  void thePlaceFieldSuggestsTownsOfTheGazetteer() throws Exception {
    Map<String, Object> suggestion =
        Map.of(
            "type", "block_suggestion",
            "team", Map.of("id", TEAM, "domain", "acme"),
            "user", Map.of("id", user, "team_id", TEAM),
            "api_app_id", "A0TANDEM",
            "action_id", "place",
            "block_id", "place",
            "value", "esch",
            "view", Map.of("id", "V1", "type", "modal", "callback_id", "profile"));
    HttpResponse<String> r = requests.interaction(suggestion);
    JsonNode options = JSON.readTree(r.body()).get("options");
    assertThat(options.size()).isBetween(2, 20);
    assertThat(options.get(0).at("/text/text").asText()).isEqualTo("Esch-sur-Alzette (LU)");
    assertThat(options.get(0).get("value").asText()).isEqualTo("Esch-sur-Alzette, LU");
  }

  @Test
  void theFirstAdminsComeFromTandemAdmins() throws Exception {
    slack.user("U0ADMIN1", "Paul Admin", "en-US", "Europe/Luxembourg", "paul@acme.example");
    requests.command(TEAM, "U0ADMIN1", "admin", "admin-U0ADMIN1");
    FakeSlackApi.Call reply = slack.await("/response/admin-U0ADMIN1", c -> true);
    assertThat(text(reply)).contains("Policy of");
    requests.command(TEAM, user, "admin", "admin-" + user);
    assertThat(text(slack.await("/response/admin-" + user, c -> true))).contains("only an admin");
  }

  @Test
  void theAdminTrailAnswersAdminsOnlyWithNamesEscapedForSlack() throws Exception {
    slack.user("U0ADMIN2", "Paula Admin", "en-US", "Europe/Luxembourg", "paula@acme.example");
    requests.command(TEAM, "U0ADMIN2", "admin", "adm-U0ADMIN2");
    slack.await("/response/adm-U0ADMIN2", c -> true);
    TenantId tenant = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    String eve = "<!channel> Eve " + UUID.randomUUID().toString().substring(0, 6);
    people.enrol(
        tenant,
        IdentityKind.SLACK,
        "UEVE" + eve.substring(eve.length() - 6).toUpperCase(),
        new org.tandem.core.people.NewPerson(
            eve, null, java.util.Locale.ENGLISH, Fixtures.LUXEMBOURG));
    requests.command(
        TEAM,
        "U0ADMIN2",
        "admin grant " + eve.substring(eve.length() - 10) + " csr",
        "grant-" + user);
    assertThat(text(slack.await("/response/grant-" + user, c -> true)))
        .contains(BlockKit.escape(eve))
        .doesNotContain("<!channel>");
    requests.command(TEAM, "U0ADMIN2", "admin audit 3", "audit-" + user);
    FakeSlackApi.Call trail = slack.await("/response/audit-" + user, c -> true);
    String blocks = JSON.readTree(trail.body()).path("blocks").toString();
    assertThat(blocks).contains("&lt;!channel&gt; Eve").doesNotContain("<!channel>");
    requests.command(TEAM, user, "admin audit", "audit-denied-" + user);
    assertThat(text(slack.await("/response/audit-denied-" + user, c -> true)))
        .contains("only an admin");
  }

  @Test
  void aReportAnswersTheManagerAndUploadsTheChartAndCsvToTheirConversationWithTandem()
      throws Exception {
    slack.user("U0ADMIN2", "Léa Admin", "fr-FR", "Europe/Luxembourg", "lea@acme.example");
    // Some approved hours this year, so the report has a chart to draw.
    TenantId acme = tenants.findOrCreate(Platform.SLACK, TEAM, "Acme", "LU").id();
    var mission = fixtures.workshopInEsch(acme, 5);
    Employee volunteer = fixtures.person(acme, "Jo Volunteer");
    long commitment =
        jdbc.sql(
                "insert into commitment (tenant_id, mission_id, employee_id, status)"
                    + " values (?, ?, ?, 'CONFIRMED') returning id")
            .params(acme.value(), mission.id(), volunteer.id())
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into hour_entry (tenant_id, commitment_id, employee_id, work_date, minutes,"
                + " status) values (?, ?, ?, ?, 120, 'APPROVED')")
        .params(
            acme.value(),
            commitment,
            volunteer.id(),
            java.sql.Date.valueOf(LocalDate.now(Fixtures.LUXEMBOURG).withDayOfMonth(1)))
        .update();
    requests.command(TEAM, "U0ADMIN2", "rapport cette année par site", "report-U0ADMIN2");
    String answer = text(slack.await("/response/report-U0ADMIN2", c -> true));
    assertThat(answer).contains("Rapport de bénévolat").contains("par site");
    FakeSlackApi.Call open =
        slack.await("conversations.open", c -> "U0ADMIN2".equals(c.param("users")));
    assertThat(open).isNotNull();
    FakeSlackApi.Call complete =
        slack.await("files.completeUploadExternal", c -> "D0TANDEM".equals(c.param("channel_id")));
    assertThat(complete.param("files"))
        .contains("Heures par mois (" + LocalDate.now(Fixtures.LUXEMBOURG).getYear() + ")")
        .contains("Données du rapport (" + LocalDate.now(Fixtures.LUXEMBOURG).getYear() + ")")
        .contains(
            "Données du rapport pour Excel (" + LocalDate.now(Fixtures.LUXEMBOURG).getYear() + ")");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    byte[] csv = "\uFEFFGroupe (site)".getBytes(StandardCharsets.UTF_8);
    assertThat(slack.uploads().values()).anyMatch(bytes -> contains(bytes, png));
    assertThat(slack.uploads().values()).anyMatch(bytes -> contains(bytes, csv));
    // The workbook beside the CSV, read back: the total row's figures are numeric cells.
    byte[] xlsx =
        slack.uploads().values().stream()
            .filter(org.dhatim.fastexcel.reader.ReadableWorkbook::isOOXMLZipHeader)
            .findFirst()
            .orElseThrow();
    var sheet = org.tandem.bot.support.Workbooks.rows(xlsx);
    assertThat(sheet).containsKeys("Groupe (site)", "Total");
    assertThat(sheet.get("Total").get(7)).isInstanceOf(java.math.BigDecimal.class);
    assertThat((java.math.BigDecimal) sheet.get("Total").get(7))
        .isGreaterThanOrEqualTo(new java.math.BigDecimal("2"));

    // Someone who is neither a CSR manager nor an admin gets a polite refusal and no file.
    int uploads = slack.uploads().size();
    requests.command(TEAM, user, "report", "report-" + user);
    assertThat(text(slack.await("/response/report-" + user, c -> true)))
        .contains("reserved for CSR managers");
    Thread.sleep(300);
    assertThat(slack.uploads()).hasSize(uploads);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void theHoursModalLogsHoursOrShowsTheRefusalOnItsField() throws Exception {
    Employee ana = onboarded(user);
    tenants.change(ana.tenantId(), org.tandem.core.tenants.PolicyChange.none().allowance(40));
    Mission mission = fixtures.workshopInEsch(ana.tenantId(), 3);
    requests.interaction(
        requests.blockAction(
            TEAM,
            user,
            "mission.commit#0",
            Map.of("missionId", Long.toString(mission.id())),
            "h-" + user));
    slack.await("/response/h-" + user, c -> text(c).contains("You're in"));
    requests.command(TEAM, user, "hours", "hours-" + user);
    JsonNode view =
        JSON.readTree(
            slack.await("views.open", c -> c.param("view").contains("\"hours\"")).param("view"));
    String commitment =
        view.at("/blocks").findValues("initial_option").get(0).get("value").asText();
    java.util.function.Function<String, Map<String, Object>> submit =
        hours ->
            SlackRequests.viewSubmission(
                TEAM,
                user,
                "V2",
                "hours",
                Map.of(
                    "values",
                    Map.of(
                        "commitment",
                            Map.of(
                                "commitment",
                                Map.of(
                                    "type",
                                    "static_select",
                                    "selected_option",
                                    Map.of(
                                        "text",
                                        Map.of("type", "plain_text", "text", "x"),
                                        "value",
                                        commitment))),
                        "date",
                            Map.of(
                                "date",
                                Map.of(
                                    "type",
                                    "datepicker",
                                    "selected_date",
                                    java.time.LocalDate.now(Fixtures.LUXEMBOURG).toString())),
                        "hours",
                            Map.of("hours", Map.of("type", "plain_text_input", "value", hours)),
                        "workTime",
                            Map.of(
                                "workTime",
                                Map.of(
                                    "type",
                                    "static_select",
                                    "selected_option",
                                    Map.of(
                                        "text",
                                        Map.of("type", "plain_text", "text", "Yes"),
                                        "value",
                                        "yes"))))));
    JsonNode refused = JSON.readTree(requests.interaction(submit.apply("-3")).body());
    assertThat(refused.at("/errors/hours").asText()).contains("more than zero");
    assertThat(requests.interaction(submit.apply("2h30")).body()).doesNotContain("errors");
    slack.await(
        "chat.postMessage",
        c -> c.param("blocks") != null && c.param("blocks").contains("Logged 2.5 h"));
    // Slack replays the same submission: acknowledged, and nothing more is logged or posted.
    assertThat(requests.interaction(submit.apply("2h30")).statusCode()).isEqualTo(200);
    assertThat(requests.interaction(submit.apply("2h30")).statusCode()).isEqualTo(200);
    awaitInboxDone();
    assertThat(
            slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("blocks") != null && c.param("blocks").contains("Logged")))
        .hasSize(1);
    assertThat(
            jdbc.sql("select sum(minutes) from hour_entry where employee_id = ?")
                .param(ana.id())
                .query(Integer.class)
                .single())
        .isEqualTo(150);
  }

  /** A modal submission as Slack sends it, every field a text input (as a forger would send). */
  Map<String, Object> viewSubmission(String callbackId, Map<String, String> fields) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    fields.forEach(
        (name, value) ->
            values.put(name, Map.of(name, Map.of("type", "plain_text_input", "value", value))));
    return SlackRequests.viewSubmission(TEAM, user, "V9", callbackId, Map.of("values", values));
  }

  @Test
  void anEmployeesCraftedPolicyOrMissionSubmissionIsRefusedAndChangesNothing() throws Exception {
    Employee ana = onboarded(user);
    TenantId tenant = ana.tenantId();
    var before = tenants.find(tenant).orElseThrow().policy().yearlyAllowanceHours();
    HttpResponse<String> policy =
        requests.interaction(
            viewSubmission(
                "policy",
                Map.of(
                    "allowance", "1999",
                    "rate", "45",
                    "currency", "EUR",
                    "country", "LU",
                    "managerApproval", "no",
                    "hoursApproval", "no")));
    assertThat(policy.statusCode()).isEqualTo(200);
    assertThat(policy.body()).doesNotContain("errors");
    slack.await(
        "chat.postMessage",
        c -> user.equals(c.param("channel")) && c.param("text").contains("only an admin"));
    assertThat(tenants.find(tenant).orElseThrow().policy().yearlyAllowanceHours())
        .isEqualByComparingTo(before);

    var association =
        fixtures.association(tenant, "Forgers Anonymous", org.tandem.core.causes.Cause.EDUCATION);
    HttpResponse<String> mission =
        requests.interaction(
            viewSubmission(
                "mission",
                Map.of(
                    "association", Long.toString(association.id()),
                    "title", "Forged mission",
                    "mode", "REMOTE",
                    "hoursPerSession", "2",
                    "capacity", "4")));
    assertThat(mission.statusCode()).isEqualTo(200);
    slack.await(
        "chat.postMessage",
        c ->
            user.equals(c.param("channel"))
                && c.param("text").contains("reserved for CSR managers"));
    assertThat(
            jdbc.sql(
                    "select count(*) from mission where tenant_id = ? and title = 'Forged mission'")
                .param(tenant.value())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void commandsWithoutATriggerIdAreEachAnsweredAndARepeatedOneOnce() throws Exception {
    onboarded(user);
    List<String> bodies = new java.util.ArrayList<>();
    for (String text : List.of("help", "year", "mine")) {
      bodies.add(
          "team_id="
              + TEAM
              + "&team_domain=acme&channel_id=C1&user_id="
              + user
              + "&command=%2Ftandem&text="
              + text
              + "&response_url="
              + URLEncoder.encode(slack.responseUrl("nt-" + text + user), StandardCharsets.UTF_8));
    }
    for (String body : bodies) {
      assertThat(requests.signed(body, "application/x-www-form-urlencoded", Map.of()).statusCode())
          .isEqualTo(200);
    }
    requests.signed(bodies.get(0), "application/x-www-form-urlencoded", Map.of());
    for (String text : List.of("help", "year", "mine")) {
      slack.await("/response/nt-" + text + user, c -> true);
    }
    awaitInboxDone();
    assertThat(slack.calls("/response/nt-help" + user)).hasSize(1);
  }

  /** Waits until every stored Slack request of this person is answered (or given up). */
  void awaitInboxDone() throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (jdbc.sql(
                  "select count(*) from inbox where channel = 'slack'"
                      + " and status in ('NEW', 'ANSWERED') and payload like ?")
              .param("%\"userId\":\"" + user + "\"%")
              .query(Integer.class)
              .single()
          == 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the inbox was not worked");
  }

  @Test
  void theCommitButtonOfAMissionCardCommitsOnce() throws Exception {
    Employee ana = onboarded(user);
    Mission mission = fixtures.workshopInEsch(ana.tenantId(), 3);
    Map<String, Object> click =
        requests.blockAction(
            TEAM,
            user,
            "mission.commit#0",
            Map.of("missionId", Long.toString(mission.id())),
            "c-" + user);
    assertThat(requests.interaction(click).statusCode()).isEqualTo(200);
    slack.await("/response/c-" + user, c -> text(c).contains("You're in"));
    // Slack delivers an interaction once; the same trigger seen again changes nothing.
    requests.interaction(click);
    Thread.sleep(300);
    assertThat(
            jdbc.sql("select count(*) from commitment where mission_id = ?")
                .param(mission.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anEmployeesCraftedApproveButtonIsRefusedAndTheHoursStayPending() throws Exception {
    Employee ana = onboarded(user);
    TenantId tenant = ana.tenantId();
    tenants.change(
        tenant, org.tandem.core.tenants.PolicyChange.none().allowance(40).hoursApproval(true));
    Mission mission = fixtures.workshopInEsch(tenant, 5);
    Employee colleague = fixtures.person(tenant, "Colleague");
    var c = commitments.commit(tenant, colleague.id(), mission.id(), false).value();
    var entry =
        hours
            .log(
                tenant,
                colleague.id(),
                org.tandem.core.hours.HoursRequest.onWorkTime(
                    c.id(), LocalDate.now(Fixtures.LUXEMBOURG), 60, ""))
            .value();
    requests.interaction(
        requests.blockAction(
            TEAM,
            user,
            "hours.approve#0",
            Map.of("entryId", Long.toString(entry.id())),
            "approve-" + user));
    slack.await("/response/approve-" + user, c2 -> text(c2).contains("reserved for CSR managers"));
    assertThat(hours.find(tenant, entry.id()).orElseThrow().status())
        .isEqualTo(org.tandem.core.hours.HourStatus.PENDING);
  }

  @Test
  void aUserOfAnotherWorkspaceCannotActOnThisWorkspacesMission() throws Exception {
    Employee ana = onboarded(user);
    Mission mission = fixtures.workshopInEsch(ana.tenantId(), 3);
    String stranger = "U0OTHER" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    slack.user(stranger, "Eve", "en-US", "Europe/Luxembourg", "eve@other.example");
    requests.interaction(
        requests.blockAction(
            "T0OTHER",
            stranger,
            "mission.commit#0",
            Map.of("missionId", Long.toString(mission.id())),
            "x-" + stranger));
    slack.await("/response/x-" + stranger, c -> text(c).contains("another workspace"));
    assertThat(
            jdbc.sql("select count(*) from commitment where mission_id = ?")
                .param(mission.id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aDirectMessageIsAnsweredOnceEvenWhenSlackRetries() throws Exception {
    onboarded(user);
    Map<String, Object> dm =
        Map.of(
            "type",
            "message",
            "user",
            user,
            "text",
            "my year",
            "ts",
            "1726133700.887259",
            "channel",
            "D0DM" + user,
            "event_ts",
            "1726133700.887259",
            "channel_type",
            "im");
    String eventId = "Ev" + UUID.randomUUID();
    assertThat(requests.event(TEAM, eventId, dm, Map.of()).statusCode()).isEqualTo(200);
    assertThat(
            requests
                .event(
                    TEAM,
                    eventId,
                    dm,
                    Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .statusCode())
        .isEqualTo(200);
    slack.await("chat.postMessage", c -> ("D0DM" + user).equals(c.param("channel")));
    Thread.sleep(500);
    assertThat(
            slack.calls("chat.postMessage").stream()
                .filter(c -> ("D0DM" + user).equals(c.param("channel"))))
        .hasSize(1);
  }

  @Test
  void aFormAskedForInADirectMessageComesWithAButtonThatOpensItAsAModal() throws Exception {
    Map<String, Object> dm =
        Map.of(
            "type", "message",
            "user", user,
            "text", "profile",
            "ts", "1726133700.1",
            "channel", "D0DM" + user,
            "event_ts", "1726133700.1",
            "channel_type", "im");
    requests.event(TEAM, "Ev" + UUID.randomUUID(), dm, Map.of());
    FakeSlackApi.Call message =
        slack.await("chat.postMessage", c -> ("D0DM" + user).equals(c.param("channel")));
    JsonNode button = null;
    for (JsonNode block : JSON.readTree(message.param("blocks"))) {
      for (JsonNode element : block.path("elements")) {
        if (element.path("action_id").asText().startsWith("form.open")) {
          button = element;
        }
      }
    }
    assertThat(button).as(message.param("blocks")).isNotNull();
    assertThat(button.path("text").path("text").asText()).isEqualTo("Open the form");
    assertThat(message.param("blocks")).contains("Your volunteering profile");
    assertThat(slack.calls("views.open")).isEmpty();

    requests.interaction(
        requests.blockAction(
            TEAM,
            user,
            button.path("action_id").asText(),
            JSON.readValue(
                button.path("value").asText(), new TypeReference<Map<String, String>>() {}),
            "form-open"));
    FakeSlackApi.Call open = slack.await("views.open", c -> true);
    assertThat(open.param("view"))
        .contains("\"type\":\"modal\"")
        .contains("\"callback_id\":\"profile\"");
  }

  @Test
  void aMentionInAChannelIsAnsweredToThePersonOnly() throws Exception {
    onboarded(user);
    Map<String, Object> mention =
        Map.of(
            "type",
            "app_mention",
            "user",
            user,
            "text",
            "<@UBOT> my year",
            "ts",
            "1.3",
            "channel",
            "C0GENERAL",
            "event_ts",
            "1.3");
    requests.event(TEAM, "Ev" + UUID.randomUUID(), mention, Map.of());
    FakeSlackApi.Call e = slack.await("chat.postEphemeral", c -> user.equals(c.param("user")));
    assertThat(e.param("channel")).isEqualTo("C0GENERAL");
    assertThat(e.param("blocks")).contains("Allowance left");
    assertThat(slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void aRateLimitedPostIsRetriedAfterRetryAfter() throws Exception {
    onboarded(user);
    slack.rateLimit("chat.postMessage", 1);
    Map<String, Object> dm =
        Map.of(
            "type",
            "message",
            "user",
            user,
            "text",
            "help",
            "ts",
            "1.2",
            "channel",
            "D1" + user,
            "event_ts",
            "1.2",
            "channel_type",
            "im");
    requests.event(TEAM, "Ev" + UUID.randomUUID(), dm, Map.of());
    slack.await("chat.postMessage", c -> true);
    long deadline = System.currentTimeMillis() + 5000;
    while (slack.calls("chat.postMessage").size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(slack.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  void aNewcomersAppHomeButtonSaysItOpensTheProfileNotSave() throws Exception {
    TenantId tenant = tenants.findOrCreate(Platform.SLACK, TEAM, "acme", "LU").id();
    people.enrol(
        tenant,
        IdentityKind.SLACK,
        user,
        new org.tandem.core.people.NewPerson(
            "Nour Haddad", null, java.util.Locale.ENGLISH, Fixtures.LUXEMBOURG));
    Map<String, Object> opened =
        Map.of(
            "type",
            "app_home_opened",
            "user",
            user,
            "channel",
            "D0LAN2Q65",
            "tab",
            "home",
            "event_ts",
            "1515449522000017");
    requests.event(TEAM, "Ev" + UUID.randomUUID(), opened, Map.of());
    FakeSlackApi.Call publish = slack.await("views.publish", c -> user.equals(c.param("user_id")));
    JsonNode view = JSON.readTree(publish.param("view"));
    List<String> buttons = new java.util.ArrayList<>();
    view.findValues("elements")
        .forEach(
            es ->
                es.forEach(
                    e -> {
                      if ("button".equals(e.path("type").asText())
                          && e.path("action_id").asText().startsWith("profile.edit#")) {
                        buttons.add(e.path("text").path("text").asText());
                      }
                    }));
    assertThat(buttons).containsExactly("Set up my profile");
  }

  @Test
  void theAppHomeShowsTheYearCommitmentsAndSuggestionsWithinBlockKitLimits() throws Exception {
    onboarded(user);
    Map<String, Object> opened =
        Map.of(
            "type",
            "app_home_opened",
            "user",
            user,
            "channel",
            "D0LAN2Q65",
            "tab",
            "home",
            "event_ts",
            "1515449522000016");
    requests.event(TEAM, "Ev" + UUID.randomUUID(), opened, Map.of());
    FakeSlackApi.Call publish = slack.await("views.publish", c -> user.equals(c.param("user_id")));
    JsonNode view = JSON.readTree(publish.param("view"));
    assertThat(view.get("type").asText()).isEqualTo("home");
    assertThat(view.get("blocks").size()).isBetween(1, 100);
    assertThat(publish.param("view")).contains("Allowance left").contains("mission.commit");
  }
}
