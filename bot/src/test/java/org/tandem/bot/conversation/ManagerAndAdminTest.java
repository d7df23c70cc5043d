package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.assertNotice;
import static org.tandem.bot.support.Chat.cards;
import static org.tandem.bot.support.Chat.error;
import static org.tandem.bot.support.Chat.field;
import static org.tandem.bot.support.Chat.form;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.HourStatus;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/** CSR managers approve hours and create missions; admins set roles and the policy. */
@BotTest
class ManagerAndAdminTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired Hours hours;
  @Autowired People people;
  @Autowired Tenants tenants;

  TenantId tenant;
  Employee csr;
  Employee admin;

  @BeforeEach
  void setUp() {
    tenant = fixtures.company();
    csr = people.bootstrap(tenant, fixtures.person(tenant, "Claire Martin").id(), Role.CSR_MANAGER);
    admin = people.bootstrap(tenant, fixtures.person(tenant, "Paul Admin").id(), Role.ADMIN);
  }

  @Test
  void aCsrManagerApprovesAndRejectsHoursInEnglishAndFrench() {
    Mission mission = fixtures.workshopInEsch(tenant, 3);
    Employee ana = fixtures.accountantInDifferdange(tenant);
    Commitment c = commitments.commit(tenant, ana.id(), mission.id(), false).value();
    LocalDate today = LocalDate.now(Fixtures.LUXEMBOURG);
    var first =
        hours
            .log(
                tenant,
                ana.id(),
                HoursRequest.onWorkTime(c.id(), today, 120, "Sorted the invoices"))
            .value();
    var second =
        hours
            .log(tenant, ana.id(), HoursRequest.onWorkTime(c.id(), today.minusDays(1), 60, ""))
            .value();

    Chat chat = new Chat(engine, csr, Locale.ENGLISH);
    Reply list = chat.say("approvals");
    assertThat(list.plainText())
        .contains("2 items wait for you")
        .contains("Ana Lopes")
        .contains("Sorted the invoices");
    chat.click("hours.approve", Map.of("entryId", Long.toString(first.id())));
    assertThat(chat.last.plainText()).contains("Approved.");
    assertNotice(
        chat.click("hours.approve", Map.of("entryId", Long.toString(first.id()))),
        Reply.Notice.Level.WARNING,
        "already approved or rejected");

    Chat fr = new Chat(engine, csr, Locale.FRENCH);
    fr.click("hours.reject", Map.of("entryId", Long.toString(second.id())));
    assertThat(Chat.form(fr.last).title()).isEqualTo("Pourquoi refuser ces heures\u00a0?");
    fr.submitForm(Map.of("reason", java.util.List.of("Pas sur la feuille de présence")));
    assertThat(fr.last.plainText()).contains("refusé");
    assertThat(hours.find(tenant, first.id()).orElseThrow().status())
        .isEqualTo(HourStatus.APPROVED);
    assertThat(hours.find(tenant, second.id()).orElseThrow().status())
        .isEqualTo(HourStatus.REJECTED);
    assertThat(chat.say("approvals").plainText()).contains("Nothing waits for your approval");
  }

  @Test
  void aCsrManagerCreatesAMissionThroughTheFormWithErrorsOnTheRightFields() {
    var association =
        fixtures.association(tenant, "Repair Café Esch", org.tandem.core.causes.Cause.ENVIRONMENT);
    Chat chat = new Chat(engine, csr, Locale.ENGLISH);
    Reply form = chat.command("newmission", "");
    assertThat(form(form).id()).isEqualTo("mission");
    assertThat(field(form, "association").options())
        .extracting(Reply.Option::label)
        .contains("Repair Café Esch");

    Reply missing =
        chat.submitForm(
            Map.of(
                "association", List.of(Long.toString(association.id())),
                "title", List.of(""),
                "mode", List.of("ONSITE"),
                "place", List.of("Esch-sur-Alzette"),
                "hoursPerSession", List.of("2,5"),
                "capacity", List.of("4")));
    assertThat(error(missing, "title")).contains("title");

    Reply badPlace =
        chat.submitForm(
            Map.of("title", List.of("Fix toasters"), "place", List.of("Nowhere-on-sea")));
    assertThat(error(badPlace, "place")).contains("Nowhere-on-sea");
    assertThat(field(badPlace, "title").values()).containsExactly("Fix toasters");

    Reply created =
        chat.submitForm(
            Map.of(
                "place", List.of("Esch-sur-Alzette"),
                "skills", List.of("appliance_repair"),
                "firstDate", List.of(LocalDate.now(Fixtures.LUXEMBOURG).plusDays(10).toString()),
                "sessions", List.of("3")));
    assertThat(created.plainText()).contains("Mission \"Fix toasters\" is open");
    Reply edit = chat.click("mission.edit");
    assertThat(field(edit, "title").values()).containsExactly("Fix toasters");
    assertThat(field(edit, "sessions").values()).containsExactly("3");
    Reply tooSmall = chat.submitForm(Map.of("capacity", List.of("0")));
    assertThat(error(tooSmall, "capacity")).contains("between 1 and 1,000");
    Reply saved =
        chat.submitForm(
            Map.of("capacity", List.of("6"), "title", List.of("Fix toasters and kettles")));
    assertThat(saved.plainText()).contains("Mission \"Fix toasters and kettles\" saved");
    Reply details = chat.click("mission.details");
    assertThat(details.plainText())
        .contains("3 sessions")
        .contains("2.5 h per session")
        .contains("0 of 6 taken");
  }

  @Test
  void anAdminGrantsRolesAndSetsThePolicy() {
    Employee sophie = fixtures.person(tenant, "Sophie Muller");
    Chat chat = new Chat(engine, admin, Locale.ENGLISH);
    assertThat(chat.say("admin").plainText())
        .contains("Yearly allowance on work time (hours): 40 h");
    assertThat(chat.say("admin grant sophie csr").plainText())
        .contains("Sophie Muller is now a CSR manager");
    assertThat(people.find(tenant, sophie.id()).orElseThrow().has(Role.CSR_MANAGER)).isTrue();
    assertThat(chat.say("admin grant nobody-here csr").plainText())
        .contains("Nobody here is called");
    assertThat(chat.say("admin grant sophie csr").plainText())
        .contains("Sophie Muller is already a CSR manager: nothing changed")
        .doesNotContain("is now");
    assertThat(chat.say("admin revoke sophie csr").plainText()).contains("no longer a CSR manager");
    assertThat(chat.say("admin revoke sophie csr").plainText())
        .contains("Sophie Muller is not a CSR manager: nothing to remove")
        .doesNotContain("no longer");
    assertThat(new Chat(engine, admin, Locale.FRENCH).say("admin retirer sophie rse").plainText())
        .contains("Sophie Muller n'est pas responsable RSE\u00a0: il n'y a rien à retirer.");
    assertThat(people.find(tenant, sophie.id()).orElseThrow().has(Role.CSR_MANAGER)).isFalse();
    assertThat(chat.say("admin revoke paul admin").plainText()).contains("last admin");

    chat.click("policy.edit", Map.of());
    Reply bad = chat.submitForm(Map.of("allowance", List.of("-5"), "currency", List.of("euro")));
    assertThat(error(bad, "allowance")).contains("from 0 to 2,000");
    assertThat(field(bad, "currency").values()).containsExactly("euro");
    Reply badCurrency = chat.submitForm(Map.of("allowance", List.of("24")));
    assertThat(error(badCurrency, "currency")).contains("\"EURO\" is not a currency code");
    assertThat(error(badCurrency, "allowance")).isNull();
    Reply good =
        chat.submitForm(
            Map.of(
                "allowance",
                List.of("24"),
                "currency",
                List.of("EUR"),
                "managerApproval",
                List.of("yes")));
    assertThat(good.plainText()).contains("Policy saved");
    assertThat(tenants.find(tenant).orElseThrow().policy().yearlyAllowanceHours())
        .isEqualByComparingTo("24");
    assertThat(tenants.find(tenant).orElseThrow().policy().managerApproval()).isTrue();
    assertThat(cards(chat.say("help")).get(0).text()).contains("For admins");
  }
}
