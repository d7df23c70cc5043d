package org.tandem.bot.conversation.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.MovableClock;
import org.tandem.bot.support.SlackOAuth;
import org.tandem.bot.support.SlackRequests;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.associations.Association;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Session;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.proposals.Proposals;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;
import org.tandem.core.reports.Reports;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Hours proposed after a session, from companies made by an install (no demo data), through the
 * outbox and the real endpoints: Slack (French: an over-allowance refusal said politely, then
 * confirmed; a crafted button for someone else's proposal refused; English: left to stand after the
 * window), Teams (German: corrected in its dialog, and "I did not go" a no-show in the report), the
 * correction form in the engine.
 */
@BotTest
class HoursProposalsInChatTest {

  static final String SECRET = "proposals-secret";
  static final String APP_ID = "00000000-0000-0000-0000-0000000d0b24";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TEAM = "T0PROPOSE";
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);
  static final FakeBotConnector connector = new FakeBotConnector();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    // A workspace installed through "Add to Slack" in the test: a company with no demo data.
    registry.add("SLACK_SIGNING_SECRET", () -> SECRET);
    registry.add("SLACK_CLIENT_ID", () -> "111.222");
    registry.add("SLACK_CLIENT_SECRET", () -> "client-secret");
    registry.add("SLACK_API_URL", slack::apiUrl);
    slack.answer(
        "oauth.v2.access",
        "{\"ok\":true,\"access_token\":\"xoxb-propose-token\",\"token_type\":\"bot\","
            + "\"scope\":\"commands,chat:write\",\"bot_user_id\":\"UBOT\",\"app_id\":\"A0TANDEM\","
            + "\"team\":{\"id\":\"T0PROPOSE\",\"name\":\"Propose Ltd\"},"
            + "\"authed_user\":{\"id\":\"U0CLAIRE\"}}");
    connector.configure(registry, APP_ID);
    // The test runs the jobs and the dispatcher itself.
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.proposals.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
    connector.close();
  }

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Tenants tenants;
  @Autowired Commitments commitments;
  @Autowired Proposals proposals;
  @Autowired Reports reports;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired ConversationEngine engine;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

  /** A mission of two evenings, tomorrow and the day after, at an association of the company. */
  private Mission mission(TenantId tenant, String title) {
    Association a = fixtures.association(tenant, "Banque alimentaire " + suffix, Cause.FOOD_AID);
    return fixtures.mission(
        tenant,
        Fixtures.draft(
            a.id(),
            title,
            List.of("accounting"),
            MissionMode.ONSITE,
            fixtures.place("Esch-sur-Alzette"),
            5,
            Fixtures.evening(1),
            Fixtures.evening(2)));
  }

  private long proposal(Employee e) {
    return jdbc.sql(
            "select id from hours_proposal where tenant_id = ? and employee_id = ?"
                + " order by session_starts limit 1")
        .params(e.tenantId().value(), e.id())
        .query(Long.class)
        .single();
  }

  private int hourEntries(Employee e) {
    return jdbc.sql("select count(*) from hour_entry where tenant_id = ? and employee_id = ?")
        .params(e.tenantId().value(), e.id())
        .query(Integer.class)
        .single();
  }

  /** The first session just ended (an hour ago), and the job ran: proposals made and sent. */
  private void firstSessionEnded() {
    Session first = Fixtures.evening(1);
    clock.set(first.endsAt().plus(Duration.ofHours(1)));
    proposals.proposeEnded(clock.instant());
    assertThat(proposals.proposeEnded(clock.instant())).as("a second run writes nothing").isZero();
    dispatcher.dispatch();
  }

  @Test
  void inSlackConfirmingIsRefusedPolitelyOverTheAllowanceThenLogsOnceAndUnansweredHoursStand()
      throws Exception {
    slack.user("U0CLAIRE", "Claire Weber", "fr-FR", "Europe/Luxembourg", "claire@propose.example");
    SlackOAuth.install(
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), port);
    TenantId tenant = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    String team = TEAM;
    String anaId = "U0ANA" + suffix;
    String benId = "U0BEN" + suffix;
    Employee ana =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            anaId,
            new NewPerson("Ana Lopes", null, Locale.FRENCH, Fixtures.LUXEMBOURG));
    Employee ben =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            benId,
            new NewPerson("Ben Muller", null, Locale.ENGLISH, Fixtures.LUXEMBOURG));
    Mission m = mission(tenant, "Tri <du> samedi");
    commitments.commit(tenant, ana.id(), m.id(), false).value();
    commitments.commit(tenant, ben.id(), m.id(), false).value();

    firstSessionEnded();
    FakeSlackApi.Call proposed =
        slack.await(
            "chat.postMessage",
            c -> anaId.equals(c.param("channel")) && c.param("text").contains("Vos heures pour"));
    LocalDate standsOn =
        clock.instant().plus(Duration.ofDays(3)).atZone(Fixtures.LUXEMBOURG).toLocalDate();
    assertThat(proposed.param("text"))
        .contains("Tri &lt;du&gt; samedi")
        .contains("Confirmez ses 3 h")
        .contains(
            "Sans réponse d'ici "
                + org.tandem.bot.conversation.Texts.of(Locale.FRENCH).longDate(standsOn)
                + ", je les déclarerai");
    // The header is plain text in Slack: shown as typed.
    assertThat(proposed.param("blocks"))
        .contains("\"text\":\"Vos heures pour Tri <du> samedi\"")
        .contains("proposal.confirm")
        .contains("proposal.correct")
        .contains("proposal.absent")
        .contains("Je n'y étais pas");

    SlackRequests in = new SlackRequests(port, SECRET, slack);
    Map<String, String> anas = Map.of("proposal", Long.toString(proposal(ana)));
    // The new company's policy gives no allowance on work time yet: said politely, nothing logged.
    in.interaction(in.blockAction(team, anaId, "proposal.confirm#0", anas, "over-" + suffix));
    assertThat(slack.await("/response/over-" + suffix, c -> true).body())
        .contains("Cela dépasse votre forfait annuel");
    assertThat(hourEntries(ana)).isZero();

    tenants.change(tenant, PolicyChange.none().allowance(40));
    in.interaction(in.blockAction(team, anaId, "proposal.confirm#0", anas, "yes-" + suffix));
    assertThat(slack.await("/response/yes-" + suffix, c -> true).body())
        .contains("h déclarées le")
        .contains("En attente de validation.");
    assertThat(hourEntries(ana)).isOne();
    in.interaction(in.blockAction(team, anaId, "proposal.confirm#0", anas, "again-" + suffix));
    assertThat(slack.await("/response/again-" + suffix, c -> true).body())
        .contains("Vous avez déjà répondu pour cette séance");
    assertThat(hourEntries(ana)).isOne();

    // Ben crafts Ana's button: refused, in his language.
    in.interaction(in.blockAction(team, benId, "proposal.absent#0", anas, "crafted-" + suffix));
    assertThat(slack.await("/response/crafted-" + suffix, c -> true).body())
        .contains("These hours were proposed to someone else");

    // Ben never answers: after the window his proposed hours stand, waiting for approval.
    clock.advance(Duration.ofDays(3));
    proposals.standDue(clock.instant());
    dispatcher.dispatch();
    FakeSlackApi.Call stood =
        slack.await(
            "chat.postMessage",
            c -> benId.equals(c.param("channel")) && c.param("text").contains("I logged 3 h for"));
    assertThat(stood.param("text")).contains("They wait for approval, as usual.");
    assertThat(stood.param("blocks")).contains("proposal.correct");
    assertThat(hourEntries(ben)).isOne();
    assertThat(proposals.standDue(clock.instant())).isZero();
  }

  @Test
  void inTeamsHoursAreCorrectedInTheDialogAndIDidNotGoIsANoShowInTheReport() throws Exception {
    TeamsActivities teams = new TeamsActivities(port, APP_ID, connector, jdbc);
    String aadTenant = UUID.randomUUID().toString();
    String aad = UUID.randomUUID().toString();
    ObjectNode install = teams.installationUpdate(aadTenant, aad, aad, "personal");
    install.put("locale", "de-DE");
    teams.post(install);
    TenantId tenant = tenants.find(Platform.TEAMS, aadTenant).orElseThrow().id();
    Employee lena = people.identify(tenant, IdentityKind.TEAMS, aad).orElseThrow();
    assertThat(lena.locale().getLanguage()).isEqualTo("de");
    tenants.change(tenant, PolicyChange.none().allowance(40));
    Mission m = mission(tenant, "Sortiertag");
    commitments.commit(tenant, lena.id(), m.id(), false).value();

    connector.sent.clear();
    firstSessionEnded();
    String card =
        connector.sent.stream()
            .map(s -> s[1])
            .filter(s -> s.contains("Ihre Stunden für Sortiertag"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no proposal in " + connector.sent));
    assertThat(card).contains("3 Std. bestätigen").contains("Ich war nicht dabei");

    // Correct: the dialog opens with the proposed hours, and logs the corrected ones.
    long first = proposal(lena);
    ObjectNode fetch = teams.activity("invoke", aadTenant, aad, aad, "personal");
    fetch.put("name", "task/fetch");
    fetch
        .putObject("value")
        .putObject("data")
        .put("action", "proposal.correct")
        .put("proposal", Long.toString(first));
    JsonNode dialog = JSON.readTree(teams.post(fetch).body()).at("/task/value/card/content");
    assertThat(dialog.toString()).contains("Stunden korrigieren").contains("\"value\":\"3\"");
    ObjectNode data = JSON.createObjectNode();
    for (JsonNode a : dialog.get("actions")) {
      if (a.path("title").asText().equals("Diese Stunden erfassen")) {
        data.setAll((ObjectNode) a.get("data"));
      }
    }
    data.put("hours", "2,5").put("note", "Früher gegangen");
    ObjectNode submit = teams.activity("invoke", aadTenant, aad, aad, "personal");
    submit.put("name", "task/submit");
    submit.putObject("value").set("data", data);
    JsonNode done = JSON.readTree(teams.post(submit).body());
    assertThat(done.toString()).contains("2,5").contains("Sortiertag");
    assertThat(hourEntries(lena)).isOne();

    // The second evening: "I did not go" is a no-show in the report, and nothing is logged.
    clock.set(Fixtures.evening(2).endsAt().plus(Duration.ofHours(1)));
    proposals.proposeEnded(clock.instant());
    long second =
        jdbc.sql(
                "select id from hours_proposal where tenant_id = ? and employee_id = ?"
                    + " and state = 'PROPOSED'")
            .params(tenant.value(), lena.id())
            .query(Long.class)
            .single();
    ObjectNode absent = teams.activity("invoke", aadTenant, aad, aad, "personal");
    absent.put("name", "adaptiveCard/action");
    ObjectNode action = absent.putObject("value").putObject("action");
    action.put("type", "Action.Execute").put("verb", "proposal.absent");
    action.putObject("data").put("proposal", Long.toString(second));
    assertThat(JSON.readTree(teams.post(absent).body()).toString())
        .contains("Notiert: Sie waren beim Termin vom");
    assertThat(hourEntries(lena)).isOne();
    LocalDate day = Fixtures.evening(2).startsAt().atZone(Fixtures.LUXEMBOURG).toLocalDate();
    Period period = Period.month(YearMonth.from(day));
    assertThat(reports.compute(tenant, period, Dimension.MISSION).totals().noShows()).isOne();
  }

  @Test
  void theCorrectionFormKeepsWhatWasTypedOnAMistakeAndLogsTheCorrectedHours() {
    Fixtures.Installed company = fixtures.slackInstall(Locale.ENGLISH);
    TenantId tenant = company.tenant();
    tenants.change(tenant, PolicyChange.none().allowance(40));
    Employee ana = fixtures.person(tenant, "Ana");
    Mission m = mission(tenant, "Sorting day");
    commitments.commit(tenant, ana.id(), m.id(), false).value();
    firstSessionEnded();
    Chat chat = new Chat(engine, ana, Locale.ENGLISH);
    chat.click("proposal.correct", Map.of("proposal", Long.toString(proposal(ana))));
    assertThat(Chat.field(chat.last, "hours").values()).containsExactly("3");
    chat.submitForm(Map.of("hours", List.of("2.6")));
    assertThat(Chat.error(chat.last, "hours")).contains("quarter");
    assertThat(Chat.field(chat.last, "hours").values()).containsExactly("2.6");
    chat.submitForm(Map.of("hours", List.of("2.5")));
    assertThat(chat.last.plainText()).contains("Logged 2.5 h").contains("Sorting day");
    chat.click("proposal.absent", Map.of("proposal", Long.toString(proposal(ana))));
    assertThat(chat.last.plainText())
        .contains("You already answered for this session (hours corrected)");
  }

  @Test
  void thePolicyCardShowsAndSetsTheWindowAndWhatStandsInTheAdminsLanguage() {
    Fixtures.Installed company = fixtures.slackInstall(Locale.FRENCH);
    Chat admin = new Chat(engine, company.admin(), Locale.FRENCH);
    assertThat(admin.say("admin").plainText())
        .contains("Jours pour répondre aux heures proposées après une séance")
        .contains("3 jours")
        .contains("Déclarées telles que proposées");
    admin.click("policy.edit", Map.of());
    assertThat(Chat.field(admin.last, "proposalWindow").values()).containsExactly("3");
    admin.submitForm(Map.of("proposalWindow", List.of("2,5")));
    assertThat(Chat.error(admin.last, "proposalWindow"))
        .isEqualTo(
            "Le délai pour répondre aux heures proposées est un nombre entier de jours, de 1 à 30.");
    admin.submitForm(Map.of("proposalWindow", List.of("31")));
    assertThat(Chat.error(admin.last, "proposalWindow")).contains("de 1 à 30");
    admin.submitForm(Map.of("proposalWindow", List.of("1"), "proposalDefault", List.of("NOTHING")));
    assertThat(admin.last.plainText()).contains("1 jour").contains("Rien n'est déclaré");
    var policy = tenants.find(company.tenant()).orElseThrow().policy();
    assertThat(policy.proposalWindowDays()).isOne();
    assertThat(policy.proposalDefault()).isEqualTo(org.tandem.core.tenants.ProposalDefault.NOTHING);
  }
}
