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
 * the card's Confirm (an {@code adaptiveCard/action} invoke) applies it.
 */
@BotTest
class DirectoryFileInTeamsTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000d1f11";
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
