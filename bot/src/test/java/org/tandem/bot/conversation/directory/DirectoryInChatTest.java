package org.tandem.bot.conversation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * The directory in chat, in a company created by an install (no demo data): "admin directory" and
 * its template, "person NAME" to see and edit one entry (a manager loop refused on its field), the
 * roles, one's own site and manager in the profile; and the try-it chat's upload button.
 */
@BotTest
class DirectoryInChatTest {

  @LocalServerPort int port;
  @Autowired ConversationEngine engine;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  record Company(TenantId tenant, Employee admin, Employee boss, Employee ana) {}

  Company installed() {
    TenantId t =
        tenants.findOrCreate(Platform.SLACK, "T" + UUID.randomUUID(), "Fresh Ltd", "LU").id();
    Employee iris = fixtures.person(t, "Iris Admin");
    people.installedBy(t, iris.id());
    Employee boss = fixtures.person(t, "Bruno Boss");
    Employee ana = fixtures.person(t, "Ana Lopes");
    return new Company(t, people.find(t, iris.id()).orElseThrow(), boss, ana);
  }

  static Reply.Card card(Reply r) {
    return r.parts().stream()
        .filter(p -> p instanceof Reply.Card)
        .map(p -> (Reply.Card) p)
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError(r.plainText()));
  }

  static String fact(Reply.Card c, String label) {
    return c.facts().stream()
        .filter(f -> f.label().equals(label))
        .map(Reply.Fact::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError(c.plainText()));
  }

  @Test
  void adminDirectoryExplainsTheThreeWaysAndItsTemplateReadsBack() {
    Company c = installed();
    Chat iris = new Chat(engine, c.admin(), Locale.FRENCH);
    Reply r = iris.say("admin annuaire");
    assertThat(r.plainText())
        .contains("admin scim")
        .contains("e-mail, nom, site, service, pays, e-mail du responsable")
        .contains("personne NOM");
    assertThat(iris.click("directory.show", Map.of()).plainText()).isEqualTo(r.plainText());
    Reply template = iris.click("directory.template");
    Reply.File file =
        template.parts().stream()
            .filter(p -> p instanceof Reply.File)
            .map(p -> (Reply.File) p)
            .findFirst()
            .orElseThrow();
    assertThat(file.name()).isEqualTo("modele-annuaire.csv");
    DirectoryFile.Read read = DirectoryFile.read(file.name(), file.content());
    assertThat(read.ok()).isTrue();
    assertThat(read.rows()).hasSize(2);
    assertThat(read.rows().get(1).managerEmail()).isEqualTo("claire.martin@example.com");

    Chat ana = new Chat(engine, c.ana(), Locale.ENGLISH);
    assertThat(ana.say("admin directory").plainText()).contains("only an admin");
  }

  @Test
  void anAdminEditsAPersonAndAManagerLoopIsRefusedOnItsField() {
    Company c = installed();
    people.setManager(c.tenant(), c.boss().id(), c.ana().id()).value(); // Ana manages Bruno
    Chat iris = new Chat(engine, c.admin(), Locale.ENGLISH);
    Reply.Card shown = card(iris.say("person lopes"));
    assertThat(shown.title()).isEqualTo("Ana Lopes");
    assertThat(fact(shown, "Line manager")).isEqualTo("—");

    iris.click("person.edit");
    Reply loop =
        iris.submitForm(
            Map.of(
                "site", List.of("Esch"),
                "country", List.of("lu"),
                "manager", List.of("Bruno")));
    Reply.Field manager =
        Chat.form(loop).fields().stream()
            .filter(f -> f.name().equals("manager"))
            .findFirst()
            .orElseThrow();
    assertThat(manager.error()).contains("loop");
    assertThat(people.find(c.tenant(), c.ana().id()).orElseThrow().site()).isNull();

    Reply badCountry =
        iris.submitForm(Map.of("manager", List.of(""), "country", List.of("Luxembourg")));
    assertThat(
            Chat.form(badCountry).fields().stream()
                .filter(f -> f.name().equals("country"))
                .findFirst()
                .orElseThrow()
                .error())
        .contains("not a country code");

    Reply saved = iris.submitForm(Map.of("country", List.of("lu"), "manager", List.of("")));
    assertThat(saved.plainText()).contains("Saved");
    Employee ana = people.find(c.tenant(), c.ana().id()).orElseThrow();
    assertThat(ana.site()).isEqualTo("Esch");
    assertThat(ana.country()).isEqualTo("LU");

    // Moving Bruno's manager away, then Bruno may manage Ana.
    people.setManager(c.tenant(), c.boss().id(), null).value();
    iris.say("person Ana Lopes");
    iris.click("person.edit");
    iris.submitForm(Map.of("manager", List.of("Bruno")));
    assertThat(people.find(c.tenant(), c.ana().id()).orElseThrow().managerId())
        .isEqualTo(c.boss().id());

    Reply.Card csr =
        card(
            iris.click(
                "person.role",
                Map.of("id", Long.toString(c.ana().id()), "role", "CSR_MANAGER", "grant", "true")));
    assertThat(fact(csr, "Roles")).isEqualTo("a CSR manager");
    assertThat(people.find(c.tenant(), c.ana().id()).orElseThrow().has(Role.CSR_MANAGER)).isTrue();
  }

  @Test
  void anEmployeeNeitherSeesNorEditsOthersAndSeesTheirOwnManagerInTheirProfile() {
    Company c = installed();
    Chat ana = new Chat(engine, c.ana(), Locale.FRENCH);
    assertThat(ana.say("personne Bruno").plainText()).contains("seul un administrateur");
    Reply crafted =
        ana.submit(
            "person",
            Map.of("site", List.of("Nowhere"), "country", List.of("FR")),
            Map.of("id", Long.toString(c.boss().id())));
    assertThat(crafted.plainText()).contains("seul un administrateur");
    assertThat(people.find(c.tenant(), c.boss().id()).orElseThrow().site()).isNull();

    people.setWorkplace(c.tenant(), c.ana().id(), "Esch", "Finance", "LU").value();
    people.setManager(c.tenant(), c.ana().id(), c.boss().id()).value();
    String intro = Chat.form(ana.say("profil")).intro();
    assertThat(intro).contains("Esch · Finance · LU").contains("responsable\u00a0: Bruno Boss");
  }

  @Test
  void theTryItChatUploadsAFileAndConfirmsIt() {
    RestClient http = RestClient.create("http://localhost:" + port);
    String email = "new." + UUID.randomUUID().toString().substring(0, 6) + "@demo.example";
    byte[] csv =
        ("email;name;site\n" + email + ";Nina <i>Neu</i>;Esch\n;No Email;Esch\n")
            .getBytes(StandardCharsets.UTF_8);
    String preview =
        http.post()
            .uri("/try/upload?handle=claire.weber&locale=en&name=staff.csv")
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .body(csv)
            .retrieve()
            .body(String.class);
    assertThat(preview)
        .contains("1 to add, 0 to update, 1 line with errors")
        .contains("line 3: No email address.");
    java.util.regex.Matcher plan =
        java.util.regex.Pattern.compile("&quot;plan&quot;:&quot;([0-9a-f-]{36})&quot;")
            .matcher(preview);
    assertThat(plan.find()).as(preview).isTrue();
    String done =
        http.post()
            .uri("/try/action")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "handle",
                    "claire.weber",
                    "locale",
                    "en",
                    "id",
                    "directory.confirm",
                    "data",
                    Map.of("plan", plan.group(1))))
            .retrieve()
            .body(String.class);
    assertThat(done).contains("1 added");
    assertThat(
            jdbc.sql("select display_name from employee where email = ?")
                .param(email)
                .query(String.class)
                .single())
        .isEqualTo("Nina <i>Neu</i>");

    // A file whose every line is refused says so, and offers nothing to confirm.
    String refused =
        http.post()
            .uri("/try/upload?handle=claire.weber&locale=en&name=bad.csv")
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .body("email,name\nfoo,Foo\n".getBytes(StandardCharsets.UTF_8))
            .retrieve()
            .body(String.class);
    assertThat(refused)
        .contains("0 to add, 0 to update, 1 line with errors")
        .contains("No line of this file can be imported")
        .doesNotContain("already in Tandem")
        .doesNotContain("directory.confirm");
  }
}
