package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.conversation.campaigns.CampaignPosting;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.causes.Cause;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A campaign from launch to its report through Bot-Framework-authenticated Teams activities, in a
 * company whose first person just added Tandem (no demo data): Iris launches "Giving week" for
 * everyone in its form; each person who opened Tandem gets it in their chat with Commit buttons
 * carrying the campaign; five commit from it; its figures and the report by campaign show them. A
 * campaign for a team channel is posted there once, through the reference Tandem kept when it was
 * added to the team; a channel Tandem is not in is refused in the form, saying why.
 */
@BotTest
class CampaignsOnTeamsTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000000c4";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeBotConnector teams = new FakeBotConnector();
  static final List<String> COLLEAGUES = List.of("ana", "ben", "carla", "david", "eva");

  @DynamicPropertySource
  static void teamsMode(DynamicPropertyRegistry registry) {
    teams.configure(registry, APP_ID);
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.campaigns.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    teams.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired JdbcClient jdbc;
  @Autowired Fixtures fixtures;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired CampaignPosting posting;

  TeamsActivities in;
  final String aad = "aad-campaign-" + UUID.randomUUID();

  @Test
  void aCampaignForEveryoneAndOneForAChannelFromLaunchToTheirFigures() throws Exception {
    in = new TeamsActivities(port, APP_ID, teams, jdbc);
    answer(in.installationUpdate(aad, "iris", "aad-iris", "personal"));
    TenantId company = tenants.find(Platform.TEAMS, aad).orElseThrow().id();
    for (String user : COLLEAGUES) {
      assertThat(answer(message(user, "help")).path("text").asText()).contains("Hi, I'm Tandem");
    }
    Mission books =
        fixtures.mission(
            company,
            Fixtures.draft(
                fixtures.association(company, "Épicerie solidaire", Cause.SOCIAL_INCLUSION).id(),
                "Keep the books of the food bank",
                List.of("accounting"),
                MissionMode.ONSITE,
                fixtures.place("Esch-sur-Alzette"),
                20));

    // A colleague is refused; Iris, who installed Tandem, launches it for everyone.
    assertThat(answer(message("ana", "campaign")).toString()).contains("reserved for CSR managers");
    JsonNode launched =
        submit(
            "iris",
            form(answer(message("iris", "campaign"))),
            Map.of(
                "name", "Giving week",
                "message", "Two hours for the food bank <this week>",
                "missions", Long.toString(books.id()),
                "audience", "EVERYONE"));
    assertThat(launched.at("/task/type").asText()).as(launched.toString()).isEqualTo("message");

    dispatcher.dispatch();
    for (String user : COLLEAGUES) {
      JsonNode message = sentTo("a:conv-" + user, "Giving week");
      assertThat(message.toString()).contains("Keep the books of the food bank");
      ObjectNode commit = find(message, "mission.commit");
      assertThat(commit.path("campaign").asText()).isNotEmpty();
      assertThat(execute(user, commit).toString()).contains("You're in");
    }

    String figures = answer(message("iris", "campaign Giving week")).toString();
    assertThat(figures)
        .contains("Reached")
        .contains("6 people")
        .contains("Clicked")
        .contains("5 people")
        .contains("5 commitments");
    assertThat(answer(message("iris", "report this year by campaign")).path("text").asText())
        .contains("Giving week — 5 volunteers");

    // A team channel: Tandem added to the team keeps its reference, and posts there once.
    in.post(in.installationUpdate(aad, "iris", "aad-iris", "channel"));
    String channel =
        jdbc.sql(
                """
                select conversation_id from teams_conversation
                where tenant_id = ? and conversation_type = 'channel'""")
            .param(company.value())
            .query(String.class)
            .single();
    Map<String, String> forChannel =
        Map.of(
            "name", "Volunteering day",
            "message", "Join us",
            "missions", Long.toString(books.id()),
            "audience", "CHANNEL",
            "channel", "19:not-here@thread.tacv2");
    JsonNode refused = submit("iris", form(answer(message("iris", "campaign"))), forChannel);
    assertThat(refused.toString()).contains("Tandem is not in this channel");
    JsonNode posted =
        submit(
            "iris",
            form(answer(message("iris", "campaign"))),
            Map.of(
                "name", "Volunteering day",
                "message", "Join us",
                "missions", Long.toString(books.id()),
                "audience", "CHANNEL",
                "channel",
                    "https://teams.microsoft.com/l/channel/"
                        + URLEncoder.encode(channel, StandardCharsets.UTF_8)
                        + "/General?groupId=g&tenantId=t"));
    assertThat(posted.at("/task/type").asText()).as(posted.toString()).isEqualTo("message");
    posting.run();
    posting.run();
    assertThat(teams.sent)
        .filteredOn(s -> s[0].contains(channel) && s[1].contains("Volunteering day"))
        .hasSize(1);
    assertThat(answer(message("iris", "campaign Volunteering day")).toString()).contains("posted");
  }

  private ObjectNode message(String user, String text) {
    return in.message(aad, user, "aad-" + user, text);
  }

  private JsonNode answer(ObjectNode activity) throws Exception {
    int before = teams.sent.size();
    HttpResponse<String> r = in.post(activity);
    assertThat(r.statusCode()).isEqualTo(200);
    long deadline = System.currentTimeMillis() + 10_000;
    while (teams.sent.size() <= before) {
      assertThat(System.currentTimeMillis()).as("answered").isLessThan(deadline);
      Thread.sleep(20);
    }
    return JSON.readTree(teams.sent.get(teams.sent.size() - 1)[1]);
  }

  /** The last activity sent to the conversation that holds {@code text}. */
  private JsonNode sentTo(String conversation, String text) throws Exception {
    for (int i = teams.sent.size() - 1; i >= 0; i--) {
      String[] s = teams.sent.get(i);
      if (s[0].contains(conversation) && s[1].contains(text)) {
        return JSON.readTree(s[1]);
      }
    }
    throw new AssertionError("nothing with " + text + " sent to " + conversation);
  }

  /** The data of the first action anywhere in {@code node} whose action is {@code id}. */
  private static ObjectNode find(JsonNode node, String id) {
    if (node.isObject()
        && node.path("data").isObject()
        && id.equals(node.at("/data/action").asText())) {
      return (ObjectNode) node.path("data").deepCopy();
    }
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        try {
          return find(child, id);
        } catch (AssertionError e) {
          // not in this branch
        }
      }
    }
    throw new AssertionError("no " + id + " in " + node);
  }

  /** The first form card of {@code answer}. */
  private static JsonNode form(JsonNode answer) {
    for (JsonNode a : answer.path("attachments")) {
      if (a.toString().contains("\"formId\"")) {
        return a.path("content");
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
  private JsonNode submit(String user, JsonNode card, Map<String, String> typed) throws Exception {
    ObjectNode data = JSON.createObjectNode();
    data.setAll(formData(card));
    inputs(card, data, typed);
    ObjectNode value = JSON.createObjectNode();
    value.set("data", data);
    return invoke(user, "task/submit", value);
  }

  private static ObjectNode formData(JsonNode node) {
    if (node.isObject() && node.at("/data/formId").isTextual()) {
      return (ObjectNode) node.path("data").deepCopy();
    }
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        ObjectNode found = formData(child);
        if (found != null) {
          return found;
        }
      }
    }
    return node.isMissingNode() ? JSON.createObjectNode() : null;
  }

  private static void inputs(JsonNode node, ObjectNode data, Map<String, String> typed) {
    if (node.isObject() && node.path("type").asText().startsWith("Input.")) {
      String id = node.path("id").asText();
      data.put(id, typed.getOrDefault(id, node.path("value").asText("")));
    }
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        inputs(child, data, typed);
      }
    }
  }
}
