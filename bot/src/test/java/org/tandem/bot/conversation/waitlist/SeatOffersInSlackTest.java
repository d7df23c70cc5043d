package org.tandem.bot.conversation.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.scheduling.SeatOfferExpiry;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.MovableClock;
import org.tandem.bot.support.SlackOAuth;
import org.tandem.bot.support.SlackRequests;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionStatus;
import org.tandem.core.missions.Missions;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;
import org.tandem.core.text.Wording;

/**
 * Waiting lists in a company fresh from a Slack install, through signed Slack requests: the
 * waiting-list reply promises a message, the first person waiting gets it (Accept / Pass, the
 * deadline in their language and zone) when a seat frees up, an offer left to run out passes to the
 * next person, and late or crafted clicks are refused.
 */
@BotTest
class SeatOffersInSlackTest {

  static final String SECRET = "waitlist-secret";
  static final String TEAM = "T0WAITLIST";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);

  /** Friday 4 December 2026, 17:00 in Luxembourg, 11:00 in New York. */
  static final Instant FRIDAY = Instant.parse("2026-12-04T16:00:00Z");

  static final String ANA = "U0WLANA";
  static final String BEN = "U0WLBEN";
  static final String CARLA = "U0WLCARLA";

  @DynamicPropertySource
  static void oauthMode(DynamicPropertyRegistry registry) {
    registry.add("SLACK_SIGNING_SECRET", () -> SECRET);
    registry.add("SLACK_CLIENT_ID", () -> "555.666");
    registry.add("SLACK_CLIENT_SECRET", () -> "client-secret");
    registry.add("SLACK_API_URL", slack::apiUrl);
    slack.answer(
        "oauth.v2.access",
        "{\"ok\":true,\"access_token\":\"xoxb-waitlist-token\",\"token_type\":\"bot\","
            + "\"scope\":\"commands,chat:write\",\"bot_user_id\":\"UBOT\",\"app_id\":\"A0TANDEM\","
            + "\"team\":{\"id\":\""
            + TEAM
            + "\",\"name\":\"Waitlist Ltd\"},\"authed_user\":{\"id\":\"U0WLADMIN\"}}");
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.waitlist.every", () -> "PT1H");
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
  @Autowired Missions missions;
  @Autowired NotificationSettings settings;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired SeatOfferExpiry expiry;
  @Autowired MovableClock clock;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** Response URLs are named once across the tests: an answer is never read from a previous one. */
  static final AtomicInteger answers = new AtomicInteger();

  SlackRequests in;
  TenantId company;

  @BeforeEach
  void installed() throws Exception {
    in = new SlackRequests(port, SECRET, slack);
    slack.user("U0WLADMIN", "Inès Admin", "en-GB", "Europe/Luxembourg", "ines@waitlist.example");
    slack.user(ANA, "Ana Lopes", "en-GB", "Europe/Luxembourg", "ana@waitlist.example");
    slack.user(BEN, "Benoît Muller", "fr-FR", "America/New_York", "ben@waitlist.example");
    slack.user(CARLA, "Carla Diaz", "de-DE", "Asia/Kolkata", "carla@waitlist.example");
    if (tenants.find(Platform.SLACK, TEAM).isEmpty()) {
      SlackOAuth.install(http, port);
    }
    company = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    for (String u : new String[] {ANA, BEN, CARLA}) {
      command(u, "mine"); // their first word to Tandem: it knows them from then on
    }
    clock.set(FRIDAY);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theFirstPersonWaitingIsOfferedAFreedSeatInTheirLanguageAndZoneAndAcceptsIt()
      throws Exception {
    Mission workshop = fixtures.workshopInEsch(company, 1);
    assertThat(commit(ANA, workshop)).contains("You're in");
    // The promise the waiting-list reply makes, in each language.
    assertThat(commit(BEN, workshop))
        .contains("n°\u00a01 sur la liste d'attente")
        .contains("je vous préviens quand vient votre tour\u00a0: vous aurez alors 24 heures");
    assertThat(commit(CARLA, workshop))
        .contains("Nr. 2 auf der Warteliste")
        .contains("ich sage Ihnen Bescheid, wenn Sie an der Reihe sind");
    // Ben keeps the usual quiet hours, 19:00-08:00 and weekends, in New York.
    settings
        .quietHours(company, person(BEN).id(), LocalTime.of(19, 0), LocalTime.of(8, 0), true)
        .value();

    String cancelled =
        press(ANA, "commitment.cancel.confirm", Map.of("commitmentId", id(ANA, workshop)));
    assertThat(answer(cancelled)).contains("Cancelled");

    Commitment offered = live(BEN, workshop);
    assertThat(offered.status()).isEqualTo(CommitmentStatus.OFFERED);
    // 24 awake hours from Friday 11:00 in New York: 8 on Friday, 11 on Monday, 5 on Tuesday.
    ZoneId newYork = ZoneId.of("America/New_York");
    assertThat(offered.offerExpiresAt().atZone(newYork).toLocalDateTime())
        .isEqualTo(java.time.LocalDateTime.of(2026, 12, 8, 13, 0));

    dispatcher.dispatch();
    FakeSlackApi.Call told =
        slack.await(
            "chat.postMessage",
            c ->
                BEN.equals(c.param("channel"))
                    && c.param("text").contains("Une place vous attend"));
    String deadline = Wording.dateTime(offered.offerExpiresAt().atZone(newYork), Locale.FRENCH);
    assertThat(deadline).contains("8 décembre 2026").contains("13:00");
    assertThat(told.param("text"))
        .contains("Bookkeeping workshop")
        .contains("réservée jusqu'au " + deadline);
    assertThat(told.param("blocks")).contains("offer.accept").contains("offer.pass");
    assertThat(slack.calls("chat.postMessage"))
        .noneMatch(c -> CARLA.equals(c.param("channel")) && c.param("text").contains("Platz für"));

    String accepted = answer(pressIn(BEN, told.param("blocks"), "offer.accept"));
    assertThat(accepted).contains("C'est noté");
    assertThat(live(BEN, workshop).status()).isEqualTo(CommitmentStatus.CONFIRMED);
    assertThat(missions.find(company, workshop.id()).orElseThrow().seatsTaken()).isEqualTo(1);
  }

  @Test
  void anOfferLeftToRunOutPassesToTheNextPersonAndLateOrCraftedClicksAreRefused() throws Exception {
    Mission workshop = fixtures.workshopInEsch(company, 1);
    commit(ANA, workshop);
    commit(BEN, workshop);
    commit(CARLA, workshop);
    answer(press(ANA, "commitment.cancel.confirm", Map.of("commitmentId", id(ANA, workshop))));
    dispatcher.dispatch();
    FakeSlackApi.Call first =
        slack.await(
            "chat.postMessage",
            c ->
                BEN.equals(c.param("channel"))
                    && c.param("text").contains("Une place vous attend")
                    // this offer's button, not an earlier one whose id merely contains it
                    && c.param("blocks")
                        .contains("commitmentId\\\":\\\"" + id(BEN, workshop) + "\\\""));
    Instant deadline = live(BEN, workshop).offerExpiresAt();

    // A minute before the deadline the job leaves it; at the deadline it passes it on.
    clock.set(deadline.minusSeconds(60));
    expiry.run();
    assertThat(live(BEN, workshop).status()).isEqualTo(CommitmentStatus.OFFERED);
    clock.set(deadline);
    assertThat(expiry.run()).isPositive();
    dispatcher.dispatch();
    assertThat(
            slack
                .await(
                    "chat.postMessage",
                    c ->
                        BEN.equals(c.param("channel"))
                            && c.param("text").contains("La place qui vous était proposée"))
                .param("text"))
        .contains("n'êtes plus sur la liste d'attente");
    FakeSlackApi.Call carlaTold =
        slack.await(
            "chat.postMessage",
            c -> CARLA.equals(c.param("channel")) && c.param("text").contains("Ein Platz für Sie"));
    Instant carlaDeadline = live(CARLA, workshop).offerExpiresAt();
    assertThat(carlaTold.param("text"))
        .contains(Wording.dateTime(carlaDeadline.atZone(ZoneId.of("Asia/Kolkata")), Locale.GERMAN));

    // Ben's old Accept button: the offer has run out.
    assertThat(answer(pressIn(BEN, first.param("blocks"), "offer.accept")))
        .contains("Cette proposition a expiré");
    // Ana crafts Carla's Accept button: not hers to accept.
    String crafted =
        press(
            ANA, "offer.accept", Map.of("commitmentId", Long.toString(live(CARLA, workshop).id())));
    assertThat(answer(crafted)).contains("Sorry");
    assertThat(live(CARLA, workshop).status()).isEqualTo(CommitmentStatus.OFFERED);

    // Carla sees it in her commitments, with Accept and Pass, and in the mission's seats.
    String mine = command(CARLA, "anmeldungen");
    assertThat(mine).contains("Platz angeboten, annehmen bis").contains("offer.accept");
    assertThat(
            answer(
                press(CARLA, "mission.details", Map.of("missionId", Long.toString(workshop.id())))))
        .contains("1 von 1 belegt, davon 1 der Warteliste angeboten");
    assertThat(command("U0WLADMIN", "roster " + workshop.id())).contains("offered a seat");

    // She passes (after confirming): nobody else waits, so the seat goes back to the mission.
    String asked = answer(pressIn(CARLA, carlaTold.param("blocks"), "offer.pass"));
    assertThat(asked).contains("Auf den Platz verzichten?");
    assertThat(answer(pressIn(CARLA, asked, "offer.pass.confirm"))).contains("Erledigt");
    Mission after = missions.find(company, workshop.id()).orElseThrow();
    assertThat(after.seatsTaken()).isZero();
    assertThat(after.status()).isEqualTo(MissionStatus.OPEN);
  }

  private Employee person(String slackId) {
    return people.identify(company, IdentityKind.SLACK, slackId).orElseThrow();
  }

  private Commitment live(String slackId, Mission m) {
    return commitments.live(company, m.id(), person(slackId).id()).orElseThrow();
  }

  private String id(String slackId, Mission m) {
    return Long.toString(live(slackId, m).id());
  }

  private String commit(String user, Mission m) throws Exception {
    return answer(press(user, "mission.commit", Map.of("missionId", Long.toString(m.id()))));
  }

  private String command(String user, String text) throws Exception {
    String name = "wl" + answers.incrementAndGet();
    assertThat(in.command(TEAM, user, text, name).statusCode()).isEqualTo(200);
    return answer(name);
  }

  /** Clicks a button with this action and data, as Slack sends the click. */
  private String press(String user, String action, Map<String, String> data) throws Exception {
    String name = "wl" + answers.incrementAndGet();
    in.interaction(in.blockAction(TEAM, user, action + "#0", data, name));
    return name;
  }

  /** Clicks the first button with this action in {@code blocks} (a message's or an answer's). */
  private String pressIn(String user, String blocks, String action) throws Exception {
    JsonNode tree = JSON.readTree(blocks);
    JsonNode list = tree.isArray() ? tree : tree.path("blocks");
    for (JsonNode block : list) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("action_id").asText().startsWith(action + "#")) {
          Map<String, String> data = new HashMap<>();
          JSON.readTree(e.path("value").asText("{}"))
              .properties()
              .forEach(p -> data.put(p.getKey(), p.getValue().asText()));
          return press(user, action, data);
        }
      }
    }
    throw new AssertionError("no " + action + " button in " + blocks);
  }

  /** What Tandem answered at the response URL {@code name}, as readable JSON. */
  private String answer(String name) throws Exception {
    return JSON.writeValueAsString(
        JSON.readTree(slack.await("/response/" + name, c -> true).body()));
  }
}
