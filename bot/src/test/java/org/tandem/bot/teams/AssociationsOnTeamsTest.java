package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.associations.Associations;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * The mission form's association in a Teams task module (Adaptive Cards 1.5 have no typeahead of
 * their own): a search box, the matching choices, "Search" and "New association" submitting the
 * form as it is; in a company created by its first Teams installer, with no demo data.
 */
@BotTest
class AssociationsOnTeamsTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000a5500";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeBotConnector connector = new FakeBotConnector();

  @DynamicPropertySource
  static void teams(DynamicPropertyRegistry registry) {
    connector.configure(registry, APP_ID);
  }

  @AfterAll
  static void stop() {
    connector.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Tenants tenants;
  @Autowired Associations associations;

  final String tenantId = UUID.randomUUID().toString();
  final String aad = UUID.randomUUID().toString();

  TeamsActivities teams() {
    return new TeamsActivities(port, APP_ID, connector, jdbc);
  }

  /** A task module invoke carrying {@code data}; its answer. */
  JsonNode task(String kind, JsonNode data) throws Exception {
    ObjectNode invoke = teams().activity("invoke", tenantId, aad, aad, "personal");
    invoke.put("name", kind);
    invoke.putObject("value").set("data", data.deepCopy());
    return JSON.readTree(teams().post(invoke).body());
  }

  /** What Teams submits for the card action {@code title}: its data and every input's value. */
  static ObjectNode pressed(JsonNode card, String title) {
    ObjectNode data = JSON.createObjectNode();
    for (JsonNode a : card.get("actions")) {
      if (a.path("title").asText().equals(title)) {
        data.setAll((ObjectNode) a.get("data"));
      }
    }
    assertThat(data.has("formId")).as(title + " in " + card).isTrue();
    for (JsonNode input : card.get("body")) {
      if (input.has("id")) {
        data.put(input.get("id").asText(), input.path("value").asText());
      }
    }
    return data;
  }

  static JsonNode input(JsonNode card, String id) {
    for (JsonNode input : card.get("body")) {
      if (input.path("id").asText().equals(id)) {
        return input;
      }
    }
    return null;
  }

  /** No ChoiceSet without choices anywhere in the card. */
  static void noEmptyChoiceSet(JsonNode card) {
    for (JsonNode input : card.get("body")) {
      if (input.path("type").asText().equals("Input.ChoiceSet")) {
        assertThat(input.get("choices").size()).as(input.toString()).isPositive();
      }
    }
  }

  @Test
  void theTaskModuleSearchesAssociationsAndRegistersANewOne() throws Exception {
    teams().post(teams().installationUpdate(tenantId, aad, aad, "personal"));
    TenantId tenant = tenants.find(Platform.TEAMS, tenantId).orElseThrow().id();

    JsonNode open = task("task/fetch", JSON.createObjectNode().put("action", "mission.new"));
    assertThat(open.at("/task/type").asText()).isEqualTo("continue");
    JsonNode card = open.at("/task/value/card/content");
    noEmptyChoiceSet(card);
    assertThat(input(card, "association.q").get("type").asText()).isEqualTo("Input.Text");
    assertThat(input(card, "association")).isNull();
    assertThat(card.toString()).contains("No association yet");
    // Required fields are checked by the engine: Teams would block "Search" on an empty title.
    assertThat(input(card, "title").get("isRequired").asBoolean()).isFalse();

    ObjectNode typed = pressed(card, "New association");
    typed.put("title", "Bike repair evenings").put("association.q", "Velo Club");
    JsonNode associationForm = task("task/submit", typed).at("/task/value/card/content");
    assertThat(input(associationForm, "name").get("value").asText()).isEqualTo("Velo Club");
    ObjectNode registered = pressed(associationForm, "Save");
    registered.put("website", "velo.lu");
    JsonNode back = task("task/submit", registered).at("/task/value/card/content");
    assertThat(input(back, "title").get("value").asText()).isEqualTo("Bike repair evenings");
    long velo = associations.search(tenant, "velo", 0, 1).items().get(0).id();
    assertThat(input(back, "association").get("value").asText()).isEqualTo(Long.toString(velo));
    assertThat(associations.find(tenant, velo).orElseThrow().website())
        .isEqualTo("https://velo.lu");

    // Another association, then "Search" narrows the choices and keeps what was typed.
    ObjectNode another = pressed(back, "New association");
    another.put("association.q", "Caritas");
    JsonNode caritasForm = task("task/submit", another).at("/task/value/card/content");
    task("task/submit", pressed(caritasForm, "Save"));
    ObjectNode search = pressed(back, "Search");
    search.put("association.q", "carit").put("association", "");
    JsonNode found = task("task/submit", search).at("/task/value/card/content");
    noEmptyChoiceSet(found);
    assertThat(input(found, "association").findValues("title").stream().map(JsonNode::asText))
        .containsExactly("Caritas");
    assertThat(input(found, "association.q").get("value").asText()).isEqualTo("carit");
    assertThat(input(found, "title").get("value").asText()).isEqualTo("Bike repair evenings");
    assertThat(found.toString()).contains("1 association matches \\\"carit\\\"");

    ObjectNode nothing = pressed(found, "Search");
    nothing.put("association.q", "zzz").put("association", "");
    JsonNode none = task("task/submit", nothing).at("/task/value/card/content");
    noEmptyChoiceSet(none);
    assertThat(none.toString()).contains("No association matches \\\"zzz\\\"");
  }
}
