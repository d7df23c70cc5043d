package org.tandem.bot.conversation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.assertNotice;
import static org.tandem.bot.support.Chat.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.AdminAudit;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.privacy.Erasure;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Figures;
import org.tandem.core.reports.Period;
import org.tandem.core.reports.Reports;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * In a freshly installed company: a person downloads their own data; an admin erases a person after
 * confirming, and their hours stay in the figures without a name; people the directory deactivated
 * are erased once the company's retention period has passed.
 */
@BotTest
class PersonalDataTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Commitments commitments;
  @Autowired Hours hours;
  @Autowired Reports reports;
  @Autowired Erasure erasure;
  @Autowired AdminAudit audit;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  TenantId tenant;
  Employee admin;
  Employee ana;
  Employee bob;
  String anaSlackId;
  final LocalDate today = LocalDate.now(Fixtures.LUXEMBOURG);

  /** What a Slack install does in core, then two employees who volunteer. */
  @BeforeEach
  void install() {
    Fixtures.Installed installed = fixtures.slackInstall(Locale.ENGLISH);
    tenant = installed.tenant();
    admin = installed.admin();
    tenants.change(tenant, PolicyChange.none().allowance(40).valuation(45, "EUR"));
    Mission mission = fixtures.workshopInEsch(tenant, 10);
    anaSlackId = "U" + UUID.randomUUID().toString().substring(0, 8);
    ana =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            anaSlackId,
            new NewPerson("Ana Lopes", "ana@globex.example", Locale.ENGLISH, Fixtures.LUXEMBOURG));
    people.setWorkplace(tenant, ana.id(), "Esch", "Finance", "LU");
    bob = fixtures.person(tenant, "Bob Weber");
    for (Employee e : List.of(ana, bob)) {
      Commitment c = commitments.commit(tenant, e.id(), mission.id(), false).value();
      var entry =
          hours
              .log(
                  tenant,
                  e.id(),
                  HoursRequest.onWorkTime(
                      c.id(), today.minusDays(1), 120, "Sorted invoices with " + e.displayName()))
              .value();
      hours.approve(tenant, admin.id(), entry.id());
    }
    people.grant(tenant, admin.id(), ana.id(), Role.CSR_MANAGER);
    ana = people.find(tenant, ana.id()).orElseThrow();
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Reply.File file(Reply r) {
    return r.parts().stream()
        .filter(p -> p instanceof Reply.File)
        .map(p -> (Reply.File) p)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no file in " + r.plainText()));
  }

  @Test
  void aPersonGetsAFileOfTheirOwnProfileCommitmentsAndHoursOnly() throws Exception {
    // Free on Monday mornings and Thursday evenings.
    jdbc.sql("update employee set availability = ? where id = ?")
        .params(
            org.tandem.core.availability.Availability.of(
                    java.time.DayOfWeek.MONDAY, org.tandem.core.availability.DayPart.MORNING)
                .with(java.time.DayOfWeek.THURSDAY, org.tandem.core.availability.DayPart.EVENING)
                .bits(),
            ana.id())
        .update();
    Reply reply = new Chat(engine, ana, Locale.ENGLISH).say("my data");
    assertNotice(reply, Reply.Notice.Level.INFO, "its link expires in 24 hours");
    Reply.File f = file(reply);
    assertThat(f.name()).isEqualTo("tandem-my-data-" + today + ".json");
    HttpResponse<byte[]> served = get(f.path());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(served.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    assertThat(served.body()).isEqualTo(f.content());

    JsonNode data = JSON.readTree(served.body());
    assertThat(data.at("/company").asText()).isEqualTo("Globex");
    assertThat(data.at("/profile/name").asText()).isEqualTo("Ana Lopes");
    assertThat(data.at("/profile/email").asText()).isEqualTo("ana@globex.example");
    assertThat(data.at("/profile/site").asText()).isEqualTo("Esch");
    assertThat(data.at("/profile/roles").toString()).isEqualTo("[\"EMPLOYEE\",\"CSR_MANAGER\"]");
    assertThat(data.at("/chatIdentities/0/id").asText()).isEqualTo(anaSlackId);
    // The weekly slots by name, not the bitmask they are stored as.
    assertThat(data.at("/profile/availability").toString())
        .isEqualTo("[\"MONDAY MORNING\",\"THURSDAY EVENING\"]");
    assertThat(data.at("/profile").has("availabilityBits")).isFalse();
    assertThat(data.at("/commitments")).hasSize(1);
    assertThat(data.at("/commitments/0/association").asText()).isNotBlank();
    assertThat(data.at("/hours")).hasSize(1);
    assertThat(data.at("/hours/0/minutes").asInt()).isEqualTo(120);
    assertThat(data.at("/hours/0/status").asText()).isEqualTo("APPROVED");
    assertThat(data.at("/hours/0/note").asText()).isEqualTo("Sorted invoices with Ana Lopes");
    assertThat(new String(served.body(), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("Bob");

    // In French and German too, each a file of one's own.
    assertThat(file(new Chat(engine, ana, Locale.FRENCH).say("mes données")).name())
        .endsWith(".json");
    assertThat(file(new Chat(engine, bob, Locale.GERMAN).say("meine daten")).content())
        .asString()
        .contains("Bob Weber")
        .doesNotContain("Ana");
    assertThat(file(new Chat(engine, bob, Locale.ENGLISH).command("my", "data")).content().length)
        .isPositive();
  }

  @Test
  void anAdminErasesAPersonAfterConfirmingAndTheFiguresStillAddUp() throws Exception {
    Figures before = reports.compute(tenant, Period.year(today.getYear()), Dimension.SITE).totals();
    // Provisioned by the identity provider too: its account of her goes with her name.
    jdbc.sql(
            "insert into scim_user (tenant_id, id, employee_id, user_name, given_name)"
                + " values (?, gen_random_uuid(), ?, 'ana@globex.example', 'Ana')")
        .params(tenant.value(), ana.id())
        .update();
    Reply.File anasFile = file(new Chat(engine, ana, Locale.ENGLISH).say("my data"));

    Chat ines = new Chat(engine, admin, Locale.ENGLISH);
    Reply confirm = ines.say("admin erase ana");
    Reply.Card card = cards(confirm).get(0);
    assertThat(card.title()).isEqualTo("Erase Ana Lopes?");
    assertThat(card.plainText()).contains("ana@globex.example").contains("hours stay");
    assertThat(card.buttons())
        .extracting(Reply.Button::style)
        .containsExactly(Reply.Button.Style.DANGER, Reply.Button.Style.DEFAULT);
    assertNotice(ines.click(EraseIntent.KEEP), Reply.Notice.Level.INFO, "Nothing was erased.");
    assertThat(people.find(tenant, ana.id()).orElseThrow().erased()).isFalse();

    // Only an admin: a crafted click by someone else changes nothing.
    assertNotice(
        new Chat(engine, bob, Locale.ENGLISH)
            .click(EraseIntent.ERASE, Map.of("person", Long.toString(ana.id()))),
        Reply.Notice.Level.WARNING,
        "only an admin");
    assertThat(erasure.erase(tenant, admin.id(), admin.id()).refusal().code())
        .isEqualTo(ReasonCode.ERASE_SELF);
    // Asked of oneself, it is refused at once: no confirmation to click first.
    Reply self = ines.say("admin erase " + admin.displayName());
    assertNotice(self, Reply.Notice.Level.WARNING, "You cannot erase yourself");
    assertThat(self.plainText()).doesNotContain("removed for good");

    ines.say("admin erase Ana Lopes");
    assertNotice(
        ines.click(EraseIntent.ERASE),
        Reply.Notice.Level.SUCCESS,
        "Ana Lopes's name and contacts are erased: the figures keep their hours, as #" + ana.id());
    Employee erased = people.find(tenant, ana.id()).orElseThrow();
    assertThat(erased.erased()).isTrue();
    assertThat(erased.displayName()).isEqualTo("#" + ana.id());
    assertThat(erased.email()).isNull();
    assertThat(erased.roles()).doesNotContain(Role.CSR_MANAGER, Role.ADMIN);
    assertThat(erased.site()).isEqualTo("Esch");
    assertThat(
            jdbc.sql("select count(*) from chat_identity where tenant_id = ? and employee_id = ?")
                .params(tenant.value(), ana.id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from scim_user where tenant_id = ? and employee_id = ?")
                .params(tenant.value(), ana.id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select note from hour_entry where tenant_id = ? and employee_id = ?")
                .params(tenant.value(), ana.id())
                .query(String.class)
                .list())
        .containsExactly("");
    assertThat(get(anasFile.path()).statusCode()).isEqualTo(404);
    // Nobody is found by her name any more, and the admin trail names her by number only.
    assertNotice(ines.say("admin erase Ana Lopes"), Reply.Notice.Level.WARNING, "ana lopes");
    assertNotice(
        ines.click(EraseIntent.ERASE, Map.of("person", Long.toString(ana.id()))),
        Reply.Notice.Level.WARNING,
        "can't find");
    assertThat(people.grant(tenant, admin.id(), ana.id(), Role.CSR_MANAGER).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
    List<AdminAudit.Entry> trail = audit.read(tenant, admin.id(), 50, null).value().entries();
    assertThat(trail.get(0).kind()).isEqualTo(AdminAudit.Kind.ERASED);
    assertThat(trail.get(0).detail()).containsEntry("person", "#" + ana.id());
    assertThat(trail.toString()).doesNotContain("Ana");

    // The figures add up as before: her hours count, nameless.
    Figures after = reports.compute(tenant, Period.year(today.getYear()), Dimension.SITE).totals();
    assertThat(after.approvedMinutes()).isEqualTo(before.approvedMinutes()).isEqualTo(240);
    assertThat(after.volunteers()).isEqualTo(before.volunteers());

    // Writing again, she is a new person, with none of the erased one's history.
    Employee again =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            anaSlackId,
            new NewPerson("Ana Lopes", "ana@globex.example", Locale.ENGLISH, Fixtures.LUXEMBOURG));
    assertThat(again.id()).isNotEqualTo(ana.id());
    assertThat(
            JSON.readTree(file(new Chat(engine, again, Locale.ENGLISH).say("my data")).content())
                .at("/hours"))
        .isEmpty();
  }

  @Test
  void theEraseCommandSpeaksFrenchAndGerman() {
    Chat fr = new Chat(engine, admin, Locale.FRENCH);
    assertThat(cards(fr.say("admin effacer Bob")).get(0).title())
        .isEqualTo("Effacer Bob Weber\u00a0?");
    assertThat(cards(fr.command("admin", "effacer Bob")).get(0).title())
        .isEqualTo("Effacer Bob Weber\u00a0?");
    Chat de = new Chat(engine, admin, Locale.GERMAN);
    assertThat(cards(de.say("admin löschen bob weber")).get(0).title())
        .isEqualTo("Bob Weber löschen?");
    assertNotice(de.say("admin löschen"), Reply.Notice.Level.INFO, "admin löschen Claire Martin");
    assertNotice(
        new Chat(engine, bob, Locale.ENGLISH).say("admin erase Ana"),
        Reply.Notice.Level.WARNING,
        "only an admin");
  }

  @Test
  void peopleDeactivatedLongerThanTheRetentionPeriodAreErasedOnce() {
    tenants.retention(tenant, 30);
    Employee carl = fixtures.person(tenant, "Carl Long-Gone");
    Employee dora = fixtures.person(tenant, "Dora Recently-Left");
    deactivated(carl, 31);
    deactivated(dora, 5);
    deactivated(bob, 45);
    Figures before = reports.compute(tenant, Period.year(today.getYear()), Dimension.SITE).totals();

    assertThat(erasure.eraseExpired(1)).isEqualTo(1);
    assertThat(erasure.eraseExpired(10)).isEqualTo(1);
    assertThat(erasure.eraseExpired(10)).isZero();
    assertThat(people.find(tenant, carl.id()).orElseThrow().erased()).isTrue();
    assertThat(people.find(tenant, bob.id()).orElseThrow().displayName()).isEqualTo("#" + bob.id());
    assertThat(people.find(tenant, dora.id()).orElseThrow().erased()).isFalse();
    assertThat(people.find(tenant, ana.id()).orElseThrow().erased()).isFalse();
    assertThat(reports.compute(tenant, Period.year(today.getYear()), Dimension.SITE).totals())
        .isEqualTo(before);
    assertThat(audit.read(tenant, admin.id(), 5, null).value().entries())
        .filteredOn(e -> e.kind() == AdminAudit.Kind.ERASED)
        .extracting(AdminAudit.Entry::actor)
        .containsExactly("Tandem (retention)", "Tandem (retention)");
    // The admin trail names the retention job in the reader's language.
    assertThat(new Chat(engine, admin, Locale.FRENCH).say("admin audit").plainText())
        .contains("Tandem (durée de conservation)")
        .doesNotContain("Tandem (retention)");
  }

  /** The directory deactivated the person so many days ago (SCIM sets the same column). */
  private void deactivated(Employee e, int daysAgo) {
    jdbc.sql(
            "update employee set deactivated_at = now() - make_interval(days => ?)"
                + " where tenant_id = ? and id = ?")
        .params(daysAgo, tenant.value(), e.id())
        .update();
  }
}
