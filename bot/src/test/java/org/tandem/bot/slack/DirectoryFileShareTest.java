package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackRequests;

/**
 * An admin shares the company directory as a file in their conversation with Tandem, through the
 * real {@code /slack/events} endpoint, in a workspace installed with {@code TANDEM_ADMINS} and no
 * demo data: Tandem fetches the file with the bot token, previews it (line numbers and reasons),
 * and applies it on Confirm; an employee's crafted Confirm of the same preview changes nothing.
 */
@BotTest
class DirectoryFileShareTest {

  static final String SECRET = "directory-signing-secret";
  static final String TEAM = "T0DIRFILE";
  static final String TOKEN = "xoxb-directory-token";
  static final String ADMIN = "U0DIRADMIN";
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);
  static final ObjectMapper JSON = new ObjectMapper();
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @DynamicPropertySource
  static void slackSettings(DynamicPropertyRegistry registry) {
    slack.configure(registry, SECRET, TOKEN);
    registry.add("TANDEM_ADMINS", () -> ADMIN);
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  SlackRequests requests;

  @BeforeEach
  void fresh() {
    requests = new SlackRequests(port, SECRET, slack);
    slack.reset();
    slack.user(ADMIN, "Iris Admin", "en-US", "Europe/Luxembourg", "iris@acme.example");
  }

  Map<String, Object> fileShare(String user, String name, byte[] content) {
    String url = slack.file(name, content, TOKEN);
    return Map.of(
        "type",
        "message",
        "subtype",
        "file_share",
        "user",
        user,
        "text",
        "",
        "ts",
        "1726133700." + UUID.randomUUID().toString().substring(0, 6),
        "channel",
        "D0DM" + user,
        "channel_type",
        "im",
        "files",
        List.of(
            Map.of(
                "id",
                "F0" + UUID.randomUUID().toString().substring(0, 6),
                "name",
                name,
                "mimetype",
                "text/csv",
                "size",
                content.length,
                "url_private",
                url,
                "url_private_download",
                url)));
  }

  static JsonNode button(FakeSlackApi.Call message, String action) throws Exception {
    for (JsonNode block : JSON.readTree(message.param("blocks"))) {
      for (JsonNode element : block.path("elements")) {
        if (element.path("action_id").asText().startsWith(action)) {
          return element;
        }
      }
    }
    return null;
  }

  long count(String email) {
    return jdbc.sql(
            "select count(*) from employee e join tenant t on t.id = e.tenant_id"
                + " where t.external_id = ? and lower(e.email) = ?")
        .params(TEAM, email)
        .query(Long.class)
        .single();
  }

  @Test
  void anAdminSharesAFileSeesThePreviewAndConfirms() throws Exception {
    // Windows-1252 with semicolons, as French Excel saves a CSV; line 4 names nobody's manager.
    byte[] csv =
        ("E-mail;Nom;Site;Service;Pays;E-mail du responsable\r\n"
                + "claire@acme.example;Claire Müller;Esch;Finance;LU;\r\n"
                + "marc@acme.example;Marc <b>Weber</b>;Esch;IT;LU;claire@acme.example\r\n"
                + "lea@acme.example;Léa Petit;Metz;IT;FR;x@acme.example\r\n"
                + "<!channel>;Someone;Esch;IT;LU;\r\n")
            .getBytes(WINDOWS_1252);
    requests.event(TEAM, fileShare(ADMIN, "annuaire.csv", csv));
    FakeSlackApi.Call preview =
        slack.await(
            "chat.postMessage",
            c ->
                ("D0DM" + ADMIN).equals(c.param("channel"))
                    && c.param("blocks") != null
                    && c.param("blocks").contains("to add"));
    // Fetched with the bot token (the fake serves its sign-in page to anyone else).
    assertThat(slack.calls("/download/annuaire.csv")).hasSize(1);
    String blocks = preview.param("blocks");
    assertThat(blocks).contains("2 to add, 0 to update, 2 lines with errors");
    assertThat(blocks).contains("line 4: Manager \\\"x@acme.example\\\" not found");
    // What the file says lands as text in Slack's mrkdwn: escaped, never a mention.
    assertThat(blocks).contains("line 5: \\\"&lt;!channel&gt;\\\" is not an email address.");
    assertThat(blocks).doesNotContain("<!channel>");
    assertThat(count("claire@acme.example")).isZero();
    JsonNode confirm = button(preview, "directory.confirm");
    assertThat(confirm).as(blocks).isNotNull();
    Map<String, String> plan =
        Map.of("plan", JSON.readTree(confirm.path("value").asText()).path("plan").asText());

    // An employee's crafted Confirm of the admin's preview: refused, nothing changes.
    String employee = "U0DIREMP";
    slack.user(employee, "Tom Employee", "en-US", "Europe/Luxembourg", "tom@acme.example");
    requests.interaction(
        requests.blockAction(TEAM, employee, "directory.confirm", plan, "crafted"));
    slack.await("/response/crafted", c -> c.body().contains("only an admin"));
    assertThat(count("claire@acme.example")).isZero();

    requests.interaction(
        requests.blockAction(TEAM, ADMIN, confirm.path("action_id").asText(), plan, "confirm"));
    slack.await(
        "/response/confirm",
        c ->
            c.body()
                .contains(
                    "Directory updated from annuaire.csv: 2 added, 0 updated, 2 lines left out"));
    assertThat(count("claire@acme.example")).isOne();
    assertThat(
            jdbc.sql(
                    "select m.email from employee e join employee m on m.id = e.manager_id"
                        + " where lower(e.email) = 'marc@acme.example'")
                .query(String.class)
                .single())
        .isEqualTo("claire@acme.example");
    // The name is stored as written; every surface escapes it where it shows it.
    assertThat(
            jdbc.sql("select display_name from employee where email = 'marc@acme.example'")
                .query(String.class)
                .single())
        .isEqualTo("Marc <b>Weber</b>");
  }

  @Test
  void anEmployeesFileIsNeitherFetchedNorRead() throws Exception {
    String employee = "U0DIREMP2";
    slack.user(employee, "Ana Lopes", "fr-FR", "Europe/Luxembourg", "ana@acme.example");
    byte[] csv =
        "email,name\nbob@acme.example,Bob\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    requests.event(TEAM, fileShare(employee, "people.csv", csv));
    FakeSlackApi.Call answer =
        slack.await("chat.postMessage", c -> ("D0DM" + employee).equals(c.param("channel")));
    assertThat(answer.param("text")).contains("je ne lis que les fichiers des administrateurs");
    assertThat(slack.calls("/download/people.csv")).isEmpty();
    assertThat(count("bob@acme.example")).isZero();
  }

  @Test
  void aFileTooLargeIsRefusedPolitelyWithoutFetchingIt() throws Exception {
    Map<String, Object> share = new java.util.HashMap<>(fileShare(ADMIN, "huge.csv", new byte[10]));
    @SuppressWarnings("unchecked")
    Map<String, Object> file =
        new java.util.HashMap<>(((List<Map<String, Object>>) share.get("files")).get(0));
    file.put("size", 50 * 1024 * 1024);
    share.put("files", List.of(file));
    requests.event(TEAM, share);
    FakeSlackApi.Call answer =
        slack.await(
            "chat.postMessage",
            c ->
                ("D0DM" + ADMIN).equals(c.param("channel"))
                    && c.param("text") != null
                    && c.param("text").contains("larger than 20 MB"));
    assertThat(answer).isNotNull();
    assertThat(slack.calls("/download/huge.csv")).isEmpty();
  }
}
