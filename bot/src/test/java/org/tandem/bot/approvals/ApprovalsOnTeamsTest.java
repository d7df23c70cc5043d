package org.tandem.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.FakeGraph;
import org.tandem.bot.support.MovableClock;
import org.tandem.bot.support.ScimClient;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.approvals.Approvals;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.people.ProvisioningTokens;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Approvals in Teams, in companies made by an install: Marc, a line manager the identity provider
 * knows by his Azure AD object id but who never opened Tandem, gets the request once Tandem
 * installs itself for him through Microsoft Graph and opens his conversation; he is reminded,
 * declines with a reason Ana reads; her hours, left 5 working days, go to the CSR manager, who
 * approves them. In a tenant that did not grant the Graph permission, and for a manager with no
 * Azure AD id, the CSR manager is asked instead and told why.
 */
@BotTest
class ApprovalsOnTeamsTest {

  static final String APP_ID = "approvals-teams-app";
  static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeBotConnector teams = new FakeBotConnector();
  static final FakeGraph graph = new FakeGraph();

  @DynamicPropertySource
  static void teams(DynamicPropertyRegistry registry) {
    teams.configure(registry, APP_ID);
    graph.configure(registry);
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.approvals.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    teams.close();
    graph.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired ProvisioningTokens scimTokens;
  @Autowired Approvals approvals;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  TeamsActivities in;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void tandemInstallsItselfForTheManagerWhoIsRemindedDeclinesAndTheCsrManagerApprovesHours()
      throws Exception {
    in = new TeamsActivities(port, APP_ID, teams, jdbc);
    String tenant = "aad-approvals-" + UUID.randomUUID();
    String marcAad = UUID.randomUUID().toString();
    TenantId company = install(tenant);
    ScimClient entra = directory(company);
    String marcScim =
        entra.user("marc@contoso.example", "Marc Schmit", "Luxembourg", "IT", null, marcAad);
    entra.user("ana@contoso.example", "Ana Lopes", "Luxembourg", "IT", marcScim);
    answer(tenant, "ana", "help");
    Mission workshop = fixtures.workshopInEsch(company, 3);

    // Monday 10:00: Ana commits; the reply promises Marc is asked and she will be told.
    clock.set(LocalDateTime.of(2026, 12, 7, 10, 0).atZone(LUXEMBOURG).toInstant());
    assertThat(execute(tenant, "ana", commit(workshop)).toString())
        .contains("Your manager is asked to approve it; I will tell you as soon as they decide");

    // Marc never opened Tandem: it installs itself for him, opens his chat and asks him.
    dispatcher.dispatch();
    assertThat(graph.tokenRequests)
        .anySatisfy(
            t -> {
              assertThat(t[0]).isEqualTo(tenant);
              assertThat(t[1])
                  .contains("grant_type=client_credentials")
                  .contains("client_id=" + APP_ID)
                  .contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
            });
    assertThat(graph.installs)
        .anySatisfy(
            i -> {
              assertThat(i[0]).isEqualTo(marcAad);
              assertThat(i[1])
                  .contains("teamsApp@odata.bind")
                  .contains("/v1.0/appCatalogs/teamsApps/" + FakeGraph.CATALOG_APP_ID);
            });
    assertThat(teams.created)
        .anySatisfy(
            c -> {
              JsonNode b = JSON.readTree(c);
              assertThat(b.at("/members/0/id").asText()).isEqualTo(marcAad);
              assertThat(b.path("tenantId").asText()).isEqualTo(tenant);
              assertThat(b.at("/bot/id").asText()).isEqualTo("28:" + APP_ID);
            });
    JsonNode asked = sentTo("a:opened-" + marcAad, "would like to take part");
    assertThat(asked.toString())
        .contains("Ana Lopes would like to take part in Bookkeeping workshop")
        .contains("commitment.approve");

    // Wednesday 10:00: one reminder, in the conversation Tandem opened.
    clock.set(LocalDateTime.of(2026, 12, 9, 10, 0).atZone(LUXEMBOURG).toInstant());
    approvals.remind(clock.instant());
    dispatcher.dispatch();
    sentTo("a:opened-" + marcAad, "Reminder: since Monday 7 December, Ana Lopes");
    assertThat(graph.installs.stream().filter(i -> i[0].equals(marcAad)).count())
        .as("installed once")
        .isEqualTo(1);

    // Marc opens the Decline dialog from the message and gives a reason; Ana reads it.
    JsonNode reasonForm = taskFetch(tenant, "marc", marcAad, action(asked, "commitment.decline"));
    submit(tenant, "marc", marcAad, reasonForm, Map.of("reason", "Quarter closing that week"));
    dispatcher.dispatch();
    assertThat(sentTo("a:conv-ana", "was declined").toString())
        .contains("Quarter closing that week");

    // Her hours, left 5 working days, go to Claire, who approves them; Ana is told.
    Mission other = fixtures.workshopInEsch(company, 3);
    clock.set(LocalDateTime.of(2026, 12, 10, 10, 0).atZone(LUXEMBOURG).toInstant());
    assertThat(execute(tenant, "ana", commit(other)).toString()).contains("Your manager is asked");
    dispatcher.dispatch();
    JsonNode second = sentTo("a:opened-" + marcAad, "would like to take part");
    assertThat(second).isNotEqualTo(asked);
    assertThat(execute(tenant, "marc", marcAad, action(second, "commitment.approve")).toString())
        .contains("Approved.");
    dispatcher.dispatch();
    sentTo("a:conv-ana", "was approved: you are in");
    assertThat(answer(tenant, "ana", "log 2h today").toString()).contains("Waiting for approval");
    dispatcher.dispatch();
    sentTo("a:opened-" + marcAad, "Ana Lopes logged 2 h");
    clock.set(LocalDateTime.of(2026, 12, 17, 10, 0).atZone(LUXEMBOURG).toInstant());
    approvals.remind(clock.instant());
    dispatcher.dispatch();
    JsonNode escalated = sentTo("a:conv-claire", "Ana Lopes logged 2 h");
    assertThat(escalated.toString())
        .contains("Their line manager, Marc Schmit, has not decided in 5 working days");
    assertThat(execute(tenant, "claire", action(escalated, "hours.approve")).toString())
        .contains("Approved.");
    dispatcher.dispatch();
    assertThat(sentTo("a:conv-ana", "were approved").toString())
        .contains("for Bookkeeping workshop were approved");
  }

  @Test
  void whenTheTenantDidNotGrantGraphOrTheManagerHasNoAzureIdTheCsrManagerIsAskedAndToldWhy()
      throws Exception {
    in = new TeamsActivities(port, APP_ID, teams, jdbc);
    String tenant = "aad-refusing-" + UUID.randomUUID();
    graph.refuse(tenant);
    String maxAad = UUID.randomUUID().toString();
    TenantId company = install(tenant);
    ScimClient entra = directory(company);
    String maxScim =
        entra.user("max@contoso.example", "Max Weber", "Luxembourg", "IT", null, maxAad);
    String bobScim = entra.user("bob@contoso.example", "Bob Klein", "Luxembourg", "IT", null);
    entra.user("bea@contoso.example", "Bea Roth", "Luxembourg", "IT", maxScim);
    entra.user("carl@contoso.example", "Carl Diaz", "Luxembourg", "IT", bobScim);
    answer(tenant, "bea", "help");
    answer(tenant, "carl", "help");
    Mission workshop = fixtures.workshopInEsch(company, 5);

    execute(tenant, "bea", commit(workshop));
    execute(tenant, "carl", commit(workshop));
    dispatcher.dispatch();
    dispatcher.dispatch();

    assertThat(graph.installs).anySatisfy(i -> assertThat(i[0]).isEqualTo(maxAad));
    JsonNode notGranted = sentTo("a:conv-claire", "Bea Roth would like to take part");
    assertThat(notGranted.toString())
        .contains("Tandem cannot reach their line manager, Max Weber, in Teams")
        .contains("has not allowed Tandem to install itself for people")
        .contains("TeamsAppInstallation.ReadWriteSelfForUser.All")
        .contains("commitment.approve");
    JsonNode noAad = sentTo("a:conv-claire", "Carl Diaz would like to take part");
    assertThat(noAad.toString())
        .contains("Tandem cannot reach their line manager, Bob Klein, in Teams")
        .contains("gave no Microsoft account id");
    assertThat(teams.sent.stream().filter(s -> s[0].contains(maxAad)).toList()).isEmpty();

    // Claire decides from that message: Bea is told.
    assertThat(execute(tenant, "claire", action(notGranted, "commitment.approve")).toString())
        .contains("Approved.");
    dispatcher.dispatch();
    sentTo("a:conv-bea", "was approved: you are in");
  }

  private TenantId install(String tenant) throws Exception {
    in.post(in.installationUpdate(tenant, "claire", "aad-claire", "personal"));
    TenantId company = tenants.find(Platform.TEAMS, tenant).orElseThrow().id();
    tenants.change(
        company,
        PolicyChange.none()
            .allowance(40)
            .managerApproval(true)
            .hoursApproval(true)
            .valuation(45, "EUR"));
    return company;
  }

  /** The company's identity provider, with the SCIM token its admin Claire takes. */
  private ScimClient directory(TenantId company) {
    Employee claire = people.identify(company, IdentityKind.TEAMS, "aad-claire").orElseThrow();
    return new ScimClient(port, scimTokens.issue(company, claire.id()).value());
  }

  private static ObjectNode commit(Mission m) {
    ObjectNode data = JSON.createObjectNode();
    data.put("action", "mission.commit");
    data.put("missionId", Long.toString(m.id()));
    return data;
  }

  /** Says {@code text} in the personal chat and returns Tandem's answer there. */
  private JsonNode answer(String tenant, String user, String text) throws Exception {
    String conversation = "/conversations/a:conv-" + user + "/";
    int before = teams.sent.size();
    HttpResponse<String> r = in.post(in.message(tenant, user, "aad-" + user, text));
    assertThat(r.statusCode()).isEqualTo(200);
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      for (int i = teams.sent.size() - 1; i >= before; i--) {
        if (teams.sent.get(i)[0].contains(conversation)) {
          return JSON.readTree(teams.sent.get(i)[1]);
        }
      }
      assertThat(System.currentTimeMillis()).as("answered").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** The last message sent in {@code conversation} whose text contains {@code contains}. */
  private JsonNode sentTo(String conversation, String contains) throws Exception {
    for (int i = teams.sent.size() - 1; i >= 0; i--) {
      String[] s = teams.sent.get(i);
      if (s[0].contains("/conversations/" + conversation + "/")) {
        JsonNode m = JSON.readTree(s[1]);
        if (m.path("text").asText().contains(contains)) {
          return m;
        }
      }
    }
    throw new AssertionError("nothing with \"" + contains + "\" sent to " + conversation);
  }

  private static ObjectNode action(JsonNode message, String id) {
    for (JsonNode a : message.path("attachments")) {
      for (JsonNode action : a.at("/content/actions")) {
        if (id.equals(action.at("/data/action").asText())) {
          return (ObjectNode) action.path("data").deepCopy();
        }
      }
    }
    throw new AssertionError("no " + id + " button in " + message);
  }

  private JsonNode invoke(String tenant, String user, String aad, String name, JsonNode value)
      throws Exception {
    ObjectNode a = in.activity("invoke", tenant, user, aad, "personal");
    a.put("name", name);
    a.set("value", value);
    HttpResponse<String> r = in.post(a);
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private JsonNode execute(String tenant, String user, ObjectNode data) throws Exception {
    return execute(tenant, user, "aad-" + user, data);
  }

  /** A Universal Action button: the card Teams puts in place of the one clicked. */
  private JsonNode execute(String tenant, String user, String aad, ObjectNode data)
      throws Exception {
    ObjectNode value = JSON.createObjectNode();
    ObjectNode action = value.putObject("action");
    action.put("type", "Action.Execute");
    action.put("verb", data.path("action").asText());
    action.set("data", data);
    JsonNode answer = invoke(tenant, user, aad, "adaptiveCard/action", value);
    assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
    return answer.path("value");
  }

  /** A button opening a dialog: the form card Teams shows in it. */
  private JsonNode taskFetch(String tenant, String user, String aad, ObjectNode data)
      throws Exception {
    ObjectNode value = JSON.createObjectNode();
    value.set("data", data);
    JsonNode task = invoke(tenant, user, aad, "task/fetch", value);
    assertThat(task.at("/task/type").asText()).as(task.toString()).isEqualTo("continue");
    return task.at("/task/value/card/content");
  }

  private void submit(
      String tenant, String user, String aad, JsonNode card, Map<String, String> typed)
      throws Exception {
    ObjectNode data = JSON.createObjectNode();
    for (JsonNode action : card.path("actions")) {
      if (action.at("/data/formId").isTextual()) {
        data.setAll((ObjectNode) action.path("data").deepCopy());
        break;
      }
    }
    for (JsonNode input : card.path("body")) {
      if (input.has("id")) {
        String id = input.path("id").asText();
        data.put(id, typed.getOrDefault(id, input.path("value").asText("")));
      }
    }
    ObjectNode value = JSON.createObjectNode();
    value.set("data", data);
    JsonNode task = invoke(tenant, user, aad, "task/submit", value);
    assertThat(task.at("/task/type").asText()).as("no field refused: " + task).isEqualTo("message");
  }
}
