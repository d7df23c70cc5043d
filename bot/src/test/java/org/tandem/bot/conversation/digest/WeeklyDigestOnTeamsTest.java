package org.tandem.bot.conversation.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.MovableClock;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.associations.Association;
import org.tandem.core.causes.Cause;
import org.tandem.core.digest.Digests;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * The digest in a Teams tenant installed from nothing, through Bot-Framework-authenticated
 * activities: onboarding ends with the offer (yes in one click; no thanks leaves it off), the
 * digest arrives as cards with their buttons, and its stop button turns it off for good.
 */
@BotTest
class WeeklyDigestOnTeamsTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000d1635";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeBotConnector teams = new FakeBotConnector();

  /** A Monday in winter (Luxembourg UTC+1). */
  static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);

  @DynamicPropertySource
  static void teamsMode(DynamicPropertyRegistry registry) {
    teams.configure(registry, APP_ID);
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.digest.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    teams.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;
  @Autowired Digests digests;
  @Autowired NotificationSettings settings;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  TeamsActivities in;
  final String aad = "aad-digest-" + UUID.randomUUID();

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void onboardingOffersTheDigestAndItArrivesInTeamsWithItsButtonsUntilStopped() throws Exception {
    in = new TeamsActivities(port, APP_ID, teams, jdbc);
    answer(in.installationUpdate(aad, "iris", "aad-iris", "personal"));
    TenantId company = tenants.find(Platform.TEAMS, aad).orElseThrow().id();

    // Ana's first profile ends with the offer; she says yes in one click.
    JsonNode saved = onboard("ana");
    assertThat(saved.toString())
        .contains("A weekly digest of new missions?")
        .contains("Every Monday from 08:00, up to 3 new missions that fit your profile");
    JsonNode yes = execute("ana", action(saved, "digest.on"));
    assertThat(yes.toString())
        .contains("Done: your digest comes on Mondays from 08:00, when new missions fit you.");
    Employee ana = person(company, "ana");
    assertThat(settings.of(company, ana.id()).orElseThrow().digestDay())
        .contains(java.time.DayOfWeek.MONDAY);
    // Saving her profile again asks nothing more.
    JsonNode again = submit("ana", form(answer(message("ana", "profile"))), Map.of());
    assertThat(again.toString()).contains("Profile saved").doesNotContain("digest.on");

    // Ben sets his profile in the dialog his welcome's button opens: the dialog closes on a line
    // of text, and the offer, with its buttons, is in the chat. He says no thanks: it stays off.
    JsonNode welcome = answer(message("ben", "help"));
    JsonNode dialog = taskFetch("ben", action(welcome, "profile.edit"));
    int posted = teams.sent.size();
    JsonNode closed =
        dialogSubmit("ben", dialog, Map.of("skills", "accounting", "place", "Differdange"));
    assertThat(closed.at("/task/type").asText()).isEqualTo("message");
    JsonNode offer = sentTo("conv-ben", "digest.no", posted);
    assertThat(offer.toString()).contains("A weekly digest of new missions?");
    JsonNode no = execute("ben", action(offer, "digest.no"));
    assertThat(no.toString()).contains("All right, no digest.");
    Employee ben = person(company, "ben");
    assertThat(settings.of(company, ben.id()).orElseThrow().digestDay()).isEmpty();

    // A mission that fits them both, published the Thursday before.
    clock.set(at(MONDAY.minusDays(4), "10:00", ana.timeZone()));
    Association epicerie =
        fixtures.association(company, "Épicerie solidaire", Cause.SOCIAL_INCLUSION);
    fixtures.mission(
        company,
        Fixtures.draft(
            epicerie.id(),
            "Keep the books of the food bank",
            List.of("accounting"),
            MissionMode.ONSITE,
            fixtures.place("Esch-sur-Alzette"),
            6));
    Instant eight = at(MONDAY, "08:00", ana.timeZone());
    clock.set(eight);
    digests.enqueueDue(eight);
    int before = teams.sent.size();
    dispatcher.dispatch();
    JsonNode digest = sentTo("conv-ana", "1 new mission fits you this week", before);
    assertThat(digest.toString())
        .contains("Keep the books of the food bank")
        .contains("Uses your accounting skills")
        .contains("Your weekly digest comes on Mondays.")
        .contains("\"mission.commit\"")
        .contains("\"mission.details\"")
        .contains("\"digest.off\"");
    assertThat(teams.sent.subList(before, teams.sent.size()))
        .noneMatch(s -> s[1].contains("fits you this week") && s[0].contains("conv-ben"));

    // Stop, from the digest itself: the answer says so, and next Monday brings nothing.
    JsonNode stopped = execute("ana", action(digest, "digest.off"));
    assertThat(stopped.toString())
        .contains("The weekly digest is off: you will not receive it any more.")
        .contains("Receive it on Mondays");
    clock.set(at(MONDAY.plusDays(2), "10:00", ana.timeZone()));
    fixtures.mission(
        company,
        Fixtures.draft(
            epicerie.id(),
            "Payroll for the shelter",
            List.of("accounting"),
            MissionMode.ONSITE,
            fixtures.place("Esch-sur-Alzette"),
            6));
    Instant next = at(MONDAY.plusDays(7), "09:00", ana.timeZone());
    clock.set(next);
    digests.enqueueDue(next);
    assertThat(
            jdbc.sql(
                    "select count(*) from notification where tenant_id = ? and kind = 'WEEKLY_DIGEST'")
                .param(company.value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  /** The person's first words, then their first profile, saved: what Tandem answered. */
  private JsonNode onboard(String user) throws Exception {
    JsonNode profile = form(answer(message(user, "profile")));
    return submit(user, profile, Map.of("skills", "accounting", "place", "Differdange"));
  }

  private static Instant at(LocalDate day, String time, ZoneId zone) {
    return day.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
  }

  private Employee person(TenantId company, String user) {
    return people.identify(company, IdentityKind.TEAMS, "aad-" + user).orElseThrow();
  }

  private ObjectNode message(String user, String text) {
    return in.message(aad, user, "aad-" + user, text);
  }

  /** The first message sent since {@code from} to this conversation that contains {@code text}. */
  private JsonNode sentTo(String conversation, String text, int from) throws Exception {
    for (int i = 0; i < 200; i++) {
      for (String[] s : teams.sent.subList(from, teams.sent.size())) {
        if (s[0].contains(conversation) && s[1].contains(text)) {
          return JSON.readTree(s[1]);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("nothing with " + text + " sent to " + conversation);
  }

  /** Posts a message or an install and returns what Tandem sent back through the connector. */
  private JsonNode answer(ObjectNode activity) throws Exception {
    int before = teams.sent.size();
    HttpResponse<String> r = in.post(activity);
    assertThat(r.statusCode()).isEqualTo(200);
    for (int i = 0; i < 200 && teams.sent.size() <= before; i++) {
      Thread.sleep(50);
    }
    assertThat(teams.sent.size()).as("answered").isGreaterThan(before);
    return JSON.readTree(teams.sent.get(teams.sent.size() - 1)[1]);
  }

  /** The data of the first button of {@code answer} whose action is {@code id}. */
  private static ObjectNode action(JsonNode answer, String id) {
    for (JsonNode a : answer.path("attachments")) {
      for (JsonNode action : a.at("/content/actions")) {
        if (id.equals(action.at("/data/action").asText())) {
          return (ObjectNode) action.path("data").deepCopy();
        }
      }
      for (JsonNode action : a.findValues("actions")) {
        for (JsonNode b : action) {
          if (id.equals(b.at("/data/action").asText())) {
            return (ObjectNode) b.path("data").deepCopy();
          }
        }
      }
    }
    throw new AssertionError("no " + id + " button in " + answer);
  }

  /** The first form card of {@code answer}. */
  private static JsonNode form(JsonNode answer) {
    for (JsonNode a : answer.path("attachments")) {
      for (JsonNode action : a.at("/content/actions")) {
        if (action.at("/data/formId").isTextual()) {
          return a.path("content");
        }
      }
    }
    throw new AssertionError("no form in " + answer);
  }

  private JsonNode invoke(String user, String name, JsonNode value) throws Exception {
    ObjectNode a = in.activity("invoke", aad, user, "aad-" + user, "personal");
    a.put("name", name);
    a.set("value", value);
    HttpResponse<String> r = in.post(a);
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** A button opening a dialog: the form card Teams shows in it. */
  private JsonNode taskFetch(String user, ObjectNode data) throws Exception {
    ObjectNode value = JSON.createObjectNode();
    value.set("data", data);
    JsonNode task = invoke(user, "task/fetch", value);
    assertThat(task.at("/task/type").asText()).as(task.toString()).isEqualTo("continue");
    return task.at("/task/value/card/content");
  }

  /** Submits a form in its dialog, as typed over what it holds: Teams' task/submit answer. */
  private JsonNode dialogSubmit(String user, JsonNode card, Map<String, String> typed)
      throws Exception {
    ObjectNode value = JSON.createObjectNode();
    value.set("data", inputs(card, typed));
    return invoke(user, "task/submit", value);
  }

  /** A form card's submit data with its inputs as they are, changed by {@code typed}. */
  private static ObjectNode inputs(JsonNode card, Map<String, String> typed) {
    ObjectNode data = JSON.createObjectNode();
    for (JsonNode action : card.path("actions")) {
      if (action.at("/data/formId").isTextual()) {
        data.setAll((ObjectNode) action.path("data").deepCopy());
        break;
      }
    }
    for (JsonNode input : card.path("body")) {
      if (input.has("id")) {
        String id = input.path("id").asText();
        data.put(id, typed.getOrDefault(id, input.path("value").asText("")));
      }
    }
    return data;
  }

  /** A Universal Action button: the card Teams puts in place of the one clicked. */
  private JsonNode execute(String user, ObjectNode data) throws Exception {
    ObjectNode value = JSON.createObjectNode();
    ObjectNode action = value.putObject("action");
    action.put("type", "Action.Execute");
    action.put("verb", data.path("action").asText());
    action.set("data", data);
    JsonNode answer = invoke(user, "adaptiveCard/action", value);
    assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
    return answer.path("value");
  }

  /**
   * Submits a form card shown in the chat (its Action.Submit: a message activity carrying the
   * inputs), as they are, changed by {@code typed}; what Tandem answered in the chat.
   */
  private JsonNode submit(String user, JsonNode card, Map<String, String> typed) throws Exception {
    ObjectNode data = inputs(card, typed);
    ObjectNode activity = message(user, "");
    activity.remove("text");
    activity.set("value", data);
    return answer(activity);
  }
}
