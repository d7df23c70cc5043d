package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackRequests;

/**
 * "/tandem my data" in Slack: the file is uploaded into the asker's own conversation with Tandem,
 * like a report's files, and nowhere else.
 */
@BotTest
class SlackPersonalDataTest {

  static final String SECRET = "personal-data-signing-secret";
  static final String TEAM = "T0PRIVACY";
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);

  @DynamicPropertySource
  static void slackSettings(DynamicPropertyRegistry registry) {
    slack.configure(registry, SECRET, "xoxb-privacy-token");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;

  @Test
  void myDataIsUploadedIntoTheAskersOwnConversationOnly() throws Exception {
    String user = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    slack.user(user, "Noémie Klein", "fr-FR", "Europe/Luxembourg", "noemie@privacy.example");
    new SlackRequests(port, SECRET, slack).command(TEAM, user, "mes données", "data-" + user);

    FakeSlackApi.Call complete =
        slack.await("files.completeUploadExternal", c -> "D0TANDEM".equals(c.param("channel_id")));
    assertThat(complete.param("files")).contains("Vos données dans Tandem");
    assertThat(slack.calls("conversations.open"))
        .extracting(c -> c.param("users"))
        .containsOnly(user);
    assertThat(slack.uploads().values())
        .anySatisfy(
            bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .contains("\"name\" : \"Noémie Klein\"")
                    .contains("\"email\" : \"noemie@privacy.example\"")
                    .contains("\"id\" : \"" + user + "\""));
  }
}
