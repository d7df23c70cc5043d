package org.tandem.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.MovableClock;
import org.tandem.bot.support.SlackModals;
import org.tandem.bot.support.SlackOAuth;
import org.tandem.bot.support.SlackRequests;
import org.tandem.core.approvals.Approvals;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.HourStatus;
import org.tandem.core.hours.Hours;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Approvals in Slack, in a company made by an install (no demo data): Ana's commitment waits for
 * Marc, her line manager, who gets a direct message with Approve / Decline; unanswered, he is
 * reminded after 2 working days (Monday to Wednesday) and the CSR manager Claire is asked after 5,
 * once each; Claire approves first, Marc's later Decline changes nothing and says so; Ana is told.
 * Her hours go the same way: Marc rejects them with a reason Ana reads, then approves the next
 * ones. Ben, who has no line manager, is told a CSR manager is asked, and Claire is.
 */
@BotTest
class ApprovalsOnSlackTest {

  static final String SECRET = "approvals-secret";
  static final String TEAM = "T0APPROVE";
  static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);

  @DynamicPropertySource
  static void oauthMode(DynamicPropertyRegistry registry) {
    registry.add("SLACK_SIGNING_SECRET", () -> SECRET);
    registry.add("SLACK_CLIENT_ID", () -> "111.222");
    registry.add("SLACK_CLIENT_SECRET", () -> "client-secret");
    registry.add("SLACK_API_URL", slack::apiUrl);
    slack.answer(
        "oauth.v2.access",
        "{\"ok\":true,\"access_token\":\"xoxb-approve-token\",\"token_type\":\"bot\","
            + "\"scope\":\"commands,chat:write\",\"bot_user_id\":\"UBOT\",\"app_id\":\"A0TANDEM\","
            + "\"team\":{\"id\":\"T0APPROVE\",\"name\":\"Approve Ltd\"},"
            + "\"authed_user\":{\"id\":\"U0CLAIRE\"}}");
    // The test runs the reminders and the outbox itself.
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.approvals.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired Hours hours;
  @Autowired Approvals approvals;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final AtomicInteger answers = new AtomicInteger();
  SlackRequests in;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void theLineManagerIsAskedRemindedThenTheCsrManagerAndTheEmployeeIsToldEachOutcome()
      throws Exception {
    in = new SlackRequests(port, SECRET, slack);
    slack.user("U0CLAIRE", "Claire Weber", "en-GB", "Europe/Luxembourg", "claire@approve.example");
    slack.user("U0MARC", "Marc Schmit", "en-GB", "Europe/Luxembourg", "marc@approve.example");
    slack.user("U0ANA", "Ana Lopes", "en-GB", "Europe/Luxembourg", "ana@approve.example");
    slack.user("U0BEN", "Ben Muller", "en-GB", "Europe/Luxembourg", "ben@approve.example");
    SlackOAuth.install(http, port);
    TenantId company = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    tenants.change(
        company,
        PolicyChange.none()
            .allowance(40)
            .managerApproval(true)
            .hoursApproval(true)
            .valuation(45, "EUR"));
    for (String user : List.of("U0MARC", "U0ANA", "U0BEN")) {
      command(user, "help");
    }
    Employee marc = person(company, "U0MARC");
    Employee ana = person(company, "U0ANA");
    people.setManager(company, ana.id(), marc.id());
    Mission workshop = fixtures.workshopInEsch(company, 3);

    // Monday 7 December, 10:00 in Luxembourg: Ana commits; the reply keeps its promise.
    clock.set(LocalDateTime.of(2026, 12, 7, 10, 0).atZone(LUXEMBOURG).toInstant());
    String committed = click("U0ANA", "mission.commit", missionOf(workshop));
    assertThat(committed)
        .contains("Your manager is asked to approve it; I will tell you as soon as they decide");
    long commitment = commitments.live(company, workshop.id(), ana.id()).orElseThrow().id();

    dispatcher.dispatch();
    FakeSlackApi.Call asked = dm("U0MARC", "would like to take part");
    assertThat(asked.param("text"))
        .contains("Ana Lopes would like to take part in Bookkeeping workshop")
        .contains("needs your approval as their line manager");
    assertThat(asked.param("blocks"))
        .contains("commitment.approve")
        .contains("commitment.decline")
        .contains("Dates");

    // Wednesday 09:59 is not yet 2 working days; 10:00 is: one reminder, once.
    clock.set(LocalDateTime.of(2026, 12, 9, 9, 59).atZone(LUXEMBOURG).toInstant());
    approvals.remind(clock.instant());
    assertThat(written(company, marc, "APPROVAL_REMINDER")).isZero();
    clock.set(LocalDateTime.of(2026, 12, 9, 10, 0).atZone(LUXEMBOURG).toInstant());
    approvals.remind(clock.instant());
    approvals.remind(clock.instant());
    assertThat(written(company, marc, "APPROVAL_REMINDER")).isEqualTo(1);
    dispatcher.dispatch();
    assertThat(dm("U0MARC", "Reminder").param("text"))
        .contains("Reminder: since Monday 7 December, Ana Lopes has been waiting");

    // The weekend does not count: 5 working days end on Monday 14 December at 10:00.
    Employee claire = person(company, "U0CLAIRE");
    clock.set(LocalDateTime.of(2026, 12, 13, 12, 0).atZone(LUXEMBOURG).toInstant());
    approvals.remind(clock.instant());
    assertThat(written(company, claire, "APPROVAL_ESCALATED")).isZero();
    clock.set(LocalDateTime.of(2026, 12, 14, 10, 0).atZone(LUXEMBOURG).toInstant());
    approvals.remind(clock.instant());
    approvals.remind(clock.instant());
    assertThat(written(company, claire, "APPROVAL_ESCALATED")).isEqualTo(1);
    assertThat(written(company, marc, "APPROVAL_REMINDER")).isEqualTo(1);
    dispatcher.dispatch();
    FakeSlackApi.Call escalated = dm("U0CLAIRE", "needs a CSR manager");
    assertThat(escalated.param("text"))
        .contains("Ana Lopes would like to take part in Bookkeeping workshop");
    assertThat(escalated.param("blocks"))
        .contains("Their line manager, Marc Schmit, has not decided in 5 working days");
    assertThat(
            slack.calls("chat.postMessage").stream()
                .filter(c -> "U0MARC".equals(c.param("channel")))
                .count())
        .as("Marc: the request and one reminder")
        .isEqualTo(2);

    // Claire approves from her message; Marc's Decline, later, changes nothing and says so.
    assertThat(click("U0CLAIRE", escalated, "commitment.approve")).contains("Approved.");
    assertThat(click("U0MARC", asked, "commitment.decline"))
        .contains("This commitment no longer waits for a decision")
        .contains("Nothing was changed");
    assertThat(click("U0MARC", asked, "commitment.approve"))
        .contains("This commitment no longer waits for a decision");
    assertThat(commitments.find(company, commitment).orElseThrow().status())
        .isEqualTo(CommitmentStatus.CONFIRMED);
    dispatcher.dispatch();
    assertThat(dm("U0ANA", "was approved").param("text"))
        .contains("Your commitment to Bookkeeping workshop was approved: you are in.");

    // Her hours: Marc is asked, rejects them with a reason she reads.
    assertThat(command("U0ANA", "log 2.5h today")).contains("Waiting for approval");
    dispatcher.dispatch();
    FakeSlackApi.Call hoursAsked = dm("U0MARC", "logged 2.5 h");
    assertThat(hoursAsked.param("text"))
        .contains("Ana Lopes logged 2.5 h for Bookkeeping workshop and needs your approval");
    JsonNode reason = modal(() -> press("U0MARC", hoursAsked, "hours.reject"));
    assertThat(
            in.interaction(
                    SlackModals.submission(
                        TEAM,
                        "U0MARC",
                        reason,
                        Map.of("reason", List.of("Not on the <attendance> sheet"))))
                .statusCode())
        .isEqualTo(200);
    dispatcher.dispatch();
    FakeSlackApi.Call rejected = dm("U0ANA", "were not approved");
    assertThat(rejected.param("blocks")).contains("Not on the &lt;attendance&gt; sheet");

    // The next hours, approved from the message: she is told.
    assertThat(command("U0ANA", "log 2h today")).contains("Waiting for approval");
    dispatcher.dispatch();
    FakeSlackApi.Call next = dm("U0MARC", "logged 2 h");
    assertThat(click("U0MARC", next, "hours.approve")).contains("Approved.");
    assertThat(click("U0MARC", next, "hours.reject"))
        .contains("These hours were already approved or rejected");
    dispatcher.dispatch();
    assertThat(dm("U0ANA", "were approved").param("text"))
        .startsWith("Your 2 h on ")
        .endsWith(" for Bookkeeping workshop were approved.");
    assertThat(hours.ofEmployee(company, ana.id(), 2026).stream().map(h -> h.status()).toList())
        .containsExactlyInAnyOrder(HourStatus.APPROVED, HourStatus.REJECTED);

    // Ben has no line manager: he is told a CSR manager is asked, and Claire is, saying why.
    Mission other = fixtures.workshopInEsch(company, 3);
    assertThat(click("U0BEN", "mission.commit", missionOf(other)))
        .contains("You have no line manager in the company directory, so a CSR manager is asked");
    dispatcher.dispatch();
    assertThat(dm("U0CLAIRE", "Ben Muller would like").param("blocks"))
        .contains("Ben Muller has no line manager in the company directory");
  }

  /** How many messages of this kind were written for the person. */
  private long written(TenantId company, Employee to, String kind) {
    return jdbc.sql(
            "select count(*) from notification where tenant_id = ? and employee_id = ? and kind = ?")
        .params(company.value(), to.id(), kind)
        .query(Long.class)
        .single();
  }

  private static Map<String, String> missionOf(Mission m) {
    return Map.of("missionId", Long.toString(m.id()));
  }

  private Employee person(TenantId company, String slackId) {
    return people.identify(company, IdentityKind.SLACK, slackId).orElseThrow();
  }

  /** The direct message to {@code user} whose text contains {@code contains}. */
  private FakeSlackApi.Call dm(String user, String contains) {
    return slack.await(
        "chat.postMessage",
        c -> user.equals(c.param("channel")) && c.param("text").contains(contains));
  }

  /** {@code /tandem text}; returns what Tandem answered at the command's response URL. */
  private String command(String user, String text) throws Exception {
    String name = "r" + answers.incrementAndGet();
    assertThat(in.command(TEAM, user, text, name).statusCode()).isEqualTo(200);
    return readable(slack.await("/response/" + name, c -> true).body());
  }

  /** Clicks a button with this action and data; returns the answer. */
  private String click(String user, String action, Map<String, String> data) throws Exception {
    String name = "r" + answers.incrementAndGet();
    in.interaction(in.blockAction(TEAM, user, action + "#0", data, name));
    return readable(slack.await("/response/" + name, c -> true).body());
  }

  /** Clicks the message's button with this action; returns the answer. */
  private String click(String user, FakeSlackApi.Call message, String action) throws Exception {
    return click(user, action, button(message, action));
  }

  private String press(String user, FakeSlackApi.Call message, String action) throws Exception {
    String name = "r" + answers.incrementAndGet();
    in.interaction(in.blockAction(TEAM, user, action + "#0", button(message, action), name));
    return name;
  }

  private static String readable(String json) throws Exception {
    return JSON.writeValueAsString(JSON.readTree(json));
  }

  /** The data of the message's first button with this action. */
  private static Map<String, String> button(FakeSlackApi.Call message, String action)
      throws Exception {
    for (JsonNode block : JSON.readTree(message.param("blocks"))) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("action_id").asText().startsWith(action + "#")) {
          Map<String, String> data = new HashMap<>();
          JSON.readTree(e.path("value").asText("{}"))
              .properties()
              .forEach(p -> data.put(p.getKey(), p.getValue().asText()));
          return data;
        }
      }
    }
    throw new AssertionError("no " + action + " button in " + message.param("blocks"));
  }

  /** The modal Tandem opens after {@code step}. */
  private JsonNode modal(SlackModals.Step step) throws Exception {
    return SlackModals.openedBy(slack, step);
  }
}
