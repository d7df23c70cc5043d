package org.tandem.bot.conversation.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.cards;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.bot.support.Workbooks;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;
import org.tandem.core.reports.Reports;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.CountryOverride;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Hours are valued at the rate of the country the person's site was in when they logged them: in
 * one report, Metz (France, 38 EUR) and Esch (Luxembourg, the company's 45 EUR); a rate in another
 * currency is shown beside, never added. Figures, breakdown, CSV and workbook rows stay the same.
 */
@BotTest
class CountryValuationTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Reports reports;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  TenantId tenant;
  Employee admin;
  Mission mission;
  final LocalDate today = LocalDate.now(Fixtures.LUXEMBOURG);

  /** What a Slack install does in core: the workspace's company, its installer as admin. */
  @BeforeEach
  void install() {
    Fixtures.Installed installed = fixtures.slackInstall(Locale.ENGLISH);
    tenant = installed.tenant();
    admin = installed.admin();
    tenants.change(tenant, PolicyChange.none().allowance(40).valuation(45, "EUR"));
    mission = fixtures.workshopInEsch(tenant, 40);
  }

  /** Five people of a site, each with 2 approved hours on the first of this month. */
  private List<Employee> site(String site, String country) {
    List<Employee> them = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Employee e = fixtures.person(tenant, site + " volunteer " + i);
      people.setWorkplace(tenant, e.id(), site, "IT", country);
      hours(e, 120);
      them.add(e);
    }
    return them;
  }

  private void hours(Employee e, int minutes) {
    hours(e, mission, minutes);
  }

  private void hours(Employee e, Mission mission, int minutes) {
    long commitment =
        jdbc.sql(
                "insert into commitment (tenant_id, mission_id, employee_id, status)"
                    + " values (?, ?, ?, 'CONFIRMED') on conflict do nothing returning id")
            .params(tenant.value(), mission.id(), e.id())
            .query(Long.class)
            .optional()
            .orElseGet(() -> commitmentOf(e, mission));
    jdbc.sql(
            "insert into hour_entry (tenant_id, commitment_id, employee_id, work_date, minutes,"
                + " status) values (?, ?, ?, ?, ?, 'APPROVED')")
        .params(tenant.value(), commitment, e.id(), Date.valueOf(today.withDayOfMonth(1)), minutes)
        .update();
  }

  private long commitmentOf(Employee e, Mission mission) {
    return jdbc.sql(
            "select id from commitment where tenant_id = ? and mission_id = ? and employee_id = ?")
        .params(tenant.value(), mission.id(), e.id())
        .query(Long.class)
        .single();
  }

  private String get(String path) throws Exception {
    return new String(
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body(),
        StandardCharsets.UTF_8);
  }

  private static List<Reply.File> files(Reply r) {
    return r.parts().stream()
        .filter(p -> p instanceof Reply.File)
        .map(p -> (Reply.File) p)
        .toList();
  }

  private static String fact(Reply r, String label) {
    return cards(r).get(0).facts().stream()
        .filter(f -> f.label().equals(label))
        .findFirst()
        .orElseThrow()
        .value();
  }

  @Test
  void hoursInMetzAreValuedAtTheFrenchRateAndHoursInEschAtTheCompanys() throws Exception {
    site("Esch", "LU");
    List<Employee> metz = site("Metz", "FR");
    Chat ines = new Chat(engine, admin, Locale.ENGLISH);
    Reply before = ines.say("report this year by site");
    assertThat(fact(before, "Valuation")).isEqualTo("€900 at €45 an hour");

    // The admin gives France its rate in the policy.
    ines.say("admin");
    ines.click("policy.country.edit", Map.of());
    ines.submitForm(Map.of("country", List.of("FR"), "rate", List.of("38")));

    Reply report = ines.say("report this year by site");
    // 10 h in Esch at 45 EUR + 10 h in Metz at 38 EUR.
    assertThat(fact(report, "Valuation")).isEqualTo("€830 at €38 to €45 an hour, by country");
    assertThat(fact(report, "Hours")).startsWith("20 h approved");
    assertThat(cards(report).get(0).text())
        .contains("• Esch — 5 volunteers, 10 h")
        .contains("• Metz — 5 volunteers, 10 h");
    List<Reply.File> files = files(report);
    assertThat(files.get(0).title()).isEqualTo(files(before).get(0).title());
    String csv = get(files.get(1).path());
    // A group's value cannot be told from its hours when rates differ: the total says it.
    assertThat(csv).contains("\r\nEsch,5,5,100,5,0,0,0,10,0,10,2,1,\r\n");
    assertThat(csv).contains("\r\nMetz,5,5,100,5,0,0,0,10,0,10,2,1,\r\n");
    assertThat(csv).endsWith("\r\nTotal,10,11,90.9,10,0,0,0,20,0,20,2,1,830\r\n");
    Map<String, List<Object>> sheet =
        Workbooks.rows(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + files.get(2).path()))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .body());
    assertThat(sheet.keySet()).containsExactly("Group (site)", "Esch", "Metz", "Total");
    Workbooks.assertNumbers(sheet.get("Total"), 10, 11, 90.9, 10, 0, 0, 0, 20, 0, 20, 2, 1, 830);

    // Hours count in the country of the site the person had when logging them.
    people.setWorkplace(tenant, metz.get(0).id(), "Esch", "IT", "LU");
    assertThat(reports.compute(tenant, Period.year(today.getYear()), Dimension.SITE).valuation())
        .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("830"));
    hours(metz.get(0), fixtures.workshopInEsch(tenant, 5), 60);
    assertThat(
            reports
                .compute(tenant, Period.year(today.getYear()), Dimension.SITE)
                .valuation()
                .value())
        .isEqualByComparingTo("875");
  }

  @Test
  void aRateInAnotherCurrencyIsShownApartNeverAdded() throws Exception {
    site("Esch", "LU");
    site("Metz", "FR");
    site("Genève", "CH");
    tenants.override(tenant, new CountryOverride("FR", null, null, new BigDecimal("38"), null));
    tenants.override(tenant, new CountryOverride("CH", null, null, new BigDecimal("32"), "CHF"));
    Reply report = new Chat(engine, admin, Locale.ENGLISH).say("report this year by site");
    assertThat(fact(report, "Valuation"))
        .isEqualTo("€830 at €38 to €45 an hour, by country · CHF320 at CHF32 an hour");
    String csv = get(files(report).get(1).path());
    assertThat(csv).contains(",Valuation (EUR),Valuation (CHF)\r\n");
    assertThat(csv).endsWith("\r\nTotal,15,16,93.8,15,0,0,0,30,0,30,2,1,830,320\r\n");

    Reply fr = new Chat(engine, admin, Locale.FRENCH).say("rapport cette année par site");
    assertThat(fact(fr, "Valorisation"))
        .isEqualTo(
            "830\u00a0€, de 38\u00a0€ à 45\u00a0€ de l'heure selon le pays"
                + " · 320\u00a0CHF à 32\u00a0CHF de l'heure");
  }
}
