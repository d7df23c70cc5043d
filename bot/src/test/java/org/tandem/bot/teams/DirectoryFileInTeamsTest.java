package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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

/**
 * The first person to add Tandem in a new Teams tenant sends the directory as an XLSX file in the
 * personal chat (the manifest's {@code supportsFiles}): the Bot-Framework-authenticated activity
 * names the file's pre-authorised {@code downloadUrl}, Tandem answers with the preview card, and
 * the card's Confirm (an {@code adaptiveCard/action} invoke) applies it. An employee's file is not
 * fetched; a download that hangs past the read timeout is tried again by the inbox.
 */
@BotTest
class DirectoryFileInTeamsTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000d1f11";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeBotConnector connector = new FakeBotConnector();

  @DynamicPropertySource
  static void teams(DynamicPropertyRegistry registry) {
    connector.configure(registry, APP_ID);
    // Short limits, set here and asserted by what happens: a hanging download times out.
    registry.add("tandem.http.read-timeout", () -> "PT0.5S");
    registry.add("tandem.inbox.backoff", () -> "PT0.2S");
  }

  @AfterAll
  static void stop() {
    connector.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  static byte[] xlsx() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook book = new Workbook(out, "HR", "1.0");
    Worksheet sheet = book.newWorksheet("Staff");
    String[][] rows = {
      {"Email", "Name", "Site", "Department", "Country", "Manager email"},
      {"anna@contoso.example", "Anna Groß", "Trier", "Einkauf", "DE", ""},
      {"ben@contoso.example", "Ben Klein", "Trier", "Einkauf", "DE", "anna@contoso.example"},
      {"cem@contoso.example", "Cem", "Trier", "Einkauf", "DE", "cem@contoso.example"}
    };
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < rows[r].length; c++) {
        sheet.value(r, c, rows[r][c]);
      }
    }
    book.finish();
    return out.toByteArray();
  }

  @Test
  void aDownloadThatHangsTimesOutAndIsTriedAgainFromTheInbox() throws Exception {
    TeamsActivities teams = new TeamsActivities(port, APP_ID, connector, jdbc);
    String tenant = UUID.randomUUID().toString();
    String user = "hang-" + UUID.randomUUID().toString().substring(0, 8);
    teams.post(teams.installationUpdate(tenant, user, "aad-" + user, "personal"));
    ObjectNode message = teams.message(tenant, user, "aad-" + user, "");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.teams.file.download.info");
    attachment.put("name", "slow.xlsx");
    attachment
        .putObject("content")
        .put("downloadUrl", connector.file("slow.xlsx", xlsx()))
        .put("fileType", "xlsx");
    int before = connector.fileDownloads.get();
    connector.fileHang = java.time.Duration.ofSeconds(3);
    connector.fileHangs.set(1);
    connector.sent.clear();
    teams.post(message);
    // The first download outlived the 0.5 s read timeout; the inbox tried again, and it came.
    assertThat(connector.fileDownloads.get() - before).isEqualTo(2);
    assertThat(connector.sent.get(connector.sent.size() - 1)[1]).contains("2 to add");
  }

  @Test
  void theInstallerSendsAnXlsxInThePersonalChatAndConfirmsThePreview() throws Exception {
    TeamsActivities teams = new TeamsActivities(port, APP_ID, connector, jdbc);
    String tenant = UUID.randomUUID().toString();
    String user = "dir-" + UUID.randomUUID().toString().substring(0, 8);
    String aad = "aad-" + user;
    teams.post(teams.installationUpdate(tenant, user, aad, "personal"));

    connector.sent.clear();
    ObjectNode message = teams.message(tenant, user, aad, "");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.teams.file.download.info");
    attachment.put("name", "staff.xlsx");
    attachment.put("contentUrl", "https://contoso.sharepoint.com/personal/staff.xlsx");
    attachment
        .putObject("content")
        .put("downloadUrl", connector.file("staff.xlsx", xlsx()))
        .put("uniqueId", UUID.randomUUID().toString())
        .put("fileType", "xlsx");
    assertThat(teams.post(message).statusCode()).isEqualTo(200);
    assertThat(connector.fileDownloads.get()).isGreaterThanOrEqualTo(1);

    String reply = connector.sent.get(connector.sent.size() - 1)[1];
    assertThat(reply).contains("2 to add, 0 to update, 1 line with errors");
    assertThat(reply).contains("line 4: Nobody can be their own line manager");
    String plan = null;
    for (JsonNode action : JSON.readTree(reply).findValues("actions")) {
      for (JsonNode a : action) {
        if ("directory.confirm".equals(a.path("verb").asText())) {
          plan = a.at("/data/plan").asText();
        }
      }
    }
    assertThat(plan).as(reply).isNotBlank();

    ObjectNode click = teams.message(tenant, user, aad, "");
    click.put("type", "invoke");
    click.put("name", "adaptiveCard/action");
    ObjectNode action = click.putObject("value").putObject("action");
    action.put("type", "Action.Execute").put("verb", "directory.confirm");
    action.putObject("data").put("plan", plan);
    HttpResponse<String> r = teams.post(click);
    assertThat(r.body())
        .contains("Directory updated from staff.xlsx: 2 added, 0 updated, 1 line left out");
    // Someone else of the tenant (an employee) sends a file: it is neither fetched nor read.
    int fetched = connector.fileDownloads.get();
    String other = "emp-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode theirs = teams.message(tenant, other, "aad-" + other, "");
    ObjectNode file = theirs.putArray("attachments").addObject();
    file.put("contentType", "application/vnd.microsoft.teams.file.download.info");
    file.put("name", "people.csv");
    file.putObject("content")
        .put(
            "downloadUrl",
            connector.file(
                "people.csv",
                "email,name\nx@contoso.example,X\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .put("fileType", "csv");
    connector.sent.clear();
    teams.post(theirs);
    assertThat(connector.sent.get(connector.sent.size() - 1)[1])
        .contains("I only read files from admins");
    assertThat(connector.fileDownloads.get()).isEqualTo(fetched);

    assertThat(
            jdbc.sql(
                    "select m.email from employee e join employee m on m.id = e.manager_id"
                        + " join tenant t on t.id = e.tenant_id"
                        + " where t.external_id = ? and e.email = 'ben@contoso.example'")
                .param(tenant)
                .query(String.class)
                .single())
        .isEqualTo("anna@contoso.example");
  }
}
