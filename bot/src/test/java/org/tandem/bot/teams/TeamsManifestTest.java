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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The Teams app package: a valid v1.17 manifest, the two icons at their sizes, the commands. */
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
