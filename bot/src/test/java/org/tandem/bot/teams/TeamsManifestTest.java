package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tandem.bot.conversation.Markup;
import org.tandem.bot.conversation.Texts;

/**
 * The Teams app package: a valid v1.17 manifest, the two icons at their sizes, the commands, and
 * their French and German titles.
 */
class TeamsManifestTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path DIR = Path.of("../manifests/teams");

  @Test
  void theManifestValidatesAgainstTheV117Schema() throws Exception {
    JsonSchema schema;
    try (InputStream in =
        getClass()
            .getResourceAsStream("/schemas/teams-manifest/MicrosoftTeams.v1.17.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    JsonNode manifest = JSON.readTree(Files.readString(DIR.resolve("manifest.json")));
    assertThat(schema.validate(manifest)).isEmpty();
    ObjectNode broken = manifest.deepCopy();
    broken.put("id", "not-a-guid");
    assertThat(schema.validate(broken)).isNotEmpty();
  }

  @Test
  void theBotServesEveryScopeWithACommandList() throws Exception {
    JsonNode bot = JSON.readTree(Files.readString(DIR.resolve("manifest.json"))).at("/bots/0");
    List<String> scopes = new ArrayList<>();
    bot.get("scopes").forEach(s -> scopes.add(s.asText()));
    assertThat(scopes).containsExactlyInAnyOrder("personal", "team", "groupChat");
    List<String> commands = new ArrayList<>();
    bot.at("/commandLists/0/commands").forEach(c -> commands.add(c.get("title").asText()));
    assertThat(commands).contains("missions", "profile", "hours", "mine", "year", "report", "help");
  }

  @Test
  void theCommandListSpeaksFrenchAndGermanAndEveryTitleIsACommand() throws Exception {
    JsonSchema schema;
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/schemas/teams-manifest/MicrosoftTeams.v1.24.Localization.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    JsonNode manifest = JSON.readTree(Files.readString(DIR.resolve("manifest.json")));
    JsonNode languages = manifest.at("/localizationInfo/additionalLanguages");
    List<String> tags = new ArrayList<>();
    languages.forEach(l -> tags.add(l.get("languageTag").asText()));
    assertThat(tags).containsExactly("fr", "de");
    int commands = manifest.at("/bots/0/commandLists/0/commands").size();
    for (JsonNode language : languages) {
      String tag = language.get("languageTag").asText();
      JsonNode file = JSON.readTree(Files.readString(DIR.resolve(language.get("file").asText())));
      assertThat(schema.validate(file)).as(tag).isEmpty();
      Texts texts = Texts.of(Locale.forLanguageTag(tag));
      String help = texts.t("help.employee") + texts.t("help.csr");
      for (int i = 0; i < commands; i++) {
        String key = "bots[0].commandLists[0].commands[" + i + "]";
        String title = file.path(key + ".title").asText();
        assertThat(file.path(key + ".description").asText()).as(tag + " " + i).isNotBlank();
        // The title is what Teams sends when the command is picked: help lists the same word.
        if (!title.equals(texts.t("try.help"))) {
          assertThat(help).as(tag + " help lists " + title).contains(Markup.BOLD_OPEN + title);
        }
      }
      ObjectNode broken =
          ((ObjectNode) file.deepCopy()).put("bots[0].commandLists[0].commands[12].title", "x");
      assertThat(schema.validate(broken)).isNotEmpty();
    }
  }

  @Test
  void theIconsHaveTheirSizesAndTheOutlineIsWhiteOnTransparent() throws Exception {
    BufferedImage color = ImageIO.read(DIR.resolve("color.png").toFile());
    assertThat(color.getWidth()).isEqualTo(192);
    assertThat(color.getHeight()).isEqualTo(192);
    BufferedImage outline = ImageIO.read(DIR.resolve("outline.png").toFile());
    assertThat(outline.getWidth()).isEqualTo(32);
    assertThat(outline.getHeight()).isEqualTo(32);
    int transparent = 0;
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        int argb = outline.getRGB(x, y);
        int alpha = argb >>> 24;
        if (alpha == 0) {
          transparent++;
        } else {
          assertThat(argb & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(0xFFFFFF);
        }
      }
    }
    assertThat(transparent).isGreaterThan(32 * 32 / 2);
  }
}
