package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.assertNotice;
import static org.tandem.bot.support.Chat.cards;

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
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.bot.support.Workbooks;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * A CSR manager asks for reports in chat, in three languages: figures, breakdown, chart and CSV
 * served at their links; anyone else gets a polite refusal and no figure.
 */
@BotTest
class ReportsInChatTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  TenantId tenant;
  Employee csr;
  Employee employee;
  Mission mission;
  final LocalDate today = LocalDate.now(Fixtures.LUXEMBOURG);

  @BeforeEach
  void company() {
    tenant = fixtures.company();
    csr = people.bootstrap(tenant, fixtures.person(tenant, "Sophie Muller").id(), Role.CSR_MANAGER);
    employee = fixtures.person(tenant, "David Reuter");
    mission = fixtures.workshopInEsch(tenant, 40);
    jdbc.sql("update mission set created_by = ? where tenant_id = ? and id = ?")
        .params(employee.id(), tenant.value(), mission.id())
        .update();
    // Six volunteers in Esch (shown), five in two small sites (merged into "other").
    volunteers(Map.of("Esch", 6, "Metz", 3, "=HYPERLINK(\"http://evil\")", 2));
  }

  /** People of these sites, each confirmed on the mission with 2 approved hours this month. */
  private void volunteers(Map<String, Integer> sites) {
    int n = 0;
    for (var site : new java.util.TreeMap<>(sites).entrySet()) {
      for (int i = 0; i < site.getValue(); i++) {
        Employee e = fixtures.person(tenant, "Volunteer " + n++);
        jdbc.sql("update employee set site = ? where tenant_id = ? and id = ?")
            .params(site.getKey(), tenant.value(), e.id())
            .update();
        long commitment =
            jdbc.sql(
                    "insert into commitment (tenant_id, mission_id, employee_id, status)"
                        + " values (?, ?, ?, 'CONFIRMED') returning id")
                .params(tenant.value(), mission.id(), e.id())
                .query(Long.class)
                .single();
        jdbc.sql(
                "insert into hour_entry (tenant_id, commitment_id, employee_id, work_date, minutes,"
                    + " status) values (?, ?, ?, ?, 120, 'APPROVED')")
            .params(tenant.value(), commitment, e.id(), Date.valueOf(today.withDayOfMonth(1)))
            .update();
      }
    }
  }

  private Chat chat(Employee e, Locale locale) {
    return new Chat(engine, people.find(tenant, e.id()).orElseThrow(), locale);
  }

  private int audits() {
    return jdbc.sql("select count(*) from report_audit where tenant_id = ?")
        .params(tenant.value())
        .query(Integer.class)
        .single();
  }

  private static List<Reply.File> files(Reply r) {
    return r.parts().stream()
        .filter(p -> p instanceof Reply.File)
        .map(p -> (Reply.File) p)
        .toList();
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aCsrManagerGetsTheFiguresTheBreakdownTheChartAndTheCsv() throws Exception {
    Chat sophie = chat(csr, Locale.ENGLISH);
    Reply reply = sophie.say("report this year by site");

    Reply.Card card = cards(reply).get(0);
    assertThat(card.title()).isEqualTo("Volunteering report — " + today.getYear() + ", by site");
    assertThat(card.facts())
        .anySatisfy(
            f -> {
              assertThat(f.label()).isEqualTo("Volunteers");
              assertThat(f.value()).startsWith("11 of 13 employees (84.6%)");
            });
    assertThat(card.facts())
        .anySatisfy(
            f -> {
              assertThat(f.label()).isEqualTo("Hours");
              assertThat(f.value()).startsWith("22 h approved");
            });
    assertThat(card.facts())
        .anySatisfy(f -> assertThat(f.value()).isEqualTo("€990 at €45 an hour"));
    assertThat(card.text()).contains("• Esch — 6 volunteers, 12 h");
    assertThat(card.text()).contains("• Other (groups under 5 people) — 5 volunteers, 10 h");
    assertThat(card.text())
        .doesNotContain("HYPERLINK")
        .doesNotContain("Metz")
        .doesNotContain("Volunteer 1");

    List<Reply.File> files = files(reply);
    assertThat(files)
        .extracting(Reply.File::contentType)
        .containsExactly(
            "image/png",
            "text/csv; charset=utf-8",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    HttpResponse<byte[]> png = get(files.get(0).path());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
    assertThat(image.getWidth()).isEqualTo(960);
    java.nio.file.Files.write(java.nio.file.Path.of("target", "report-chart.png"), png.body());

    HttpResponse<byte[]> csv = get(files.get(1).path());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFGroup (site),Volunteers,Employees reached,");
    assertThat(text).contains("\r\nEsch,6,6,100,6,0,0,0,12,0,12,2,1,540\r\n");
    assertThat(text)
        .contains("\r\nOther (groups under 5 people),5,5,100,5,0,0,0,10,0,10,2,1,450\r\n");
    assertThat(text).endsWith("\r\nTotal,11,13,84.6,11,0,0,0,22,0,22,2,1,990\r\n");

    // The same table as a workbook, numbers as numeric cells (a French Excel shows 84,6).
    HttpResponse<byte[]> xlsx = get(files.get(2).path());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(files.get(2).name()).endsWith(".xlsx");
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    Map<String, List<Object>> sheet = Workbooks.rows(xlsx.body());
    assertThat(sheet.keySet())
        .containsExactly("Group (site)", "Esch", "Other (groups under 5 people)", "Total");
    assertThat(sheet.get("Group (site)")).startsWith("Volunteers", "Employees reached");
    Workbooks.assertNumbers(sheet.get("Esch"), 6, 6, 100, 6, 0, 0, 0, 12, 0, 12, 2, 1, 540);
    Workbooks.assertNumbers(sheet.get("Total"), 11, 13, 84.6, 11, 0, 0, 0, 22, 0, 22, 2, 1, 990);

    // An unknown or forged link finds nothing.
    assertThat(get("/reports/files/AAAAAAAAAAAAAAAAAAAAAA/x.csv").statusCode()).isEqualTo(404);
    assertThat(get(files.get(1).path().replace(".csv", ".png")).statusCode()).isEqualTo(404);

    // Another breakdown is one click away.
    Reply byMonth =
        sophie.click(
            "report.show",
            Map.of(
                "from",
                today.getYear() + "-01",
                "to",
                today.getYear() + "-12",
                "dimension",
                "MONTH"));
    assertThat(cards(byMonth).get(0).title()).endsWith("by month");
    assertThat(audits()).isEqualTo(2);
  }

  @Test
  void aSpreadsheetFormulaInAGroupNameIsNeutralised() throws Exception {
    volunteers(Map.of("+SUM(A1:A9)", 5));
    Reply reply = chat(csr, Locale.ENGLISH).say("report this year by site");
    String csv = new String(get(files(reply).get(1).path()).body(), StandardCharsets.UTF_8);
    assertThat(csv).contains("\r\n'+SUM(A1:A9),5,5,100,");
    assertThat(csv).contains("\r\nOther (groups under 5 people),5,5,100,");
    assertThat(csv).doesNotContain("\r\n+SUM").doesNotContain("\r\n=HYPERLINK");
    // In the workbook a name is a text cell, which a spreadsheet never runs: no prefix needed.
    Map<String, List<Object>> sheet = Workbooks.rows(get(files(reply).get(2).path()).body());
    assertThat(sheet).containsKey("+SUM(A1:A9)");
    Workbooks.assertNumbers(sheet.get("+SUM(A1:A9)"), 5, 5, 100, 5, 0, 0, 0, 10, 0, 10, 2, 1, 450);
  }

  @Test
  void anEmployeeGetsAPoliteRefusalAndNoFigure() {
    Reply reply = chat(employee, Locale.FRENCH).say("rapport cette année par site");
    assertNotice(reply, Reply.Notice.Level.WARNING, "réservé aux responsables RSE");
    assertThat(files(reply)).isEmpty();
    assertThat(reply.plainText()).doesNotContain("22").doesNotContain("Esch");
    assertThat(audits()).isZero();
  }

  @Test
  void periodsAndBreakdownsAreUnderstoodInFrenchAndGerman() {
    Reply fr = chat(csr, Locale.FRENCH).say("rapport le mois dernier par cause");
    assertThat(cards(fr).get(0).title())
        .startsWith("Rapport de bénévolat — ")
        .endsWith("par cause");
    Reply de = chat(csr, Locale.GERMAN).say("bericht dieses quartal nach monat");
    assertThat(cards(de).get(0).title()).startsWith("Engagement-Bericht — ").endsWith("nach Monat");
    Reply range = chat(csr, Locale.ENGLISH).command("report", "2025-01..2025-06 by association");
    assertThat(cards(range).get(0).title())
        .isEqualTo("Volunteering report — January 2025 – June 2025, by association");
  }

  @Test
  void anUnclearOrFutureRequestIsExplainedAndNothingIsRecorded() {
    Chat sophie = chat(csr, Locale.ENGLISH);
    assertNotice(sophie.say("report by colour"), Reply.Notice.Level.WARNING, "“colour”");
    assertNotice(
        sophie.command("report", Integer.toString(today.getYear() + 2)),
        Reply.Notice.Level.WARNING,
        "hasn't started yet");
    assertNotice(
        sophie.command("report", "2001-01..2026-12"), Reply.Notice.Level.WARNING, "at most 10");
    assertThat(audits()).isZero();
  }

  @Test
  void aManagerStopsAndRestartsTheMonthlyReport() {
    Chat sophie = chat(csr, Locale.ENGLISH);
    assertNotice(sophie.say("report monthly off"), Reply.Notice.Level.SUCCESS, "no more monthly");
    assertThat(monthly(csr)).isFalse();
    assertNotice(sophie.say("report monthly on"), Reply.Notice.Level.SUCCESS, "first working day");
    assertThat(monthly(csr)).isTrue();
    assertNotice(
        chat(employee, Locale.ENGLISH).say("report monthly off"),
        Reply.Notice.Level.WARNING,
        "reserved for CSR managers");
  }

  private boolean monthly(Employee e) {
    return jdbc.sql("select monthly_report from employee where tenant_id = ? and id = ?")
        .params(tenant.value(), e.id())
        .query(Boolean.class)
        .single();
  }

  @Test
  void theRosterNamesPeopleOnlyForTheOrganiserAndCsrManagers() {
    Reply organiser = chat(employee, Locale.ENGLISH).say("roster " + mission.id());
    Reply.Card card = cards(organiser).get(0);
    assertThat(card.title()).isEqualTo("Who signed up — " + mission.title());
    assertThat(card.text()).contains("Volunteer 0 — confirmed, 2 h approved, 0 h pending");
    assertThat(cards(chat(csr, Locale.ENGLISH).say("roster " + mission.id()))).hasSize(1);

    Employee other = fixtures.person(tenant, "Someone Else");
    Reply refused = chat(other, Locale.ENGLISH).say("roster " + mission.id());
    assertNotice(refused, Reply.Notice.Level.WARNING, "only the mission's organiser");
    assertThat(refused.plainText()).doesNotContain("Volunteer");
    assertThat(
            jdbc.sql("select count(*) from report_audit where tenant_id = ? and kind = 'ROSTER'")
                .params(tenant.value())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }
}
