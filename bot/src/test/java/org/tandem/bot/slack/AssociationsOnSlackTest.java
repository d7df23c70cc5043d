package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackRequests;
import org.tandem.core.associations.Associations;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Associations on Slack, through signed requests to {@code /slack/events}, in a workspace whose
 * company is created by its first contact (single-workspace install, {@code TANDEM_ADMINS}): the
 * association modal and its refusals, the mission modal's association as an external select whose
 * {@code block_suggestion} the engine answers, and "New association…" from it, back to the mission
 * modal with the association chosen.
 */
@BotTest
class AssociationsOnSlackTest {

  static final String SECRET = "assoc-signing-secret";
  static final String TEAM = "T0FRESH";
  static final String BOSS = "U0BOSS";
  static final String NBSP = "\u00a0";
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void slackSettings(DynamicPropertyRegistry registry) {
    slack.configure(registry, SECRET, "xoxb-fresh-token");
    registry.add("TANDEM_ADMINS", () -> BOSS);
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Associations associations;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  static Map<String, Object> text(String value) {
    return Map.of("type", "plain_text_input", "value", value);
  }

  static Map<String, Object> chosen(String type, String value) {
    return Map.of(
        "type",
        type,
        "selected_option",
        Map.of("text", Map.of("type", "plain_text", "text", value), "value", value));
  }

  /** A view submission of {@code callbackId} with these inputs (block and action id alike). */
  static ObjectNode submission(
      String viewId, String callbackId, String metadata, Map<String, Map<String, Object>> inputs) {
    Map<String, Object> values = new LinkedHashMap<>();
    inputs.forEach((field, element) -> values.put(field, Map.of(field, element)));
    ObjectNode s =
        JSON.valueToTree(
            SlackRequests.viewSubmission(TEAM, BOSS, viewId, callbackId, Map.of("values", values)));
    ((ObjectNode) s.get("view")).put("private_metadata", metadata);
    return s;
  }

  /** Every select of a view holds between 1 and 100 options (Slack refuses an empty one). */
  static void noEmptySelect(JsonNode view) {
    for (JsonNode element : view.findValues("element")) {
      String type = element.path("type").asText();
      if (type.equals("static_select") || type.equals("multi_static_select")) {
        int options =
            element.has("options")
                ? element.get("options").size()
                : element.findValues("options").stream().mapToInt(JsonNode::size).sum();
        assertThat(options).as(element.toString()).isBetween(1, 100 * 100);
        element.findValues("options").forEach(o -> assertThat(o.size()).isBetween(1, 100));
      }
    }
  }

  @Test
  void associationsAreRegisteredAndSearchedFromTheMissionModal() throws Exception {
    SlackRequests requests = new SlackRequests(port, SECRET, slack);
    slack.user(BOSS, "Claire Weber", "fr-FR", "Europe/Luxembourg", "claire@fresh.example");
    requests.command(TEAM, BOSS, "associations", "list-1");
    assertThat(
            JSON.readTree(slack.await("/response/list-1", c -> true).body()).path("text").asText())
        .contains("Aucune association pour l'instant.");
    TenantId tenant = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    long boss = people.identify(tenant, IdentityKind.SLACK, BOSS).orElseThrow().id();
    assertThat(people.find(tenant, boss).orElseThrow().has(Role.ADMIN)).isTrue();
    // Missions are created by CSR managers: the admin takes that role too.
    people.bootstrap(tenant, boss, Role.CSR_MANAGER);

    requests.command(TEAM, BOSS, "nouvelle association", "new-1");
    JsonNode form =
        JSON.readTree(
            slack
                .await("views.open", c -> c.param("view").contains("\"association\""))
                .param("view"));
    assertThat(form.at("/title/text").asText()).isEqualTo("Nouvelle association");
    noEmptySelect(form);

    HttpResponse<String> refused =
        requests.interaction(
            submission(
                "VA1",
                "association",
                "{}",
                Map.of("name", text("Croix-Rouge"), "registrationId", text("732 829 321"))));
    JsonNode errors = JSON.readTree(refused.body());
    assertThat(errors.get("response_action").asText()).isEqualTo("errors");
    assertThat(errors.at("/errors/registrationId").asText())
        .startsWith("La clé de contrôle de ce numéro est fausse" + NBSP + ":");
    assertThat(associations.all(tenant)).isEmpty();
    HttpResponse<String> saved =
        requests.interaction(
            submission(
                "VA1",
                "association",
                "{}",
                Map.of(
                    "name",
                    text("Croix-Rouge"),
                    "registrationId",
                    text("732 829 320"),
                    "place",
                    chosen("external_select", "Esch-sur-Alzette, LU"))));
    assertThat(saved.body()).doesNotContain("errors");
    slack.await(
        "chat.postMessage",
        c -> c.param("blocks") != null && c.param("blocks").contains("SIREN 732829320"));

    // The mission modal: the association is an external select, never an empty static one.
    requests.command(TEAM, BOSS, "nouvelle mission", "mission-1");
    JsonNode mission =
        JSON.readTree(
            slack
                .await("views.open", c -> c.param("view").contains("\"callback_id\":\"mission\""))
                .param("view"));
    noEmptySelect(mission);
    JsonNode associationBlock = null;
    for (JsonNode b : mission.get("blocks")) {
      if (b.path("block_id").asText().equals("association")) {
        associationBlock = b;
      }
    }
    assertThat(associationBlock).isNotNull();
    assertThat(associationBlock.at("/element/type").asText()).isEqualTo("external_select");

    // What Slack asks as Claire types, signed as Slack signs it.
    Map<String, Object> suggestion =
        Map.of(
            "type", "block_suggestion",
            "team", Map.of("id", TEAM, "domain", "fresh"),
            "user", Map.of("id", BOSS, "team_id", TEAM),
            "api_app_id", "A0TANDEM",
            "action_id", "association",
            "block_id", "association",
            "value", "CROIX",
            "view", Map.of("id", "VM1", "type", "modal", "callback_id", "mission"));
    JsonNode options = JSON.readTree(requests.interaction(suggestion).body()).get("options");
    assertThat(options.findValues("text").stream().map(t -> t.get("text").asText()))
        .containsExactly("Croix-Rouge", "Nouvelle association…");
    long croix = associations.all(tenant).get(0).id();
    assertThat(options.get(0).get("value").asText()).isEqualTo(Long.toString(croix));

    // "Nouvelle association…" chosen: the association modal replaces the mission modal...
    HttpResponse<String> toAssociation =
        requests.interaction(
            submission(
                "VM1",
                "mission",
                "{}",
                Map.of(
                    "association", chosen("external_select", "new"),
                    "title", text("Soirées réparation vélo"),
                    "hoursPerSession", text("2"),
                    "capacity", text("4"),
                    "mode", chosen("static_select", "REMOTE"))));
    JsonNode update = JSON.readTree(toAssociation.body());
    assertThat(update.get("response_action").asText()).isEqualTo("update");
    JsonNode associationView = update.get("view");
    assertThat(associationView.get("callback_id").asText()).isEqualTo("association");
    String metadata = associationView.get("private_metadata").asText();
    assertThat(metadata).contains("parked");

    // ...and saving it brings the mission modal back, everything typed kept, the association
    // chosen.
    JsonNode back =
        JSON.readTree(
            requests
                .interaction(
                    submission("VM1", "association", metadata, Map.of("name", text("Vëlo Club"))))
                .body());
    assertThat(back.get("response_action").asText()).isEqualTo("update");
    JsonNode missionAgain = back.get("view");
    assertThat(missionAgain.get("callback_id").asText()).isEqualTo("mission");
    assertThat(missionAgain.toString()).contains("Soirées réparation vélo");
    long velo = associations.search(tenant, "velo", 0, 1).items().get(0).id();
    assertThat(missionAgain.findValues("initial_option").stream().map(o -> o.get("value").asText()))
        .contains(Long.toString(velo), "REMOTE");
    noEmptySelect(missionAgain);

    HttpResponse<String> created =
        requests.interaction(
            submission(
                "VM1",
                "mission",
                missionAgain.get("private_metadata").asText(),
                Map.of(
                    "association", chosen("external_select", Long.toString(velo)),
                    "title", text("Soirées réparation vélo"),
                    "hoursPerSession", text("2"),
                    "capacity", text("4"),
                    "mode", chosen("static_select", "REMOTE"))));
    assertThat(created.body()).doesNotContain("errors");
    slack.await(
        "chat.postMessage",
        c -> c.param("blocks") != null && c.param("blocks").contains("Soirées réparation vélo"));
    assertThat(
            jdbc.sql("select count(*) from mission where tenant_id = ? and association_id = ?")
                .params(tenant.value(), velo)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }
}
