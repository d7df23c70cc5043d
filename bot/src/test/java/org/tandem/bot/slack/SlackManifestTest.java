package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The app manifest an admin pastes into "Create app from manifest" is valid and complete. */
class SlackManifestTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path MANIFEST = Path.of("../manifests/slack/manifest.json");

  @Test
  void theManifestValidatesAgainstSlacksSchema() throws Exception {
    JsonSchema schema;
    try (InputStream in =
        getClass().getResourceAsStream("/schemas/slack-manifest/manifest.schema.1.0.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    Set<ValidationMessage> problems = schema.validate(JSON.readTree(Files.readString(MANIFEST)));
    assertThat(problems).isEmpty();
    JsonNode broken = JSON.readTree(Files.readString(MANIFEST));
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("display_information"))
        .remove("name");
    assertThat(schema.validate(broken)).isNotEmpty();
  }

  @Test
  void itDeclaresTheCommandEventsAndTheScopesTandemAsksFor() throws Exception {
    JsonNode m = JSON.readTree(Files.readString(MANIFEST));
    assertThat(m.at("/features/slash_commands/0/command").asText()).isEqualTo("/tandem");
    assertThat(m.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
    List<String> events = new ArrayList<>();
    m.at("/settings/event_subscriptions/bot_events").forEach(e -> events.add(e.asText()));
    assertThat(events)
        .contains(
            "app_home_opened", "message.im", "app_mention", "app_uninstalled", "tokens_revoked");
    List<String> scopes = new ArrayList<>();
    m.at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
    assertThat(String.join(",", scopes)).isEqualTo(SlackSettings.DEFAULT_SCOPES);
    assertThat(m.at("/oauth_config/redirect_urls/0").asText())
        .endsWith(SlackConfiguration.REDIRECT_PATH);
  }
}
