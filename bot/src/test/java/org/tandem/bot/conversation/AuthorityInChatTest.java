package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.assertNotice;
import static org.tandem.bot.support.Chat.cards;
import static org.tandem.bot.support.Chat.error;
import static org.tandem.bot.support.Chat.field;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.AdminAudit;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * The core's authority and validation as people meet them in chat, in a company created by an
 * install (no demo data): refusals in their language, on the right field, nothing changed; the
 * admin trail read by admins only.
 */
@BotTest
class AuthorityInChatTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired AdminAudit audit;
  @Autowired org.springframework.transaction.support.TransactionTemplate tx;
  @Autowired Tenants tenants;
  @Autowired Commitments commitments;
  @Autowired JdbcClient jdbc;

  TenantId tenant;
  Employee admin;
  Employee csr;
  Employee employee;

  @BeforeEach
  void installed() {
    tenant =
        tenants
            .findOrCreate(Platform.TEAMS, "aad-" + java.util.UUID.randomUUID(), "Fresh Ltd", "LU")
            .id();
    admin = people.installedByFirst(tenant, fixtures.person(tenant, "Iris Admin").id());
    csr = fixtures.person(tenant, "Sophie Muller");
    csr = people.grant(tenant, admin.id(), csr.id(), Role.CSR_MANAGER).value();
    employee = fixtures.accountantInDifferdange(tenant);
  }

  @Test
  void anAllowanceThatIsNoNumberIsRefusedOnItsFieldInThePersonsLanguage() {
    Chat fr = new Chat(engine, admin, Locale.FRENCH);
    fr.click("policy.edit", Map.of());
    Reply refused = fr.submitForm(Map.of("allowance", List.of("1E-999999999")));
    assertThat(error(refused, "allowance"))
        .contains("«\u00a01E-999999999\u00a0» n'est pas un nombre");
    assertThat(field(refused, "allowance").values()).containsExactly("1E-999999999");
    Reply tooMany = fr.submitForm(Map.of("allowance", List.of("1999,999")));
    assertThat(error(tooMany, "allowance")).contains("forfait annuel").contains("deux décimales");
    Chat de = new Chat(engine, admin, Locale.GERMAN);
    de.click("policy.edit", Map.of());
    assertThat(error(de.submitForm(Map.of("rate", List.of("1e3"))), "rate"))
        .contains("„1e3“ ist keine Zahl");
    assertThat(tenants.find(tenant).orElseThrow().policy().yearlyAllowanceHours())
        .isEqualByComparingTo("0");
  }

  @Test
  void anEmployeeSubmittingThePolicyFormIsRefusedAndNothingChanges() {
    Chat chat = new Chat(engine, employee, Locale.ENGLISH);
    Reply refused =
        chat.submit(
            "policy",
            Map.of(
                "allowance", List.of("1999"),
                "rate", List.of("45"),
                "currency", List.of("EUR"),
                "country", List.of("LU")),
            Map.of());
    assertNotice(refused, Reply.Notice.Level.WARNING, "only an admin");
    assertThat(tenants.find(tenant).orElseThrow().policy().yearlyAllowanceHours())
        .isEqualByComparingTo("0");
  }

  @Test
  void aMissionInYearOneOrInThePastIsRefusedOnItsFirstDate() {
    var association =
        fixtures.association(tenant, "Repair Café Esch", org.tandem.core.causes.Cause.ENVIRONMENT);
    Chat chat = new Chat(engine, csr, Locale.ENGLISH);
    chat.command("newmission", "");
    Map<String, List<String>> mission =
        Map.of(
            "association", List.of(Long.toString(association.id())),
            "title", List.of("Fix toasters"),
            "mode", List.of("ONSITE"),
            "place", List.of("Esch-sur-Alzette"),
            "hoursPerSession", List.of("2,5"),
            "capacity", List.of("4"),
            "firstDate", List.of("0001-01-01"));
    Reply yearOne = chat.submitForm(mission);
    assertThat(error(yearOne, "firstDate")).contains("has already passed");
    Reply yesterday =
        chat.submitForm(
            Map.of(
                "firstDate", List.of(LocalDate.now(Fixtures.LUXEMBOURG).minusDays(1).toString())));
    assertThat(error(yesterday, "firstDate")).contains("has already passed");
    Reply far = chat.submitForm(Map.of("firstDate", List.of("2999-06-01")));
    assertThat(error(far, "firstDate")).contains("too far ahead");
    assertThat(count("mission")).isZero();
  }

  @Test
  void anEmployeeSubmittingTheMissionFormIsRefusedAndNothingIsCreated() {
    var association =
        fixtures.association(tenant, "Repair Café Esch", org.tandem.core.causes.Cause.ENVIRONMENT);
    Chat chat = new Chat(engine, employee, Locale.ENGLISH);
    assertNotice(chat.command("newmission", ""), Reply.Notice.Level.WARNING, "CSR managers");
    Reply refused =
        chat.submit(
            "mission",
            Map.of(
                "association", List.of(Long.toString(association.id())),
                "title", List.of("Forged"),
                "mode", List.of("REMOTE"),
                "hoursPerSession", List.of("2"),
                "capacity", List.of("4")),
            Map.of());
    assertNotice(refused, Reply.Notice.Level.WARNING, "CSR managers");
    assertThat(count("mission")).isZero();
  }

  @Test
  void loggingOneE9HoursIsRefusedWithAReasonNotReadAsNine() {
    tenants.change(tenant, org.tandem.core.tenants.PolicyChange.none().allowance(40));
    Mission m = fixtures.workshopInEsch(tenant, 4);
    commitments.commit(tenant, employee.id(), m.id(), false).value();
    Chat chat = new Chat(engine, employee, Locale.ENGLISH);
    for (String text : List.of("log 1e9h yesterday", "log 1e9 yesterday", "log 1000h yesterday")) {
      Reply r = chat.say(text);
      assertThat(error(r, "hours")).as(text).contains("is not an amount of hours I can read");
    }
    Chat fr = new Chat(engine, employee, Locale.FRENCH);
    assertThat(error(fr.say("j'ai fait 1e9h hier"), "hours"))
        .contains("«\u00a01e9h\u00a0» n'est pas un nombre d'heures");
    assertThat(error(chat.say("log 25h yesterday"), "hours")).contains("a day has only 24");
    assertThat(count("hour_entry")).isZero();
    assertThat(chat.say("log 2h yesterday").plainText()).contains("Logged 2 h");
  }

  @Test
  void theAdminTrailIsReadByAdminsInTheirLanguageAPageAtATime() {
    fixtures.person(tenant, "Marc Weber");
    Chat en = new Chat(engine, admin, Locale.ENGLISH);
    en.say("admin grant marc admin");
    en.click("policy.edit", Map.of());
    en.submitForm(Map.of("allowance", List.of("24"), "currency", List.of("CHF")));
    // Saved again as it stands: nothing changed, so nothing more in the trail.
    en.click("policy.edit", Map.of());
    assertThat(en.submitForm(Map.of()).plainText()).contains("Policy saved");
    en.say("admin link");
    Reply trail = en.say("admin audit");
    Reply.Card card = cards(trail).get(0);
    assertThat(card.title()).isEqualTo("Admin trail of Fresh Ltd");
    assertThat(card.facts()).hasSize(6);
    assertThat(card.facts().get(0).label()).contains("Iris Admin");
    assertThat(card.facts().get(0).value()).startsWith("Link code issued, valid until");
    assertThat(card.facts().get(1).value())
        .isEqualTo(
            "Policy changed: Yearly allowance on work time (hours) 0 → 24; Currency EUR → CHF");
    assertThat(card.facts().get(2).value()).isEqualTo("Marc Weber became an admin");
    assertThat(card.facts().get(3).value()).isEqualTo("Sophie Muller became a CSR manager");
    assertThat(card.facts().get(4).value()).isEqualTo("Installed Tandem and became a CSR manager");
    assertThat(card.facts().get(5).value()).isEqualTo("Installed Tandem and became an admin");

    Chat fr = new Chat(engine, admin, Locale.FRENCH);
    Reply page = fr.say("admin journal 2");
    assertThat(cards(page).get(0).facts()).hasSize(2);
    assertThat(cards(page).get(0).title()).isEqualTo("Journal d'administration de Fresh Ltd");
    // French typography: a non-breaking space before the colon and each semicolon.
    assertThat(cards(page).get(0).facts().get(1).value())
        .startsWith("Politique modifiée\u00a0: ")
        .contains(" 0 → 24\u00a0; ")
        .doesNotContain(" 24; ");
    Reply older = fr.click("admin.audit.more");
    assertThat(cards(older).get(0).facts())
        .extracting(Reply.Fact::value)
        .containsExactly(
            "Marc Weber est devenu·e administrateur", "Sophie Muller est devenu·e responsable RSE");
    Chat de = new Chat(engine, admin, Locale.GERMAN);
    assertThat(cards(de.command("admin", "protokoll 1")).get(0).facts().get(0).value())
        .startsWith("Verknüpfungscode ausgestellt");

    for (Employee notAdmin : List.of(csr, employee)) {
      Chat chat = new Chat(engine, notAdmin, Locale.ENGLISH);
      assertNotice(chat.say("admin audit"), Reply.Notice.Level.WARNING, "only an admin");
      assertNotice(
          chat.click("admin.audit.more", Map.of("olderThan", "999999999")),
          Reply.Notice.Level.WARNING,
          "only an admin");
    }
  }

  @Test
  void aDirectoryImportInTheTrailCountsItsLinesInEachLanguage() {
    // The import records within its transaction, as Directory.confirm does.
    tx.executeWithoutResult(
        st ->
            audit.record(
                tenant,
                admin.id(),
                AdminAudit.Kind.IMPORTED,
                Map.of("directory", "equipe.csv", "added", 2, "updated", 0, "skipped", 1)));
    assertThat(cards(new Chat(engine, admin, Locale.FRENCH).say("admin journal 1")).get(0).facts())
        .extracting(Reply.Fact::value)
        .containsExactly(
            "Fichier d'annuaire equipe.csv importé\u00a0: 2 ajoutées, 0 mises à jour,"
                + " 1 ligne laissée de côté");
    assertThat(cards(new Chat(engine, admin, Locale.ENGLISH).say("admin audit 1")).get(0).facts())
        .extracting(Reply.Fact::value)
        .containsExactly(
            "Imported the directory file equipe.csv: 2 added, 0 updated, 1 line left out");
    // The import records within its transaction, as Directory.confirm does.
    tx.executeWithoutResult(
        st ->
            audit.record(
                tenant,
                admin.id(),
                AdminAudit.Kind.IMPORTED,
                Map.of("directory", "team.xlsx", "added", 0, "updated", 3, "skipped", 4)));
    assertThat(
            cards(new Chat(engine, admin, Locale.GERMAN).say("admin protokoll 1")).get(0).facts())
        .extracting(Reply.Fact::value)
        .containsExactly(
            "Verzeichnisdatei team.xlsx importiert: 0 neu, 3 aktualisiert, 4 Zeilen ausgelassen");
  }

  int count(String table) {
    return jdbc.sql("select count(*) from " + table + " where tenant_id = ?")
        .param(tenant.value())
        .query(Integer.class)
        .single();
  }
}
