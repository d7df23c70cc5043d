package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Teams through the real {@code /api/messages}: tokens signed by a local key served from a fake
 * OpenID metadata and keys endpoint, answers recorded by a fake Bot Connector.
 */
@BotTest
class TeamsMessagesTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000a99e1";
  static final String TENANT = "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeBotConnector connector = new FakeBotConnector();
  static final RSAKey KEY = connector.key;
  static final List<String[]> sent = connector.sent;
  static final List<String> tokenRequests = connector.tokenRequests;
  static final java.util.concurrent.atomic.AtomicInteger busyLeft = connector.busyLeft;
  static final String SERVICE_URL = connector.serviceUrl();

  @DynamicPropertySource
  static void teams(DynamicPropertyRegistry registry) {
    connector.configure(registry, APP_ID);
    // Short limits, set here and asserted by what happens: a hanging connector times out.
    registry.add("tandem.http.read-timeout", () -> "PT0.4S");
    registry.add("tandem.inbox.backoff", () -> "PT0.2S");
  }

  @AfterAll
  static void stop() {
    connector.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired TeamsNotifier notifier;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  String aad;

  @BeforeEach
  void fresh() {
    sent.clear();
    aad = UUID.randomUUID().toString();
  }

  static RSAKey key(String kid) {
    return FakeBotConnector.key(kid);
  }

  static String token(
      RSAKey key, String issuer, String audience, Instant expires, String serviceUrl)
      throws Exception {
    return FakeBotConnector.token(key, issuer, audience, expires, serviceUrl);
  }

  static String good() throws Exception {
    return connector.token(APP_ID);
  }

  ObjectNode message(String text) {
    ObjectNode a = JSON.createObjectNode();
    a.put("type", "message");
    a.put("id", "act-" + UUID.randomUUID());
    a.put("serviceUrl", SERVICE_URL);
    a.put("channelId", "msteams");
    a.put("text", text);
    a.put("locale", "en-US");
    a.putObject("from").put("id", "29:" + aad).put("aadObjectId", aad).put("name", "Ana Lopes");
    a.putObject("recipient").put("id", "28:" + APP_ID).put("name", "Tandem");
    a.putObject("conversation")
        .put("id", "a:conv-" + aad)
        .put("conversationType", "personal")
        .put("tenantId", TENANT);
    return a;
  }

  /** Posts as Teams does; a message is answered after the 200: waits until it is. */
  HttpResponse<String> post(JsonNode activity, String token) throws Exception {
    return teams().post(activity, token);
  }

  void answered(String activityId) throws InterruptedException {
    teams().answered(activityId);
  }

  TeamsActivities teams() {
    return new TeamsActivities(port, APP_ID, connector, jdbc);
  }

  JsonNode lastReply() throws Exception {
    assertThat(sent).isNotEmpty();
    return JSON.readTree(sent.get(sent.size() - 1)[1]);
  }

  @Test
  void aMessageIsAnsweredWithAdaptiveCardsThroughTheConnector() throws Exception {
    ObjectNode m = message("help");
    assertThat(post(m, good()).statusCode()).isEqualTo(200);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)[0])
        .isEqualTo(
            "/connector/v3/conversations/a:conv-" + aad + "/activities/" + m.get("id").asText());
    assertThat(sent.get(0)[2]).isEqualTo("Bearer bot-app-token");
    JsonNode reply = lastReply();
    assertThat(reply.at("/attachments/0/contentType").asText())
        .isEqualTo(AdaptiveCards.CONTENT_TYPE);
    assertThat(reply.path("text").asText()).contains("Tandem");
    var tenant = tenants.find(Platform.TEAMS, TENANT).orElseThrow();
    assertThat(people.identify(tenant.id(), IdentityKind.TEAMS, aad).orElseThrow().email())
        .isEqualTo(aad + "@contoso.example");
  }

  @Test
  void anInstallIsWelcomedRememberedForProactiveMessagesAndForgottenOnUninstall() throws Exception {
    ObjectNode install = message("");
    install.put("type", "installationUpdate");
    install.put("action", "add");
    install.remove("text");
    assertThat(post(install, good()).statusCode()).isEqualTo(200);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)[0])
        .isEqualTo("/connector/v3/conversations/a:conv-" + aad + "/activities");
    assertThat(lastReply().path("text").asText()).contains("Tandem");

    TenantId tenant = tenants.find(Platform.TEAMS, TENANT).orElseThrow().id();
    long employee = people.identify(tenant, IdentityKind.TEAMS, aad).orElseThrow().id();
    assertThat(
            notifier.send(
                tenant,
                employee,
                org.tandem.bot.conversation.Reply.notice(
                    org.tandem.bot.conversation.Reply.Notice.Level.INFO,
                    "Reminder: workshop tomorrow")))
        .isEqualTo(org.tandem.bot.conversation.Notifier.Delivery.SENT);
    assertThat(lastReply().path("text").asText()).isEqualTo("Reminder: workshop tomorrow");

    ObjectNode remove = install.deepCopy();
    remove.put("id", "act-" + UUID.randomUUID());
    remove.put("action", "remove");
    post(remove, good());
    assertThat(
            jdbc.sql("select count(*) from teams_conversation where conversation_id = ?")
                .param("a:conv-" + aad)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            notifier.send(
                tenant,
                employee,
                org.tandem.bot.conversation.Reply.notice(
                    org.tandem.bot.conversation.Reply.Notice.Level.INFO, "x")))
        .isEqualTo(org.tandem.bot.conversation.Notifier.Delivery.UNREACHABLE);
  }

  @Test
  void aConversationAnswering403IsMarkedDead() throws Exception {
    ObjectNode m = message("help");
    ((ObjectNode) m.get("conversation")).put("id", "a:gone-" + aad);
    post(m, good());
    TenantId tenant = tenants.find(Platform.TEAMS, TENANT).orElseThrow().id();
    long employee = people.identify(tenant, IdentityKind.TEAMS, aad).orElseThrow().id();
    assertThat(
            notifier.send(
                tenant,
                employee,
                org.tandem.bot.conversation.Reply.notice(
                    org.tandem.bot.conversation.Reply.Notice.Level.INFO, "x")))
        .isEqualTo(org.tandem.bot.conversation.Notifier.Delivery.UNREACHABLE);
    assertThat(
            jdbc.sql("select dead from teams_conversation where conversation_id = ?")
                .param("a:gone-" + aad)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void aUniversalActionAnswersWithTheUpdatedCardAndATaskModuleRoundTripsAForm() throws Exception {
    TenantId tenant = tenants.findOrCreate(Platform.TEAMS, TENANT, TENANT, "LU").id();
    Employee e =
        people.enrol(
            tenant,
            IdentityKind.TEAMS,
            aad,
            new NewPerson("Ana Lopes", null, java.util.Locale.ENGLISH, Fixtures.LUXEMBOURG));
    people.updateProfile(tenant, e.id(), fixtures.accountantInDifferdange(tenant).profile());
    Mission mission = fixtures.workshopInEsch(tenant, 3);

    ObjectNode invoke = message("");
    invoke.put("type", "invoke");
    invoke.put("name", "adaptiveCard/action");
    ObjectNode action = invoke.putObject("value").putObject("action");
    action.put("type", "Action.Execute").put("verb", "mission.commit");
    action.putObject("data").put("missionId", Long.toString(mission.id()));
    HttpResponse<String> r = post(invoke, good());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(r.body());
    assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
    assertThat(answer.get("type").asText()).isEqualTo(AdaptiveCards.CONTENT_TYPE);
    assertThat(answer.get("value").toString()).contains("You're in: Bookkeeping workshop");

    ObjectNode fetch = message("");
    fetch.put("type", "invoke");
    fetch.put("name", "task/fetch");
    fetch.putObject("value").putObject("data").put("action", "profile.edit");
    JsonNode dialog = JSON.readTree(post(fetch, good()).body());
    assertThat(dialog.at("/task/type").asText()).isEqualTo("continue");
    assertThat(dialog.at("/task/value/card/content/actions/0/data/formId").asText())
        .isEqualTo("profile");

    ObjectNode submit = message("");
    submit.put("type", "invoke");
    submit.put("name", "task/submit");
    ObjectNode data = submit.putObject("value").putObject("data");
    data.put("formId", "profile")
        .put("multi", "skills,causes,languages,availability")
        .put("place", "Atlantis")
        .put("travelKm", "20")
        .put("remote", "yes")
        .put("skills", "accounting,spreadsheets");
    JsonNode again = JSON.readTree(post(submit, good()).body());
    assertThat(again.at("/task/type").asText()).isEqualTo("continue");
    assertThat(again.toString()).contains("Atlantis");
    ObjectNode fixed = submit.deepCopy();
    fixed.put("id", "act-" + UUID.randomUUID());
    ((ObjectNode) fixed.at("/value/data")).put("place", "Esch-sur-Alzette");
    JsonNode done = JSON.readTree(post(fixed, good()).body());
    assertThat(done.at("/task/type").asText()).isEqualTo("message");
    assertThat(done.at("/task/value").asText())
        .contains("Profile saved")
        .contains("Esch-sur-Alzette");
    assertThat(people.find(tenant, e.id()).orElseThrow().profile().skills())
        .containsExactly("accounting", "spreadsheets");
  }

  ObjectNode in(String tenantId, ObjectNode activity) {
    ((ObjectNode) activity.get("conversation")).put("tenantId", tenantId);
    return activity;
  }

  ObjectNode installation(String tenantId) {
    ObjectNode install = in(tenantId, message(""));
    install.put("type", "installationUpdate");
    install.put("action", "add");
    install.remove("text");
    return install;
  }

  @Test
  void theFirstInstallerOfATenantRunsItAndLaterInstallersDoNot() throws Exception {
    String aadTenant = UUID.randomUUID().toString();
    assertThat(post(installation(aadTenant), good()).statusCode()).isEqualTo(200);
    assertThat(lastReply().path("text").asText())
        .contains("You run it for your company")
        .contains("1. The policy — To do");
    TenantId tenant = tenants.find(Platform.TEAMS, aadTenant).orElseThrow().id();
    Employee first = people.identify(tenant, IdentityKind.TEAMS, aad).orElseThrow();
    assertThat(first.has(org.tandem.core.people.Role.ADMIN)).isTrue();
    assertThat(first.has(org.tandem.core.people.Role.CSR_MANAGER)).isTrue();

    aad = UUID.randomUUID().toString();
    post(installation(aadTenant), good());
    assertThat(lastReply().path("text").asText())
        .contains("Hi, I'm Tandem")
        .doesNotContain("You run it");
    Employee second = people.identify(tenant, IdentityKind.TEAMS, aad).orElseThrow();
    assertThat(second.has(org.tandem.core.people.Role.ADMIN)).isFalse();
  }

  /** The card action with this title, from the last reply. */
  JsonNode button(String title) throws Exception {
    for (JsonNode attachment : lastReply().get("attachments")) {
      for (JsonNode action : attachment.at("/content/actions")) {
        if (action.path("title").asText().equals(title)) {
          return action;
        }
      }
    }
    throw new AssertionError("no " + title + " in " + lastReply());
  }

  @Test
  void aButtonOpeningAFormOpensATaskModuleWhoseFormIsSavedOnSubmit() throws Exception {
    String aadTenant = UUID.randomUUID().toString();
    post(installation(aadTenant), good());
    post(in(aadTenant, message("help")), good());
    assertThat(button("Find missions").path("type").asText()).isEqualTo("Action.Execute");
    JsonNode profile = button("Edit my profile");
    assertThat(profile.path("type").asText()).isEqualTo("Action.Submit");
    assertThat(profile.at("/data/msteams/type").asText()).isEqualTo("task/fetch");
    assertThat(profile.at("/data/action").asText()).isEqualTo("profile.edit");
    assertThat(button("Log hours").at("/data/msteams/type").asText()).isEqualTo("task/fetch");

    post(in(aadTenant, message("admin")), good());
    JsonNode edit = button("Edit the policy");
    assertThat(edit.at("/data/msteams/type").asText()).isEqualTo("task/fetch");

    // Teams answers the click with a task/fetch invoke carrying the button's data.
    ObjectNode fetch = in(aadTenant, message(""));
    fetch.put("type", "invoke");
    fetch.put("name", "task/fetch");
    ObjectNode value = fetch.putObject("value");
    value.set("data", edit.get("data").deepCopy());
    value.putObject("context").put("theme", "default");
    JsonNode dialog = JSON.readTree(post(fetch, good()).body());
    assertThat(dialog.at("/task/type").asText()).isEqualTo("continue");
    assertThat(dialog.at("/task/value/title").asText()).isEqualTo("Company policy");
    assertThat(dialog.at("/task/value/card/contentType").asText())
        .isEqualTo(AdaptiveCards.CONTENT_TYPE);
    JsonNode form = dialog.at("/task/value/card/content");
    assertThat(form.at("/actions/0/data/formId").asText()).isEqualTo("policy");

    ObjectNode submit = in(aadTenant, message(""));
    submit.put("type", "invoke");
    submit.put("name", "task/submit");
    ObjectNode data = submit.putObject("value").putObject("data");
    form.get("actions")
        .get(0)
        .get("data")
        .properties()
        .forEach(e -> data.set(e.getKey(), e.getValue()));
    for (JsonNode input : form.get("body")) {
      if (input.has("id")) {
        data.put(input.get("id").asText(), input.path("value").asText());
      }
    }
    data.put("allowance", "24");
    JsonNode saved = JSON.readTree(post(submit, good()).body());
    assertThat(saved.at("/task/type").asText()).isEqualTo("message");
    assertThat(saved.at("/task/value").asText()).contains("Policy saved");
    TenantId tenant = tenants.find(Platform.TEAMS, aadTenant).orElseThrow().id();
    assertThat(tenants.find(tenant).orElseThrow().policy().yearlyAllowanceHours())
        .isEqualByComparingTo("24");
  }

  /** A task module invoke of the given kind carrying {@code data}, from the current user. */
  ObjectNode task(String aadTenant, String kind, JsonNode data) {
    ObjectNode invoke = in(aadTenant, message(""));
    invoke.put("type", "invoke");
    invoke.put("name", kind);
    invoke.putObject("value").set("data", data.deepCopy());
    return invoke;
  }

  @Test
  void anEmployeeSubmittingThePolicyTaskModuleIsRefusedAndChangesNothing() throws Exception {
    // A company created by an install: its first installer runs it, the next one is an employee.
    String aadTenant = UUID.randomUUID().toString();
    post(installation(aadTenant), good());
    String adminAad = aad;
    post(in(aadTenant, message("admin")), good());
    JsonNode edit = button("Edit the policy");
    JsonNode form =
        JSON.readTree(post(task(aadTenant, "task/fetch", edit.get("data")), good()).body())
            .at("/task/value/card/content");
    ObjectNode data = JSON.createObjectNode();
    form.get("actions")
        .get(0)
        .get("data")
        .properties()
        .forEach(e -> data.set(e.getKey(), e.getValue()));
    for (JsonNode input : form.get("body")) {
      if (input.has("id")) {
        data.put(input.get("id").asText(), input.path("value").asText());
      }
    }
    data.put("allowance", "1999");

    aad = UUID.randomUUID().toString();
    post(installation(aadTenant), good());
    TenantId tenant = tenants.find(Platform.TEAMS, aadTenant).orElseThrow().id();
    assertThat(people.identify(tenant, IdentityKind.TEAMS, aad).orElseThrow().roles())
        .containsExactly(org.tandem.core.people.Role.EMPLOYEE);
    JsonNode opened =
        JSON.readTree(post(task(aadTenant, "task/fetch", edit.get("data")), good()).body());
    assertThat(opened.at("/task/type").asText()).isEqualTo("message");
    assertThat(opened.at("/task/value").asText()).contains("only an admin");
    JsonNode refused = JSON.readTree(post(task(aadTenant, "task/submit", data), good()).body());
    assertThat(refused.at("/task/type").asText()).isEqualTo("message");
    assertThat(refused.at("/task/value").asText())
        .contains("only an admin")
        .doesNotContain("Policy saved");
    assertThat(tenants.find(tenant).orElseThrow().policy().yearlyAllowanceHours())
        .isEqualByComparingTo("0");
    assertThat(
            jdbc.sql(
                    "select count(*) from admin_audit where tenant_id = ? and action = 'POLICY_CHANGED'")
                .param(tenant.value())
                .query(Integer.class)
                .single())
        .isZero();

    // The admin's own submission of the same form is saved, and a value out of bounds is not.
    aad = adminAad;
    data.put("allowance", "1E-999999999");
    JsonNode again = JSON.readTree(post(task(aadTenant, "task/submit", data), good()).body());
    assertThat(again.at("/task/type").asText()).isEqualTo("continue");
    assertThat(again.at("/task/value/card/content").toString())
        .contains("1E-999999999")
        .contains("is not a number I can read");
    data.put("allowance", "1999");
    JsonNode saved = JSON.readTree(post(task(aadTenant, "task/submit", data), good()).body());
    assertThat(saved.at("/task/value").asText()).contains("Policy saved");
    assertThat(tenants.find(tenant).orElseThrow().policy().yearlyAllowanceHours())
        .isEqualByComparingTo("1999");
  }

  @Test
  void theConnectorIsRetriedOn429AndTheAppTokenIsFetchedOnceAndCached() throws Exception {
    ObjectNode m = message("help");
    ((ObjectNode) m.get("conversation")).put("id", "a:busy-" + aad);
    busyLeft.set(2);
    int tokensBefore = tokenRequests.size();
    assertThat(post(m, good()).statusCode()).isEqualTo(200);
    assertThat(sent.stream().filter(c -> c[0].contains("busy"))).hasSize(3);
    post(message("year"), good());
    assertThat(tokenRequests.size() - tokensBefore).isLessThanOrEqualTo(1);
    if (!tokenRequests.isEmpty()) {
      assertThat(tokenRequests.get(0))
          .contains("grant_type=client_credentials")
          .contains("client_id=" + APP_ID)
          .contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default");
    }
  }

  @Test
  void theBotAddedToATeamIsWelcomedThere() throws Exception {
    ObjectNode update = message("");
    update.remove("text");
    update.put("type", "conversationUpdate");
    ((ObjectNode) update.get("conversation"))
        .put("conversationType", "channel")
        .put("id", "19:team-" + aad + "@thread.tacv2");
    update.putArray("membersAdded").addObject().put("id", "28:" + APP_ID);
    assertThat(post(update, good()).statusCode()).isEqualTo(200);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)[0])
        .isEqualTo("/connector/v3/conversations/19:team-" + aad + "@thread.tacv2/activities");
    assertThat(
            jdbc.sql("select conversation_type from teams_conversation where conversation_id = ?")
                .param("19:team-" + aad + "@thread.tacv2")
                .query(String.class)
                .single())
        .isEqualTo("channel");
  }

  @Test
  void missingForgedExpiredWrongAudienceWrongIssuerAndServiceUrlMismatchAreRejected()
      throws Exception {
    Instant later = Instant.now().plusSeconds(600);
    List<String> bad =
        List.of(
            token(key("k1"), "https://api.botframework.com", APP_ID, later, SERVICE_URL),
            token(
                KEY,
                "https://api.botframework.com",
                APP_ID,
                Instant.now().minusSeconds(600),
                SERVICE_URL),
            token(KEY, "https://api.botframework.com", "another-app", later, SERVICE_URL),
            token(KEY, "https://sts.windows.net/evil/", APP_ID, later, SERVICE_URL),
            token(KEY, "https://api.botframework.com", APP_ID, later, "https://elsewhere.example/"),
            "not-a-jwt");
    assertThat(post(message("help"), null).statusCode()).isEqualTo(401);
    for (String t : bad) {
      assertThat(post(message("help"), t).statusCode()).isEqualTo(401);
    }
    assertThat(sent).isEmpty();
    assertThat(
            tenants
                .find(Platform.TEAMS, TENANT)
                .flatMap(t -> people.identify(t.id(), IdentityKind.TEAMS, aad)))
        .isEmpty();
  }

  @Test
  void tenConcurrentFirstMessagesOfANewPersonAreAllAnsweredAndMakeOnePerson() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
    try {
      List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ObjectNode m = message("help");
        statuses.add(pool.submit(() -> post(m, good()).statusCode()));
      }
      for (var status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(sent.stream().filter(c -> c[0].contains("a:conv-" + aad))).hasSize(10);
    TenantId tenant = tenants.find(Platform.TEAMS, TENANT).orElseThrow().id();
    assertThat(
            jdbc.sql("select count(*) from employee where tenant_id = ? and lower(email) = ?")
                .params(tenant.value(), aad + "@contoso.example")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aHangingConnectorTimesOutAndTheAnswerFollowsOnceItAnswersAgain() throws Exception {
    ObjectNode m = message("help");
    ((ObjectNode) m.get("conversation")).put("id", "a:hang-" + aad);
    connector.hang = java.time.Duration.ofSeconds(3);
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + good())
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(m)))
              .build();
      // Acknowledged whatever the connector does: the answer is the worker's business.
      assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      String key = "activity:" + m.get("id").asText();
      for (int i = 0; i < 200 && lastError(key) == null; i++) {
        Thread.sleep(50);
      }
      assertThat(lastError(key)).contains("Bot Connector");
    } finally {
      connector.hang = java.time.Duration.ZERO;
    }
    answered(m.get("id").asText());
    assertThat(
            jdbc.sql("select status from inbox where dedupe_key = ?")
                .param("activity:" + m.get("id").asText())
                .query(String.class)
                .single())
        .isEqualTo("DONE");
  }

  String lastError(String key) {
    return jdbc.sql("select last_error from inbox where channel = 'teams' and dedupe_key = ?")
        .param(key)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  @Test
  void unknownActivityTypesAreAcknowledgedAndIgnoredAndDuplicatesProcessedOnce() throws Exception {
    ObjectNode typing = message("");
    typing.put("type", "typing");
    assertThat(post(typing, good()).statusCode()).isEqualTo(200);
    assertThat(sent).isEmpty();
    ObjectNode m = message("my year");
    post(m, good());
    post(m, good());
    assertThat(sent).hasSize(1);
  }

  @Test
  void aCardButtonCommitsAndEveryCardIsAValidAdaptiveCardWithAtMostSixActions() throws Exception {
    TenantId tenant = tenants.findOrCreate(Platform.TEAMS, TENANT, TENANT, "LU").id();
    Employee e =
        people.enrol(
            tenant,
            IdentityKind.TEAMS,
            aad,
            new NewPerson("Ana Lopes", null, java.util.Locale.ENGLISH, Fixtures.LUXEMBOURG));
    people.updateProfile(tenant, e.id(), fixtures.accountantInDifferdange(tenant).profile());
    Mission mission = fixtures.workshopInEsch(tenant, 3);

    JsonSchema schema;
    try (InputStream in =
        getClass().getResourceAsStream("/schemas/adaptive-cards/adaptive-card.1.5.0.schema.json")) {
      ObjectNode raw = (ObjectNode) JSON.readTree(in);
      // Draft-06 names the schema with "id"; the validator wants "$id".
      raw.set("$id", raw.remove("id"));
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6).getSchema(raw);
    }
    assertThat(
            schema.validate(
                JSON.readTree(
                    "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\"}]}")))
        .as("the schema really checks cards")
        .isNotEmpty();
    for (String text : List.of("missions", "profile", "hours", "mine", "year", "help", "qwerty")) {
      post(message(text), good());
      for (JsonNode attachment : lastReply().get("attachments")) {
        JsonNode card = attachment.get("content");
        assertThat(schema.validate(card)).as(text + ": " + card).isEmpty();
        assertThat(card.path("actions").size()).isLessThanOrEqualTo(AdaptiveCards.MAX_ACTIONS);
      }
    }
    ObjectNode click = message("");
    click
        .putObject("value")
        .put("action", "mission.commit")
        .put("missionId", Long.toString(mission.id()));
    post(click, good());
    assertThat(lastReply().path("text").asText()).contains("You're in: Bookkeeping workshop");
  }

  @Test
  void aCsrManagersReportShowsTheChartAndLinksTheCsvFromTheBotsAddress() throws Exception {
    TenantId tenant = tenants.findOrCreate(Platform.TEAMS, TENANT, TENANT, "LU").id();
    Employee ana =
        people.enrol(
            tenant,
            IdentityKind.TEAMS,
            aad,
            new NewPerson("Ana Lopes", null, java.util.Locale.ENGLISH, Fixtures.LUXEMBOURG));
    people.bootstrap(tenant, ana.id(), org.tandem.core.people.Role.CSR_MANAGER);
    Mission mission = fixtures.workshopInEsch(tenant, 3);
    long commitment =
        jdbc.sql(
                "insert into commitment (tenant_id, mission_id, employee_id, status)"
                    + " values (?, ?, ?, 'CONFIRMED') returning id")
            .params(tenant.value(), mission.id(), ana.id())
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into hour_entry (tenant_id, commitment_id, employee_id, work_date, minutes,"
                + " status) values (?, ?, ?, ?, 60, 'APPROVED')")
        .params(
            tenant.value(),
            commitment,
            ana.id(),
            java.sql.Date.valueOf(java.time.LocalDate.now(Fixtures.LUXEMBOURG).withDayOfMonth(1)))
        .update();

    post(message("report this year by cause"), good());
    JsonNode reply = lastReply();
    JsonSchema schema = adaptiveCardSchema();
    String base = "http://localhost:" + port + "/reports/files/";
    List<String> images = new java.util.ArrayList<>();
    List<String> links = new java.util.ArrayList<>();
    for (JsonNode attachment : reply.get("attachments")) {
      JsonNode card = attachment.get("content");
      assertThat(schema.validate(card)).as(card.toString()).isEmpty();
      assertThat(card.path("actions").size()).isLessThanOrEqualTo(AdaptiveCards.MAX_ACTIONS);
      card.path("body")
          .forEach(
              b -> {
                if (b.path("type").asText().equals("Image")) {
                  images.add(b.path("url").asText());
                }
              });
      card.path("actions")
          .forEach(
              a -> {
                if (a.path("type").asText().equals("Action.OpenUrl")) {
                  links.add(a.path("url").asText());
                }
              });
    }
    assertThat(reply.get("attachments").get(0).at("/content/body/0/text").asText())
        .startsWith("Volunteering report — ");
    assertThat(images).singleElement().asString().startsWith(base).endsWith(".png");
    assertThat(links).anyMatch(l -> l.startsWith(base) && l.endsWith(".csv"));
    // The workbook is a link too, and opens with numbers as numeric cells.
    String xlsxLink =
        links.stream()
            .filter(l -> l.startsWith(base) && l.endsWith(".xlsx"))
            .findFirst()
            .orElseThrow();
    HttpResponse<byte[]> xlsx =
        http.send(
            HttpRequest.newBuilder(URI.create(xlsxLink)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    var sheet = org.tandem.bot.support.Workbooks.rows(xlsx.body());
    assertThat(sheet).containsKey("Total");
    assertThat(sheet.get("Total").get(7)).isInstanceOf(java.math.BigDecimal.class);
    HttpResponse<byte[]> png =
        http.send(
            HttpRequest.newBuilder(URI.create(images.get(0))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");

    // An employee who is not a CSR manager gets the refusal and no file.
    String manager = aad;
    aad = UUID.randomUUID().toString();
    post(message("report"), good());
    assertThat(lastReply().path("text").asText()).contains("reserved for CSR managers");
    assertThat(lastReply().toString()).doesNotContain("/reports/files/").doesNotContain(manager);
  }

  private JsonSchema adaptiveCardSchema() throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/schemas/adaptive-cards/adaptive-card.1.5.0.schema.json")) {
      ObjectNode raw = (ObjectNode) JSON.readTree(in);
      raw.set("$id", raw.remove("id"));
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6).getSchema(raw);
    }
  }
}
