package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackRequests;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A company on Slack and Teams, through the real endpoints: a Slack admin gets a link code, the
 * admin of a freshly installed Teams tenant types it, and from then on a Teams user with the email
 * of a Slack employee is that employee, with the commitment made in Slack.
 */
@BotTest
class OneCompanyOnSlackAndTeamsTest {

  static final String APP_ID = "00000000-0000-0000-0000-00000000114c";
  static final String SECRET = "link-signing-secret";
  static final String TEAM = "T0GLOBEX";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);
  static final FakeBotConnector teams = new FakeBotConnector();

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    slack.configure(registry, SECRET, "xoxb-test-token");
    registry.add("TANDEM_ADMINS", () -> "U0PAUL");
    teams.configure(registry, APP_ID);
  }

  @AfterAll
  static void stop() {
    slack.close();
    teams.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired TeamsNotifier notifier;
  @Autowired JdbcClient jdbc;

  SlackRequests slackIn;
  TeamsActivities teamsIn;

  @BeforeEach
  void requests() {
    slackIn = new SlackRequests(port, SECRET, slack);
    teamsIn = new TeamsActivities(port, APP_ID, teams, jdbc);
  }

  /** {@code /tandem text} by a Slack user; the answer goes to the response URL {@code name}. */
  String slashCommand(String user, String text, String name) throws Exception {
    slackIn.command(TEAM, user, text, name);
    return slack.await("/response/" + name, c -> true).body();
  }

  void slackClick(String user, String actionId, Map<String, String> data, String name)
      throws Exception {
    slackIn.interaction(slackIn.blockAction(TEAM, user, actionId + "#0", data, name));
  }

  /** A message from the Teams user {@code 29:user} (email user@contoso.example). */
  ObjectNode activity(String aadTenant, String user, String text) {
    return teamsIn.message(aadTenant, user, "aad-" + user, text);
  }

  String toTeams(ObjectNode activity) throws Exception {
    teams.sent.clear();
    HttpResponse<String> r = teamsIn.post(activity);
    assertThat(r.statusCode()).isEqualTo(200);
    // Answered after the 200, by the inbox's worker.
    for (int i = 0; i < 200 && teams.sent.isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertThat(teams.sent).isNotEmpty();
    JsonNode reply = JSON.readTree(teams.sent.get(teams.sent.size() - 1)[1]);
    return reply.path("text").asText();
  }

  @Test
  void aSlackAdminsCodeTypedInTeamsMakesOneCompanyWhereTheSameEmailIsTheSamePerson()
      throws Exception {
    TenantId globex = tenants.findOrCreate(Platform.SLACK, TEAM, "Globex", "LU").id();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String claireOnSlack = "U0CLAIRE" + suffix.toUpperCase();
    String claire = "claire-" + suffix;
    slack.user("U0PAUL", "Paul Admin", "en-US", "Europe/Luxembourg", "paul@globex.example");
    slack.user(
        claireOnSlack, "Claire Martin", "en-US", "Europe/Luxembourg", claire + "@contoso.example");

    // Claire commits to a mission in Slack.
    slashCommand(claireOnSlack, "help", "help-" + suffix);
    Employee claireInSlack =
        people.identify(globex, IdentityKind.SLACK, claireOnSlack).orElseThrow();
    people.updateProfile(
        globex, claireInSlack.id(), fixtures.accountantInDifferdange(globex).profile());
    Mission workshop = fixtures.workshopInEsch(globex, 3);
    slackClick(
        claireOnSlack,
        "mission.commit",
        Map.of("missionId", Long.toString(workshop.id())),
        "commit-" + suffix);
    slack.await("/response/commit-" + suffix, c -> c.body().contains("in: Bookkeeping workshop"));

    // Paul, a Slack admin, asks for a link code.
    String card = slashCommand("U0PAUL", "admin link", "link-" + suffix);
    assertThat(card).contains("Link code for Globex").contains("In Microsoft Teams");
    Matcher code = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(card);
    assertThat(code.find()).isTrue();

    // Tom installs Tandem in a new Teams tenant, so he runs it there, and types the code.
    String aadTenant = UUID.randomUUID().toString();
    String tom = "tom-" + suffix;
    ObjectNode install = installation(aadTenant, tom);
    assertThat(toTeams(install)).contains("You run it");
    TenantId teamsTenant = tenants.find(Platform.TEAMS, aadTenant).orElseThrow().id();
    assertThat(toTeams(activity(aadTenant, tom, "link " + code.group())))
        .contains("now part of Globex (Slack)");

    assertThat(tenants.find(Platform.TEAMS, aadTenant).orElseThrow().id()).isEqualTo(globex);
    assertThat(tenants.find(teamsTenant)).isEmpty();
    assertThat(
            jdbc.sql("select tenant_id from teams_conversation where conversation_id = ?")
                .param("a:conv-" + tom)
                .query(Long.class)
                .single())
        .isEqualTo(globex.value());

    // Claire writes from Teams: she is the Claire of Slack, with her commitment.
    assertThat(toTeams(activity(aadTenant, claire, "my commitments")))
        .contains("Bookkeeping workshop");
    assertThat(people.identify(globex, IdentityKind.TEAMS, "aad-" + claire).orElseThrow().id())
        .isEqualTo(claireInSlack.id());
    assertThat(toTeams(activity(aadTenant, claire, "my year"))).contains("Your");
    assertThat(
            notifier.send(
                globex,
                claireInSlack.id(),
                Reply.notice(Reply.Notice.Level.INFO, "Workshop tomorrow")))
        .isEqualTo(org.tandem.bot.conversation.Notifier.Delivery.SENT);

    // The code linked once.
    String other = UUID.randomUUID().toString();
    toTeams(installation(other, "ann-" + suffix));
    assertThat(toTeams(activity(other, "ann-" + suffix, "link " + code.group())))
        .contains("already used");
  }

  ObjectNode installation(String aadTenant, String user) {
    return teamsIn.installationUpdate(aadTenant, user, "aad-" + user, "personal");
  }
}
