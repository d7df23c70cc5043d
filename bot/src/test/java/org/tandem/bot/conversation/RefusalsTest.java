package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.assertNotice;
import static org.tandem.bot.support.Chat.cards;
import static org.tandem.bot.support.Chat.form;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.Missions;
import org.tandem.core.people.Employee;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.Sector;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/** Bad input and refused actions get a clear, polite message and change nothing. */
@BotTest
class RefusalsTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired Missions missions;
  @Autowired Tenants tenants;
  @Autowired JdbcClient jdbc;

  TenantId tenant;
  Employee ana;
  Chat en;
  Chat fr;

  @BeforeEach
  void setUp() {
    tenant = fixtures.company();
    ana = fixtures.accountantInDifferdange(tenant);
    en = new Chat(engine, ana, Locale.ENGLISH);
    fr = new Chat(engine, ana, Locale.FRENCH);
  }

  private int rows() {
    return jdbc.sql(
            "select (select count(*) from commitment where tenant_id = ?) + (select count(*) from hour_entry where tenant_id = ?)")
        .params(tenant.value(), tenant.value())
        .query(Integer.class)
        .single();
  }

  @Test
  void unknownEmptyHugeControlAndScriptTextGetAHintOrHelp() {
    assertThat(en.say("qwerty zxcv").plainText())
        .contains("I didn't quite get that")
        .contains("missions near Esch");
    assertThat(fr.say("qwerty zxcv").plainText()).contains("Je n'ai pas bien compris");
    assertThat(en.say("").plainText()).contains("Hi, I'm Tandem");
    assertThat(en.say("\u0000\u0001\u0002").plainText()).contains("Hi, I'm Tandem");
    assertThat(en.say("z".repeat(10_000)).plainText()).contains("I didn't quite get that");
    Reply script = en.say("<script>alert('x')</script>");
    assertThat(script.plainText()).contains("I didn't quite get that");
    assertThat(rows()).isZero();
  }

  @Test
  void anUnknownPlaceIsNamedPolitely() {
    assertNotice(
        en.say("missions near Atlantis"),
        Reply.Notice.Level.WARNING,
        "I don't know a place called \"atlantis\"");
    assertNotice(
        fr.say("missions près de Atlantis"),
        Reply.Notice.Level.WARNING,
        "Je ne connais pas de lieu appelé «\u00a0atlantis\u00a0»");
  }

  @Test
  void staleOrForgedButtonsChangeNothing() {
    assertNotice(en.click("no.such.action", Map.of()), Reply.Notice.Level.WARNING, "out of date");
    assertNotice(
        en.click("mission.commit", Map.of("missionId", "not-a-number")),
        Reply.Notice.Level.WARNING,
        "can't find");
    assertNotice(en.click("mission.commit", Map.of()), Reply.Notice.Level.WARNING, "can't find");
    assertNotice(
        en.click("mission.commit", Map.of("missionId", "999999999")),
        Reply.Notice.Level.WARNING,
        "can't find");
    assertNotice(
        en.submit("no.such.form", Map.of(), Map.of()), Reply.Notice.Level.WARNING, "out of date");
    assertThat(rows()).isZero();
  }

  @Test
  void someoneElsesCommitmentOrAnotherTenantsMissionIsRefused() {
    Mission mission = fixtures.workshopInEsch(tenant, 3);
    Employee bob = fixtures.person(tenant, "Bob");
    Commitment bobs = commitments.commit(tenant, bob.id(), mission.id(), false).value();
    assertNotice(
        en.click("commitment.cancel", Map.of("commitmentId", Long.toString(bobs.id()))),
        Reply.Notice.Level.WARNING,
        "belongs to someone else");
    assertNotice(
        fr.click("commitment.cancel", Map.of("commitmentId", Long.toString(bobs.id()))),
        Reply.Notice.Level.WARNING,
        "appartient à quelqu'un d'autre");

    TenantId other = fixtures.company();
    Mission theirs = fixtures.workshopInEsch(other, 3);
    int before = rows();
    assertNotice(
        en.click("mission.commit", Map.of("missionId", Long.toString(theirs.id()))),
        Reply.Notice.Level.WARNING,
        "another workspace");
    assertNotice(
        en.click("mission.details", Map.of("missionId", Long.toString(theirs.id()))),
        Reply.Notice.Level.WARNING,
        "another workspace");
    assertThat(rows()).isEqualTo(before);
    assertThat(missions.find(other, theirs.id()).orElseThrow().seatsTaken()).isZero();
  }

  @Test
  void cancelledAndClosedMissionsSayWhy() {
    Mission cancelled = fixtures.workshopInEsch(tenant, 3);
    missions
        .cancel(tenant, fixtures.csrManager(tenant, "Claire Martin").id(), cancelled.id())
        .value();
    assertNotice(
        en.click("mission.commit", Map.of("missionId", Long.toString(cancelled.id()))),
        Reply.Notice.Level.WARNING,
        "cancelled by its organisers");
    Mission closed = fixtures.workshopInEsch(tenant, 3);
    missions.close(tenant, fixtures.csrManager(tenant, "Claire Martin").id(), closed.id()).value();
    assertNotice(
        fr.click("mission.commit", Map.of("missionId", Long.toString(closed.id()))),
        Reply.Notice.Level.WARNING,
        "n'est plus ouverte");
    assertThat(rows()).isZero();
  }

  @Test
  void aPublicBodyAsksForTheDeclarationAndKeepsAskingUntilTicked() {
    tenants.change(tenant, PolicyChange.none().sector(Sector.PUBLIC));
    Mission mission = fixtures.workshopInEsch(tenant, 3);
    Reply ask = fr.click("mission.commit", Map.of("missionId", Long.toString(mission.id())));
    assertThat(form(ask).intro()).contains("conflit d'intérêts");
    Reply notTicked = fr.submitForm(Map.of("declaration", List.of()));
    assertThat(Chat.error(notTicked, "declaration")).contains("cocher");
    assertThat(rows()).isZero();
    Reply ticked = fr.submitForm(Map.of("declaration", List.of("no-conflict")));
    assertThat(ticked.plainText()).contains("C'est noté");
  }

  @Test
  void employeesAreToldManagerAndAdminCommandsAreNotForThem() {
    assertNotice(en.say("approvals"), Reply.Notice.Level.WARNING, "reserved for CSR managers");
    assertNotice(
        fr.command("newmission", ""), Reply.Notice.Level.WARNING, "réservé aux responsables RSE");
    assertNotice(en.say("admin"), Reply.Notice.Level.WARNING, "only an admin");
    assertNotice(
        en.submit("policy", Map.of("allowance", List.of("1000")), Map.of()),
        Reply.Notice.Level.WARNING,
        "only an admin");
    assertThat(tenants.find(tenant).orElseThrow().policy().yearlyAllowanceHours())
        .isEqualByComparingTo("40");
    assertThat(cards(en.say("help")))
        .first()
        .extracting(Reply.Card::text)
        .asString()
        .doesNotContain("For admins");
  }
}
