package org.tandem.bot.conversation.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.assertNotice;
import static org.tandem.bot.support.Chat.cards;
import static org.tandem.bot.support.Chat.error;
import static org.tandem.bot.support.Chat.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.AdminAudit;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.CountryOverride;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * An admin of a freshly installed company sets rules for one country in the policy: allowance,
 * approval and rate; the core decides who may and what is valid, and the rules apply where the
 * allowance and the approval are checked.
 */
@BotTest
class CountryRulesTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired AdminAudit audit;
  @Autowired Commitments commitments;
  @Autowired Hours hours;

  TenantId tenant;
  Employee admin;

  /** What a Slack install does in core: the workspace's company, its installer as admin. */
  @BeforeEach
  void install() {
    Fixtures.Installed installed = fixtures.slackInstall(Locale.FRENCH);
    tenant = installed.tenant();
    admin = installed.admin();
    tenants.change(
        tenant, PolicyChange.none().allowance(2).managerApproval(false).valuation(45, "EUR"));
  }

  @Test
  void anAdminAddsEditsAndRemovesTheRulesOfACountry() {
    Chat chat = new Chat(engine, admin, Locale.ENGLISH);
    Reply overview = chat.say("admin");
    assertThat(cards(overview)).extracting(Reply.Card::title).contains("Rules by country");
    assertThat(overview.plainText()).contains("No country has rules of its own");

    chat.click(CountryRulesDialog.EDIT, Map.of());
    assertThat(form(chat.last).title()).isEqualTo("Rules for a country");
    chat.submitForm(Map.of("country", List.of("XX"), "allowance", List.of("80")));
    assertThat(error(chat.last, "country")).contains("\"XX\" is not a country code");
    chat.submitForm(Map.of("country", List.of("fr"), "allowance", List.of("1e9")));
    assertThat(error(chat.last, "allowance")).contains("not a number");
    assertThat(tenants.overrides(tenant)).isEmpty();

    chat.submitForm(
        Map.of(
            "country", List.of("fr"),
            "allowance", List.of("80"),
            "managerApproval", List.of("yes"),
            "rate", List.of("38")));
    assertNotice(chat.last, Reply.Notice.Level.SUCCESS, "The rules for France (FR) are saved.");
    assertThat(tenants.overrides(tenant))
        .containsExactly(
            new CountryOverride(
                "FR", new BigDecimal("80.00"), true, new BigDecimal("38.00"), null));
    Reply.Card france =
        cards(chat.last).stream().filter(c -> c.title().equals("France (FR)")).findFirst().get();
    assertThat(france.plainText()).contains("80 h").contains("38 EUR");

    // Edit: the country is the form's, a currency needs its rate, 2,001 hours is too many.
    chat.click(CountryRulesDialog.EDIT, Map.of("country", "FR"));
    assertThat(form(chat.last).fields()).extracting(Reply.Field::name).doesNotContain("country");
    assertThat(Chat.field(chat.last, "allowance").values()).containsExactly("80");
    chat.submitForm(Map.of("rate", List.of(""), "currency", List.of("CHF")));
    assertThat(error(chat.last, "rate")).contains("hourly rate in CHF too");
    chat.submitForm(
        Map.of("allowance", List.of("2001"), "rate", List.of("38"), "currency", List.of("")));
    assertThat(error(chat.last, "allowance")).contains("from 0 to 2,000");
    chat.submitForm(
        Map.of(
            "allowance", List.of(""),
            "managerApproval", List.of("company"),
            "rate", List.of(""),
            "currency", List.of("")));
    assertThat(error(chat.last, "allowance")).contains("at least one value for FR");
    chat.submitForm(
        Map.of(
            "allowance", List.of("70"),
            "managerApproval", List.of("yes"),
            "rate", List.of("32"),
            "currency", List.of("chf")));
    assertThat(tenants.overrides(tenant))
        .containsExactly(
            new CountryOverride(
                "FR", new BigDecimal("70.00"), true, new BigDecimal("32.00"), "CHF"));

    chat.click(CountryRulesDialog.REMOVE, Map.of("country", "FR"));
    assertNotice(chat.last, Reply.Notice.Level.SUCCESS, "France (FR) follows the company");
    assertThat(tenants.overrides(tenant)).isEmpty();
    assertNotice(
        chat.click(CountryRulesDialog.REMOVE, Map.of("country", "FR")),
        Reply.Notice.Level.WARNING,
        "can't find");

    List<AdminAudit.Entry> trail = audit.read(tenant, admin.id(), 10, null).value().entries();
    assertThat(trail)
        .filteredOn(e -> e.kind() == AdminAudit.Kind.COUNTRY_OVERRIDE)
        .extracting(AdminAudit.Entry::detail)
        .containsExactly(
            Map.of("country", "FR", "removed", "true"),
            Map.of(
                "country",
                "FR",
                "allowance",
                "80 -> 70",
                "rate",
                "38 -> 32",
                "currency",
                "- -> CHF"),
            Map.of(
                "country",
                "FR",
                "allowance",
                "- -> 80",
                "managerApproval",
                "- -> true",
                "rate",
                "- -> 38"));
    chat.say("admin audit");
    assertThat(chat.last.plainText())
        .contains("Rules for France (FR) removed")
        .contains("Rules for France (FR): Yearly allowance on work time (hours) 80 → 70");
  }

  @Test
  void theFormSpeaksFrenchWithItsTypography() {
    Chat chat = new Chat(engine, admin, Locale.FRENCH);
    chat.click(CountryRulesDialog.EDIT, Map.of());
    chat.submitForm(Map.of("country", List.of("lu"), "rate", List.of("50")));
    assertNotice(chat.last, Reply.Notice.Level.SUCCESS, "Les règles pour Luxembourg (LU) sont");
    chat.click(CountryRulesDialog.EDIT, Map.of("country", "LU"));
    assertThat(Chat.field(chat.last, "allowance").placeholder())
        .isEqualTo("Vide\u00a0: celui de l'entreprise (2)");
  }

  @Test
  void onlyAnAdminSetsACountrysRulesWhateverTheChannelSends() {
    Employee ana = fixtures.person(tenant, "Ana Lopes");
    Chat chat = new Chat(engine, ana, Locale.ENGLISH);
    assertNotice(
        chat.click(CountryRulesDialog.EDIT, Map.of()), Reply.Notice.Level.WARNING, "only an admin");
    // A crafted submission, and the core called directly: refused, nothing stored.
    chat.submit(
        CountryRulesDialog.FORM, Map.of("country", List.of("FR"), "rate", List.of("1")), Map.of());
    assertNotice(chat.last, Reply.Notice.Level.WARNING, "only an admin");
    assertThat(
            tenants
                .override(
                    tenant, ana.id(), new CountryOverride("FR", null, null, BigDecimal.ONE, null))
                .refusal()
                .code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(tenants.removeOverride(tenant, ana.id(), "FR").refusal().code())
        .isEqualTo(ReasonCode.ADMINS_ONLY);
    assertThat(tenants.overrides(tenant)).isEmpty();
  }

  @Test
  void aCountrysAllowanceAndApprovalRuleApplyToThePeopleOfItsSites() {
    Chat chat = new Chat(engine, admin, Locale.ENGLISH);
    chat.click(CountryRulesDialog.EDIT, Map.of());
    chat.submitForm(
        Map.of(
            "country",
            List.of("FR"),
            "allowance",
            List.of("10"),
            "managerApproval",
            List.of("yes")));
    Mission mission = fixtures.workshopInEsch(tenant, 5);
    Employee luc = fixtures.person(tenant, "Luc Weber");
    people.setWorkplace(tenant, luc.id(), "Esch", "IT", "LU");
    Employee marie = fixtures.person(tenant, "Marie Dupont");
    people.setWorkplace(tenant, marie.id(), "Metz", "IT", "FR");

    var lucs = commitments.commit(tenant, luc.id(), mission.id(), false).value();
    assertThat(lucs.status()).isEqualTo(CommitmentStatus.CONFIRMED);
    assertThat(commitments.commit(tenant, marie.id(), mission.id(), false).value().status())
        .isEqualTo(CommitmentStatus.PENDING_APPROVAL);

    // Three hours on work time: over the company's 2, within France's 10.
    LocalDate day = LocalDate.now(Fixtures.LUXEMBOURG);
    assertThat(
            hours
                .log(tenant, luc.id(), HoursRequest.onWorkTime(lucs.id(), day, 180, ""))
                .refusal()
                .code())
        .isEqualTo(ReasonCode.HOURS_OVER_ALLOWANCE);
    assertThat(hours.year(tenant, marie.id(), day.getYear()).allowanceMinutes()).isEqualTo(600);
    assertThat(hours.year(tenant, luc.id(), day.getYear()).allowanceMinutes()).isEqualTo(120);
  }
}
