package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.ScimClient;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.Policy;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A company from nothing, through Bot-Framework-authenticated Teams activities only (no demo data):
 * Iris adds Tandem first in a new Azure AD tenant and is welcomed with the setup checklist; she
 * sets the policy with line-manager approval in its dialog (task/fetch, task/submit); she takes the
 * SCIM token from the checklist and the identity provider provisions Marc and ten colleagues (two
 * sites and departments of five, Marc their line manager), recognised by email when they first
 * write; she registers the first association and creates a mission in their forms and gets the
 * announcement; the colleagues set their profiles, find the mission and commit (Universal Actions);
 * Marc approves their commitments, they log hours, Marc approves them; Iris's report by site and by
 * department shows each group.
 */
@BotTest
class TeamsCompanyFromNothingTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000000d1";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeBotConnector teams = new FakeBotConnector();

  /** Ten colleagues: five in Esch, five in Luxembourg. */
  static final List<String> COLLEAGUES =
      List.of("ana", "ben", "carla", "david", "eva", "frank", "gina", "hugo", "ines", "jean");

  @DynamicPropertySource
  static void teamsMode(DynamicPropertyRegistry registry) {
    teams.configure(registry, APP_ID);
  }

  @AfterAll
  static void stop() {
    teams.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  TeamsActivities in;
  final String aad = "aad-fresh-" + UUID.randomUUID();

  @Test
  void aCompanyFromNothingReachesItsFirstReportBySiteWithARealLineManagerApproval()
      throws Exception {
    in = new TeamsActivities(port, APP_ID, teams, jdbc);

    // Install: Iris adds Tandem first; she runs it and is welcomed with the checklist.
    JsonNode welcome = answer(in.installationUpdate(aad, "iris", "aad-iris", "personal"));
    assertThat(welcome.path("text").asText())
        .contains("Tandem is installed")
        // Teams gives no tenant name: the checklist never calls the company "aad-…".
        .contains("Setting up Tandem for your company")
        .doesNotContain(aad)
        .contains("1. The policy — To do");
    TenantId company = tenants.find(Platform.TEAMS, aad).orElseThrow().id();

    // 1. The policy, in its dialog: 40 h a year, line managers approve commitments, 45 EUR.
    JsonNode checklist = answer(message("iris", "admin setup"));
    assertThat(checklist.path("text").asText()).contains("0 of 5 steps done");
    JsonNode policyForm = taskFetch("iris", action(checklist, "policy.edit"));
    submit(
        "iris",
        policyForm,
        Map.of(
            "allowance", "40",
            "managerApproval", "yes",
            "hoursApproval", "yes",
            "rate", "45",
            "currency", "EUR",
            "country", "LU",
            "sector", "PRIVATE"));
    Policy policy = tenants.find(company).orElseThrow().policy();
    assertThat(policy.managerApproval()).isTrue();
    assertThat(policy.hourlyRate()).isEqualByComparingTo("45");

    // 2. The directory, from the identity provider: Iris takes the SCIM token the checklist
    // offers; Entra ID pushes Marc and ten colleagues, five in Esch (Finance) and five in
    // Luxembourg (IT), Marc their line manager. (Reports show no group of fewer than five.)
    JsonNode scim =
        execute(
            "iris",
            action(answer(message("iris", "admin setup")), ConversationEngine.OPEN_FORM, "scim"));
    // The card's text is markdown, its underscores escaped: Teams shows the token without them.
    Matcher token =
        Pattern.compile("tdm_scim_[A-Za-z0-9_-]{43}").matcher(scim.toString().replace("\\\\", ""));
    assertThat(token.find()).as(scim.toString()).isTrue();
    ScimClient entra = new ScimClient(port, token.group());
    String marcId =
        entra.user("marc@contoso.example", "Marc Schmit", "Luxembourg", "Management", null);
    for (int i = 0; i < COLLEAGUES.size(); i++) {
      boolean esch = i < 5;
      entra.user(
          COLLEAGUES.get(i) + "@contoso.example",
          COLLEAGUES.get(i),
          esch ? "Esch-sur-Alzette" : "Luxembourg",
          esch ? "Finance" : "IT",
          marcId);
    }
    // Everyone says hello: the Bot Connector gives their email, and they are the people
    // provisioned.
    assertThat(answer(message("marc", "help")).path("text").asText()).contains("Hi, I'm Tandem");
    for (String user : COLLEAGUES) {
      assertThat(answer(message(user, "help")).path("text").asText()).contains("Hi, I'm Tandem");
      assertThat(person(company, user).site()).isIn("Esch-sur-Alzette", "Luxembourg");
    }

    // 3. The first association, in its dialog, from the checklist's button.
    JsonNode associationForm =
        taskFetch(
            "iris",
            action(
                answer(message("iris", "admin setup")),
                ConversationEngine.OPEN_FORM,
                "association"));
    submit(
        "iris",
        associationForm,
        Map.of(
            "name", "Épicerie solidaire d'Esch",
            "legalIdKind", "LU_RCS",
            "registrationId", "F1234",
            "causes", "FOOD_AID",
            "place", "Esch-sur-Alzette",
            "coordinatorName", "Léa Hoffmann",
            "coordinatorEmail", "lea@epicerie.example"));
    long association = association(company);

    // 4. The first mission, in its form, today in Esch.
    JsonNode missionForm = form(answer(message("iris", "new mission")));
    submit(
        "iris",
        missionForm,
        Map.of(
            "association", Long.toString(association),
            "title", "Keep the books of the food bank",
            "skills", "accounting",
            "mode", "ONSITE",
            "place", "Esch-sur-Alzette",
            "firstDate", LocalDate.now(ZoneId.of("Europe/Luxembourg")).toString(),
            "sessions", "1",
            "hoursPerSession", "2",
            "startTime", "18:00",
            "capacity", "12"));
    // The directory and the first association and mission are there: 4 of 5 steps. 5. The
    // announcement, ready to copy for a Teams channel.
    JsonNode setup = answer(message("iris", "admin setup"));
    assertThat(setup.path("text").asText()).contains("4 of 5 steps done");
    assertThat(execute("iris", action(setup, "setup.announce")).toString())
        .contains("We now offer skills-based volunteering")
        .doesNotContain(aad)
        .contains("open Tandem in Microsoft Teams")
        .contains("up to 40 hours a year");
    assertThat(answer(message("iris", "admin setup")).path("text").asText())
        .contains("5 of 5 steps done");

    // Each colleague sets a profile, finds the mission and commits: it waits for Marc.
    for (String user : COLLEAGUES) {
      JsonNode profile = form(answer(message(user, "profile")));
      submit(user, profile, Map.of("skills", "accounting", "place", "Esch-sur-Alzette"));
      JsonNode found = answer(message(user, "missions"));
      assertThat(found.path("text").asText()).contains("Keep the books of the food bank");
      assertThat(execute(user, action(found, "mission.commit")).toString())
          .contains("Your manager is asked to approve it");
    }
    // Marc approves each commitment, as their line manager.
    for (int i = 0; i < COLLEAGUES.size(); i++) {
      execute("marc", action(answer(message("marc", "approvals")), "commitment.approve"));
    }
    // They log two hours each; Marc approves them.
    for (String user : COLLEAGUES) {
      assertThat(answer(message(user, "log 2h today")).path("text").asText())
          .contains("Logged 2 h");
    }
    for (int i = 0; i < COLLEAGUES.size(); i++) {
      execute("marc", action(answer(message("marc", "approvals")), "hours.approve"));
    }

    // Iris's first reports: one group per site, one per department, with the hours.
    String bySite = answer(message("iris", "report this year by site")).path("text").asText();
    assertThat(bySite)
        .contains("Hours: 20 h approved")
        .contains("Esch-sur-Alzette — 5 volunteers, 10 h")
        .contains("Luxembourg — 5 volunteers, 10 h")
        .doesNotContain("Other (groups under 5 people)");
    String byDepartment =
        answer(message("iris", "report this year by department")).path("text").asText();
    assertThat(byDepartment)
        .contains("Finance — 5 volunteers, 10 h")
        .contains("IT — 5 volunteers, 10 h")
        .contains("Valuation: €900 at €45 an hour");
  }

  /** The company's one association, as its form registered it. */
  private long association(TenantId company) {
    return jdbc.sql("select id from association where tenant_id = ?")
        .param(company.value())
        .query(Long.class)
        .single();
  }

  private Employee person(TenantId company, String user) {
    return people.identify(company, IdentityKind.TEAMS, "aad-" + user).orElseThrow();
  }

  private ObjectNode message(String user, String text) {
    return in.message(aad, user, "aad-" + user, text);
  }

  /** Posts a message or an install and returns what Tandem sent back through the connector. */
  private JsonNode answer(ObjectNode activity) throws Exception {
    int before = teams.sent.size();
    HttpResponse<String> r = in.post(activity);
    assertThat(r.statusCode()).isEqualTo(200);
    // The answer in this person's conversation: the outbox may write to others meanwhile
    // (a line manager asked to approve).
    String conversation = "/conversations/" + activity.at("/conversation/id").asText() + "/";
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

  /** The data of the first button of {@code answer} whose action is {@code id}. */
  private static ObjectNode action(JsonNode answer, String id) {
    return action(answer, id, null);
  }

  /** The same, of a button whose {@code args} are these (a command's button), when given. */
  private static ObjectNode action(JsonNode answer, String id, String args) {
    for (JsonNode a : answer.path("attachments")) {
      for (JsonNode action : a.at("/content/actions")) {
        if (id.equals(action.at("/data/action").asText())
            && (args == null || args.equals(action.at("/data/args").asText()))) {
          return (ObjectNode) action.path("data").deepCopy();
        }
      }
    }
    throw new AssertionError("no " + id + " button in " + answer);
  }

  /** The first form card of {@code answer}. */
  private static JsonNode form(JsonNode answer) {
    for (JsonNode a : answer.path("attachments")) {
      for (JsonNode action : a.at("/content/actions")) {
        if (action.at("/data/formId").isTextual()) {
          return a.path("content");
        }
      }
    }
    throw new AssertionError("no form in " + answer);
  }

  private JsonNode invoke(String user, String name, JsonNode value) throws Exception {
    ObjectNode a = in.activity("invoke", aad, user, "aad-" + user, "personal");
    a.put("name", name);
    a.set("value", value);
    HttpResponse<String> r = in.post(a);
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** A button opening a dialog: the form card Teams shows in it. */
  private JsonNode taskFetch(String user, ObjectNode data) throws Exception {
    ObjectNode value = JSON.createObjectNode();
    value.set("data", data);
    JsonNode task = invoke(user, "task/fetch", value);
    assertThat(task.at("/task/type").asText()).as(task.toString()).isEqualTo("continue");
    return task.at("/task/value/card/content");
  }

  /** A Universal Action button: the card Teams puts in place of the one clicked. */
  private JsonNode execute(String user, ObjectNode data) throws Exception {
    ObjectNode value = JSON.createObjectNode();
    ObjectNode action = value.putObject("action");
    action.put("type", "Action.Execute");
    action.put("verb", data.path("action").asText());
    action.set("data", data);
    JsonNode answer = invoke(user, "adaptiveCard/action", value);
    assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
    return answer.path("value");
  }

  /** Submits a form card with its inputs as they are, changed by {@code typed}, in a dialog. */
  private void submit(String user, JsonNode card, Map<String, String> typed) throws Exception {
    ObjectNode data = JSON.createObjectNode();
    for (JsonNode action : card.path("actions")) {
      if (action.at("/data/formId").isTextual()) {
        // The form's own submit comes first; "Search" and "New association" follow it.
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
    JsonNode task = invoke(user, "task/submit", value);
    assertThat(task.at("/task/type").asText()).as("no field refused: " + task).isEqualTo("message");
  }
}
