package org.tandem.bot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackOAuth;
import org.tandem.bot.support.TeamsActivities;

/**
 * The admins of installs made before Tandem needed files (Slack's files:read scope, Teams'
 * supportsFiles) are told how to consent, once per install: the check runs at every start and every
 * night, and a second run (as after a restart) finds them told and sends nothing more.
 */
@BotTest
class ReconsentNoticeTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000f11e5";
  static final FakeSlackApi slack = new FakeSlackApi();
  static final FakeBotConnector teams = new FakeBotConnector();

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("SLACK_SIGNING_SECRET", () -> "reconsent-signing-secret");
    registry.add("SLACK_CLIENT_ID", () -> "333.444");
    registry.add("SLACK_CLIENT_SECRET", () -> "client-secret");
    registry.add("SLACK_API_URL", slack::apiUrl);
    registry.add("TANDEM_PUBLIC_URL", () -> "https://tandem.example.com/");
    teams.configure(registry, APP_ID);
  }

  @AfterAll
  static void stop() {
    slack.close();
    teams.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ReconsentNotices notices;
  @Autowired OutboxDispatcher dispatcher;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** "Add to Slack" as Slack runs it, granting "commands,chat:write" and no files:read. */
  private void installInSlack() throws Exception {
    slack.answer(
        "oauth.v2.access",
        """
        {"ok":true,"access_token":"xoxb-old-install","token_type":"bot",
         "scope":"commands,chat:write","bot_user_id":"UBOT","app_id":"A0TANDEM",
         "team":{"id":"T0OLDCO","name":"Old Co"},"authed_user":{"id":"U0OLDADMIN"}}""");
    slack.user("U0OLDADMIN", "Claire Weber", "en-GB", "Europe/Luxembourg", "claire@oldco.example");
    SlackOAuth.install(http, port);
    slack.await("chat.postMessage", c -> "U0OLDADMIN".equals(c.param("channel")));
  }

  private List<FakeSlackApi.Call> slackNotices() {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> String.valueOf(c.param("text")).contains("files:read"))
        .toList();
  }

  private List<String[]> teamsNotices() {
    return teams.sent.stream().filter(s -> s[1].contains("updated Tandem app package")).toList();
  }

  /** The re-consent messages written for the two companies of this test. */
  private int written() {
    return jdbc.sql(
            """
            select count(*) from notification n join tenant t on t.id = n.tenant_id
            where n.kind = 'RECONSENT' and t.external_id in ('T0OLDCO', ?)""")
        .param(teamsTenant)
        .query(Integer.class)
        .single();
  }

  String teamsTenant;

  @Test
  void theAdminsOfExistingInstallsAreToldOnceHowToConsent() throws Exception {
    installInSlack();
    assertThat(
            jdbc.sql("select bot_scopes from slack_installation where team_id = 'T0OLDCO'")
                .query(String.class)
                .single())
        .doesNotContain("files:read");

    // A Teams tenant whose first installer is its admin, installed before the upgrade: the
    // migration marked every such tenant (reconsent_mark_teams, run here for this one).
    teamsTenant = UUID.randomUUID().toString();
    TeamsActivities activities = new TeamsActivities(port, APP_ID, teams, jdbc);
    activities.post(
        activities.installationUpdate(teamsTenant, "29:amelie", "aad-amelie", "personal"));
    long company =
        jdbc.sql("select id from tenant where platform = 'TEAMS' and external_id = ?")
            .param(teamsTenant)
            .query(Long.class)
            .single();
    assertThat(markTeams(company)).isEqualTo(1);

    notices.check();
    assertThat(written()).isEqualTo(2);
    dispatcher.dispatch();
    assertThat(slackNotices()).hasSize(1);
    FakeSlackApi.Call told = slackNotices().get(0);
    assertThat(told.param("channel")).isEqualTo("U0OLDADMIN");
    assertThat(told.param("text"))
        .contains("Tandem needs one more permission")
        .contains("https://tandem.example.com/slack/install")
        .contains("Allow");
    assertThat(teamsNotices()).hasSize(1);
    assertThat(teamsNotices().get(0)[1]).contains("Manage apps");

    // The next start and the next night find every install told: nothing more is sent.
    notices.check();
    assertThat(markTeams(company)).isZero();
    notices.check();
    dispatcher.dispatch();
    assertThat(slackNotices()).hasSize(1);
    assertThat(teamsNotices()).hasSize(1);
    assertThat(written()).isEqualTo(2);

    // Reinstalled with files:read, the workspace is not told again.
    jdbc.sql(
            "update slack_installation set bot_scopes = bot_scopes || ',files:read'"
                + " where team_id = 'T0OLDCO'")
        .update();
    notices.check();
    assertThat(written()).isEqualTo(2);
  }

  /** What the upgrade's migration did for every Teams tenant, for this one. */
  private int markTeams(long company) {
    return jdbc.sql("select reconsent_mark_teams(?)").param(company).query(Integer.class).single();
  }
}
