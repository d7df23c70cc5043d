package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.ScimClient;
import org.tandem.bot.support.SlackModals;
import org.tandem.bot.support.SlackOAuth;
import org.tandem.bot.support.SlackRequests;
import org.tandem.core.causes.Cause;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A campaign from launch to its report, through signed Slack requests in a company an install made
 * (no demo data): Claire, who installed Tandem, launches "Giving week" for the Esch site in its
 * modal; the five people of Esch get its message (what she typed shown as typed) with the mission's
 * Commit and Details buttons, the five of Luxembourg nothing; each of the five presses Commit (one
 * looks at the details first) and logs two hours; the campaign's figures and the report by campaign
 * show what it brought, and match the raw tables. A colleague asking for it is refused.
 */
@BotTest
class CampaignsOnSlackTest {

  static final String SECRET = "campaign-secret";
  static final String TEAM = "T0CAMPAIGN";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);
  static final List<String> ESCH = List.of("U0C1", "U0C2", "U0C3", "U0C4", "U0C5");
  static final List<String> LUXEMBOURG = List.of("U0C6", "U0C7", "U0C8", "U0C9", "U0C10");

  @DynamicPropertySource
  static void oauthMode(DynamicPropertyRegistry registry) {
    registry.add("SLACK_SIGNING_SECRET", () -> SECRET);
    registry.add("SLACK_CLIENT_ID", () -> "111.222");
    registry.add("SLACK_CLIENT_SECRET", () -> "client-secret");
    registry.add("SLACK_API_URL", slack::apiUrl);
    slack.answer(
        "oauth.v2.access",
        "{\"ok\":true,\"access_token\":\"xoxb-campaign-token\",\"token_type\":\"bot\","
            + "\"scope\":\"commands,chat:write\",\"bot_user_id\":\"UBOT\",\"app_id\":\"A0TANDEM\","
            + "\"team\":{\"id\":\"T0CAMPAIGN\",\"name\":\"Campaign Co\"},"
            + "\"authed_user\":{\"id\":\"U0CLAIRE\"}}");
    // The test delivers the outbox itself.
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.campaigns.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired JdbcClient jdbc;
  @Autowired Fixtures fixtures;
  @Autowired OutboxDispatcher dispatcher;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final AtomicInteger answers = new AtomicInteger();
  SlackRequests in;

  @Test
  void aCampaignForOneSiteFromLaunchToItsReport() throws Exception {
    in = new SlackRequests(port, SECRET, slack);
    slack.user("U0CLAIRE", "Claire Weber", "en-GB", "Europe/Luxembourg", "claire@campaign.example");
    for (String user : concat()) {
      slack.user(user, "Person " + user, "en-GB", "Europe/Luxembourg", email(user));
    }
    SlackOAuth.install(http, port);
    TenantId company = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();

    // The directory from the identity provider: five people in Esch, five in Luxembourg.
    String scim =
        click(
            "U0CLAIRE",
            command("U0CLAIRE", "admin setup"),
            ConversationEngine.OPEN_FORM,
            Map.of("command", "admin", "args", "scim"));
    Matcher token = Pattern.compile("tdm_scim_[A-Za-z0-9_-]{43}").matcher(scim);
    assertThat(token.find()).as(scim).isTrue();
    ScimClient entra = new ScimClient(port, token.group());
    for (String user : concat()) {
      boolean esch = ESCH.contains(user);
      entra.user(
          email(user),
          "Person " + user,
          esch ? "Esch-sur-Alzette" : "Luxembourg",
          esch ? "Finance" : "IT",
          null);
      assertThat(command(user, "help")).contains("Hi, I'm Tandem");
    }
    // The policy (its modal is walked in SlackCompanyFromNothingTest): 40 h on work time.
    tenants.change(
        company,
        PolicyChange.none()
            .allowance(40)
            .managerApproval(false)
            .hoursApproval(true)
            .valuation(45, "EUR"));
    Mission books =
        fixtures.mission(
            company,
            Fixtures.draft(
                fixtures.association(company, "Épicerie solidaire", Cause.SOCIAL_INCLUSION).id(),
                "Keep the books of the food bank",
                List.of("accounting"),
                MissionMode.ONSITE,
                fixtures.place("Esch-sur-Alzette"),
                20));

    // A colleague may not launch one.
    assertThat(command("U0C1", "campaign")).contains("reserved for CSR managers");

    // Claire launches it in its modal, for the Esch site, now.
    JsonNode form = modal(() -> in.command(TEAM, "U0CLAIRE", "campaign", "modal"));
    submit(
        "U0CLAIRE",
        form,
        Map.of(
            "name", List.of("Giving week"),
            "message", List.of("Two hours for the food bank <this week> & *more*"),
            "missions", List.of(Long.toString(books.id())),
            "audience", List.of("SITE:Esch-sur-Alzette")));
    assertThat(
            slack
                .await(
                    "chat.postMessage",
                    c ->
                        "U0CLAIRE".equals(c.param("channel"))
                            && c.param("text").contains("on its way"))
                .param("text"))
        .contains("Giving week is on its way to 5 people");

    dispatcher.dispatch();
    for (String user : ESCH) {
      FakeSlackApi.Call message = campaignMessage(user);
      assertThat(message.param("blocks"))
          .contains("Two hours for the food bank &lt;this week&gt; &amp;")
          .doesNotContain("<this week>")
          .contains("Keep the books of the food bank");
    }
    for (String user : LUXEMBOURG) {
      assertThat(slack.calls("chat.postMessage"))
          .noneMatch(c -> user.equals(c.param("channel")) && c.param("text").contains("Giving"));
    }

    // Each of them commits from the message; one reads the details first (one click all the same).
    String details =
        press(ESCH.get(0), campaignMessage(ESCH.get(0)).param("blocks"), "mission.details");
    assertThat(readable(slack.await("/response/" + details, c -> true).body()))
        .contains("Keep the books of the food bank");
    for (String user : ESCH) {
      String name = press(user, campaignMessage(user).param("blocks"), "mission.commit");
      assertThat(readable(slack.await("/response/" + name, c -> true).body()))
          .contains("You're in: Keep the books of the food bank");
      assertThat(command(user, "log 2h today")).contains("Logged 2 h");
    }

    // Its figures, and the report by campaign.
    String figures = command("U0CLAIRE", "campaign Giving week");
    assertThat(figures)
        .contains("Reached: 5 people")
        .contains("Clicked: 5 people")
        .contains("Committed: 5 commitments")
        .contains("10 h");
    String report = command("U0CLAIRE", "report this year by campaign");
    assertThat(report).contains("Giving week — 5 volunteers");

    // The figures are those of the raw tables.
    long campaign =
        jdbc.sql("select id from campaign where tenant_id = ?")
            .param(company.value())
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from commitment c
                    join campaign_commitment a on a.tenant_id = c.tenant_id
                      and a.commitment_id = c.id
                    where c.tenant_id = ? and a.campaign_id = ?""")
                .params(company.value(), campaign)
                .query(Integer.class)
                .single())
        .isEqualTo(5);
    assertThat(
            jdbc.sql(
                    """
                    select coalesce(sum(h.minutes), 0) from hour_entry h
                    join campaign_commitment a on a.tenant_id = h.tenant_id
                      and a.commitment_id = h.commitment_id
                    where h.tenant_id = ? and a.campaign_id = ? and h.status <> 'REJECTED'""")
                .params(company.value(), campaign)
                .query(Integer.class)
                .single())
        .isEqualTo(600);
  }

  private FakeSlackApi.Call campaignMessage(String user) {
    return slack.await(
        "chat.postMessage",
        c -> user.equals(c.param("channel")) && c.param("text").contains("Giving week"));
  }

  private static List<String> concat() {
    List<String> all = new java.util.ArrayList<>(ESCH);
    all.addAll(LUXEMBOURG);
    return all;
  }

  private static String email(String slackId) {
    return slackId.toLowerCase(java.util.Locale.ROOT) + "@campaign.example";
  }

  private String command(String user, String text) throws Exception {
    String name = "c" + answers.incrementAndGet();
    assertThat(in.command(TEAM, user, text, name).statusCode()).isEqualTo(200);
    return readable(slack.await("/response/" + name, c -> true).body());
  }

  private String click(String user, String answer, String action, Map<String, String> with)
      throws Exception {
    String name = "c" + answers.incrementAndGet();
    Map<String, String> data = button(JSON.readTree(answer).path("blocks"), action, with);
    in.interaction(in.blockAction(TEAM, user, action + "#0", data, name));
    return readable(slack.await("/response/" + name, c -> true).body());
  }

  /** Presses a button of a message's blocks; the name of the response URL it answers at. */
  private String press(String user, String blocks, String action) throws Exception {
    String name = "c" + answers.incrementAndGet();
    Map<String, String> data = button(JSON.readTree(blocks), action, Map.of());
    assertThat(data).containsKey("campaign");
    in.interaction(in.blockAction(TEAM, user, action + "#0", data, name));
    return name;
  }

  private static String readable(String json) throws Exception {
    return JSON.writeValueAsString(JSON.readTree(json));
  }

  private static Map<String, String> button(
      JsonNode blocks, String action, Map<String, String> with) throws Exception {
    for (JsonNode block : blocks) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("action_id").asText().startsWith(action + "#")) {
          Map<String, String> data = new HashMap<>();
          JSON.readTree(e.path("value").asText("{}"))
              .properties()
              .forEach(p -> data.put(p.getKey(), p.getValue().asText()));
          if (data.entrySet().containsAll(with.entrySet())) {
            return data;
          }
        }
      }
    }
    throw new AssertionError("no " + action + " button in " + blocks);
  }

  /** The modal Tandem opens after {@code step}. */
  private JsonNode modal(SlackModals.Step step) throws Exception {
    return SlackModals.openedBy(slack, step);
  }

  private void submit(String user, JsonNode view, Map<String, List<String>> typed)
      throws Exception {
    HttpResponse<String> r = in.interaction(SlackModals.submission(TEAM, user, view, typed));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).as("no field refused").doesNotContain("\"errors\"");
  }
}
