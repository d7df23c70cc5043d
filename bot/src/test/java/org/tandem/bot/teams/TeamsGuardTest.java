package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * {@code /api/messages} against what does not come from Teams as Teams sends it: a token whose key
 * does not endorse the activity's channel (or an activity naming none), activities without a
 * tenant, with a NUL in an id, or no object at all; and later people adding Tandem in a tenant, by
 * every path an install arrives, never becoming its admin. Tokens are issued as the Bot Framework
 * issues them, by the local fake.
 */
@BotTest
class TeamsGuardTest {

  static final String APP_ID = "00000000-0000-0000-0000-00000000a7d5";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeBotConnector connector = new FakeBotConnector();

  @DynamicPropertySource
  static void teams(DynamicPropertyRegistry registry) {
    connector.configure(registry, APP_ID);
  }

  @AfterAll
  static void stop() {
    connector.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired org.tandem.core.support.Fixtures fixtures;

  TeamsActivities activities;
  String tenant;

  @BeforeEach
  void fresh() {
    activities = new TeamsActivities(port, APP_ID, connector, jdbc);
    connector.sent.clear();
    tenant = UUID.randomUUID().toString();
  }

  ObjectNode message(String aad, String text) {
    return activities.message(tenant, aad, aad, text);
  }

  ObjectNode installationUpdate(String aad, String conversationType) {
    return activities.installationUpdate(tenant, aad, aad, conversationType);
  }

  ObjectNode botAdded(String aad, String conversationType) {
    ObjectNode a = activities.activity("conversationUpdate", tenant, aad, aad, conversationType);
    a.putArray("membersAdded").addObject().put("id", "28:" + APP_ID);
    return a;
  }

  HttpResponse<String> post(String body) throws Exception {
    return activities.post(body, connector.token(APP_ID));
  }

  HttpResponse<String> post(JsonNode activity) throws Exception {
    return activities.post(activity);
  }

  boolean admin(String aad) {
    TenantId t = tenants.find(Platform.TEAMS, tenant).orElseThrow().id();
    Employee e = people.identify(t, IdentityKind.TEAMS, aad).orElseThrow();
    return e.has(Role.ADMIN);
  }

  int tenantsWithoutId() {
    return jdbc.sql("select count(*) from tenant where platform = 'TEAMS' and external_id = ''")
        .query(Integer.class)
        .single();
  }

  @Test
  void aTokenWhoseKeyDoesNotEndorseTheActivitysChannelOrNoChannelIsRefused() throws Exception {
    String aad = UUID.randomUUID().toString();
    ObjectNode webchat = message(aad, "help");
    webchat.put("channelId", "webchat");
    ObjectNode none = message(aad, "help");
    none.remove("channelId");
    ObjectNode blank = message(aad, "help");
    blank.put("channelId", "");
    for (ObjectNode a : List.of(webchat, none, blank)) {
      assertThat(post(a).statusCode()).isEqualTo(401);
    }
    assertThat(connector.sent).isEmpty();
    assertThat(tenants.find(Platform.TEAMS, tenant)).isEmpty();
    // The key endorses msteams: the same activity from Teams is answered.
    assertThat(post(message(aad, "help")).statusCode()).isEqualTo(200);
    assertThat(connector.sent).hasSize(1);
  }

  @Test
  void malformedActivitiesGet400WithNoDetailAndChangeNothing() throws Exception {
    String aad = UUID.randomUUID().toString();
    List<Consumer<ObjectNode>> breakages =
        List.of(
            a -> ((ObjectNode) a.get("conversation")).remove("tenantId"),
            a -> ((ObjectNode) a.get("from")).put("id", "29:ana\u0000"),
            a -> ((ObjectNode) a.get("from")).put("aadObjectId", aad + "\u0000"),
            a -> ((ObjectNode) a.get("conversation")).put("id", "a:\u0000"),
            a -> ((ObjectNode) a.get("conversation")).put("tenantId", tenant + "\u0000"),
            a -> a.put("text", "my year\u0000"),
            a -> a.put("id", ""),
            a -> a.remove("from"),
            a -> a.remove("conversation"));
    for (Consumer<ObjectNode> breakage : breakages) {
      ObjectNode a = message(aad, "help");
      breakage.accept(a);
      if (a.has("conversation") && !a.get("conversation").has("tenantId")) {
        ((ObjectNode) a.get("channelData")).remove("tenant");
      }
      HttpResponse<String> r = post(a);
      assertThat(r.statusCode()).as(a.toString()).isEqualTo(400);
      assertThat(r.body()).as(a.toString()).isEmpty();
    }
    for (String body : List.of("[1,2,3]", "\"text\"", "{\"type\":\"message\"")) {
      HttpResponse<String> r = post(body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(r.body()).as(body).isEmpty();
    }
    ObjectNode install = installationUpdate(aad, "personal");
    ((ObjectNode) install.get("conversation")).remove("tenantId");
    ((ObjectNode) install.get("channelData")).remove("tenant");
    assertThat(post(install).statusCode()).isEqualTo(400);

    assertThat(connector.sent).isEmpty();
    assertThat(tenants.find(Platform.TEAMS, tenant)).isEmpty();
    assertThat(tenantsWithoutId()).isZero();
  }

  @Test
  void onlyTheFirstPersonToAddTandemInAFreshTenantRunsItWhateverPathLaterInstallsTake()
      throws Exception {
    String first = UUID.randomUUID().toString();
    // Added to a team first: the team install arrives as both a conversationUpdate and an
    // installationUpdate in the team's channel.
    post(botAdded(first, "channel"));
    post(installationUpdate(first, "channel"));
    assertThat(admin(first)).isTrue();

    String personal = UUID.randomUUID().toString();
    post(installationUpdate(personal, "personal"));
    String viaConversationUpdate = UUID.randomUUID().toString();
    post(botAdded(viaConversationUpdate, "personal"));
    String team = UUID.randomUUID().toString();
    post(botAdded(team, "channel"));
    String chattedFirst = UUID.randomUUID().toString();
    post(message(chattedFirst, "help"));
    post(installationUpdate(chattedFirst, "personal"));
    ObjectNode onlyChannelData = installationUpdate(UUID.randomUUID().toString(), "personal");
    ((ObjectNode) onlyChannelData.get("conversation")).remove("tenantId");
    post(onlyChannelData);

    for (String later : List.of(personal, viaConversationUpdate, team, chattedFirst)) {
      assertThat(admin(later)).as(later).isFalse();
    }
    TenantId t = tenants.find(Platform.TEAMS, tenant).orElseThrow().id();
    assertThat(
            jdbc.sql("select count(*) from employee where tenant_id = ? and is_admin")
                .param(t.value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(connector.sent)
        .extracting(s -> s[1])
        .filteredOn(body -> body.contains("You run it for your company"))
        .isEmpty();
  }

  @Test
  void someoneAddingTandemWhereOthersAlreadyTalkToItDoesNotTakeItOver() throws Exception {
    String colleague = UUID.randomUUID().toString();
    post(message(colleague, "help"));
    String installer = UUID.randomUUID().toString();
    post(installationUpdate(installer, "personal"));
    assertThat(admin(installer)).isFalse();
    assertThat(admin(colleague)).isFalse();
  }

  @Test
  void aHostileMissionTitleReachesTeamsAsTextNotMarkdown() throws Exception {
    String aad = UUID.randomUUID().toString();
    post(message(aad, "help"));
    TenantId t = tenants.find(Platform.TEAMS, tenant).orElseThrow().id();
    Employee me = people.identify(t, IdentityKind.TEAMS, aad).orElseThrow();
    people.updateProfile(t, me.id(), fixtures.accountantInDifferdange(t).profile());
    var mission = fixtures.workshopInEsch(t, 3);
    jdbc.sql("update mission set title = ? where id = ?")
        .params(org.tandem.bot.support.Hostile.TITLE, mission.id())
        .update();
    connector.sent.clear();
    ObjectNode click = message(aad, "");
    click
        .putObject("value")
        .put("action", "mission.details")
        .put("missionId", Long.toString(mission.id()));
    assertThat(post(click).statusCode()).isEqualTo(200);
    JsonNode reply = JSON.readTree(connector.sent.get(connector.sent.size() - 1)[1]);
    assertThat(reply.path("textFormat").asText()).isEqualTo("plain");
    var texts =
        AdaptiveCardsEscapingTest.markdownTexts(
            reply.path("attachments"), new java.util.ArrayList<>());
    assertThat(texts).anyMatch(x -> x.contains("\\[Win a prize\\]\\(https://evil.example/x\\)"));
    for (String x : texts) {
      assertThat(x.replaceAll("\\\\.", "")).doesNotContain("[").doesNotContain("](");
    }
  }

  @Test
  void withTheMetadataDownThirtyUnknownKeyIdsMakeAtMostOneFetch() throws Exception {
    String aad = UUID.randomUUID().toString();
    connector.metadataDown.set(true);
    try {
      int before = connector.metadataFetches.get();
      for (int i = 0; i < 30; i++) {
        String token =
            FakeBotConnector.token(
                FakeBotConnector.key("unknown-" + i),
                "https://api.botframework.com",
                APP_ID,
                java.time.Instant.now().plusSeconds(600),
                connector.serviceUrl());
        HttpResponse<String> r = activities.post(message(aad, "help"), token);
        assertThat(r.statusCode()).isEqualTo(401);
      }
      assertThat(connector.metadataFetches.get() - before).isLessThanOrEqualTo(1);
      // Tokens of the known key still pass: its keys are kept.
      assertThat(post(message(aad, "help")).statusCode()).isEqualTo(200);
    } finally {
      connector.metadataDown.set(false);
    }
  }
}
