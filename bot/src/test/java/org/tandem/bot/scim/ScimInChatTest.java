package org.tandem.bot.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.scim.ScimSupport.patchOp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.scim.ScimSupport.Answer;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackRequests;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * SCIM seen from the chat: a Slack admin of a freshly installed workspace gets the token with
 * {@code admin scim}; people provisioned first are recognised by email on their first message in
 * Slack ({@code users.info}) and Teams (the connector's member); a deactivated person is told, in
 * their language, that Tandem is not available to them; a deleted and re-provisioned person finds
 * their history.
 */
@BotTest
class ScimInChatTest {

  static final String SECRET = "scim-signing-secret";
  static final String TEAM = "T0SCIMCO";
  static final String APP_ID = "00000000-0000-0000-0000-0000000005c1";
  static final FakeSlackApi slack = new FakeSlackApi(TEAM);
  static final FakeBotConnector connector = new FakeBotConnector();
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern TOKEN = Pattern.compile("tdm_scim_[A-Za-z0-9_-]{43}");

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    slack.configure(registry, SECRET, "xoxb-scim-token");
    registry.add("TANDEM_ADMINS", () -> "U0SCIMADM");
    connector.configure(registry, APP_ID);
    registry.add("TANDEM_PUBLIC_URL", () -> "https://tandem.scimco.example/");
  }

  @AfterAll
  static void stop() {
    slack.close();
    connector.close();
  }

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  String say(String user, String text) throws Exception {
    String response = "r-" + UUID.randomUUID();
    new SlackRequests(port, SECRET, slack).command(TEAM, user, text, response);
    return slack.await("/response/" + response, c -> true).body();
  }

  String token(String answer) {
    Matcher m = TOKEN.matcher(answer);
    assertThat(m.find()).as(answer).isTrue();
    return m.group();
  }

  @Test
  void anAdminGetsTheUrlAndATokenOnceInACodeSpanAndSayingItAgainReplacesIt() throws Exception {
    slack.user("U0SCIMADM", "Claire Weber", "fr-FR", "Europe/Luxembourg", "claire@scimco.example");
    String answer = say("U0SCIMADM", "admin scim");
    String token = token(answer);
    JsonNode blocks = JSON.readTree(answer).path("blocks");
    assertThat(blocks.toString())
        .contains("`" + token + "`")
        .contains("https://tandem.scimco.example/scim/v2")
        .contains("Jeton secret");
    ScimSupport idp = new ScimSupport(port, token);
    assertThat(idp.get("/Users").status()).isEqualTo(200);

    // Someone who is no admin is refused and the token stays.
    slack.user("U0SCIMEMP", "Marc Kieffer", "en-US", "Europe/Luxembourg", "marc@scimco.example");
    assertThat(say("U0SCIMEMP", "admin scim"))
        .contains("only an admin")
        .doesNotContain("tdm_scim_");
    assertThat(idp.get("/Users").status()).isEqualTo(200);

    // Said again (in German this time, the same words): a new token, the old one stops working.
    String again = token(say("U0SCIMADM", "admin scim"));
    assertThat(again).isNotEqualTo(token);
    assertThat(idp.get("/Users").status()).isEqualTo(401);
    assertThat(idp.withToken(again).get("/Users").status()).isEqualTo(200);
    assertThat(say("U0SCIMADM", "admin audit")).contains("jeton SCIM");
    TenantId company = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    assertThat(
            jdbc.sql("select count(*) from admin_audit where tenant_id = ? and detail::text like ?")
                .params(company.value(), "%" + again + "%")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void provisionedPeopleAreRecognisedByEmailAndDeactivatedOnesAreToldPolitely() throws Exception {
    slack.user("U0SCIMADM", "Claire Weber", "fr-FR", "Europe/Luxembourg", "claire@scimco.example");
    ScimSupport idp = new ScimSupport(port, token(say("U0SCIMADM", "admin scim")));
    TenantId company = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String lea = "lea-" + suffix + "@scimco.example";
    Answer created =
        idp.post(
            "/Users",
            """
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName": "%s", "externalId": "lea-%s", "preferredLanguage": "fr-FR",
             "name": {"givenName": "Léa", "familyName": "Schmit"},
             "emails": [{"type": "work", "value": "%s", "primary": true}],
             "addresses": [{"type": "work", "locality": "Belval", "country": "LU"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Finance"}}"""
                .formatted(lea, suffix, lea));
    assertThat(created.status()).isEqualTo(201);
    Employee provisioned = people.byEmail(company, lea).orElseThrow();

    // Her first message in Slack: users.info gives her email, and she is the person provisioned.
    String slackUser = "U0LEA" + suffix.toUpperCase();
    slack.user(slackUser, "Lea S.", "en-US", "Europe/Luxembourg", lea);
    say(slackUser, "help");
    Employee inSlack = people.identify(company, IdentityKind.SLACK, slackUser).orElseThrow();
    assertThat(inSlack.id()).isEqualTo(provisioned.id());
    assertThat(inSlack.department()).isEqualTo("Finance");
    assertThat(inSlack.site()).isEqualTo("Belval");
    assertThat(inSlack.displayName()).isEqualTo("Léa Schmit");

    // Deactivated: whatever she sends, she is told politely, in French, and nothing else.
    idp.patch(
        "/Users/" + created.id(),
        patchOp("{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"False\"}"));
    assertThat(say(slackUser, "missions")).contains("Tandem ne vous est plus accessible");
    assertThat(say(slackUser, "mon année")).contains("Tandem ne vous est plus accessible");

    // Deleted, then provisioned again with the same userName: a new resource, the same person.
    assertThat(idp.delete("/Users/" + created.id()).status()).isEqualTo(204);
    assertThat(idp.get("/Users/" + created.id()).status()).isEqualTo(404);
    Answer again = idp.post("/Users", ScimSupport.entraUser(lea, lea, "Léa", "Schmit"));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.id()).isNotEqualTo(created.id());
    Employee back = people.byEmail(company, lea).orElseThrow();
    assertThat(back.id()).isEqualTo(provisioned.id());
    assertThat(back.active()).isTrue();
    assertThat(say(slackUser, "aide"))
        .contains("Bonjour, je suis Tandem")
        .doesNotContain("plus accessible");
  }

  @Test
  void aTeamsUserProvisionedFirstIsFoundByTheEmailTheConnectorGives() throws Exception {
    slack.user("U0SCIMADM", "Claire Weber", "fr-FR", "Europe/Luxembourg", "claire@scimco.example");
    TenantId company = tenants.find(Platform.SLACK, TEAM).orElseThrow().id();
    // A Teams tenant of its own, installed by its first user, holding its own token.
    String aadTenant = UUID.randomUUID().toString();
    TeamsActivities teams = new TeamsActivities(port, APP_ID, connector, jdbc);
    String installer = "inst-" + UUID.randomUUID().toString().substring(0, 6);
    teams.post(teams.installationUpdate(aadTenant, installer, aadOf(installer), "personal"));
    TenantId teamsCompany = tenants.find(Platform.TEAMS, aadTenant).orElseThrow().id();
    assertThat(teamsCompany).isNotEqualTo(company);
    String teamsToken =
        token(JSON.writeValueAsString(teamsSays(teams, aadTenant, installer, "admin scim")));
    ScimSupport idp = new ScimSupport(port, teamsToken);

    String user = "ben-" + UUID.randomUUID().toString().substring(0, 6);
    Answer created =
        idp.post(
            "/Users",
            ScimSupport.entraUser(
                user + "@contoso.example", user + "@contoso.example", "Ben", "Weis"));
    assertThat(created.status()).isEqualTo(201);
    teamsSays(teams, aadTenant, user, "help");
    Employee ben = people.identify(teamsCompany, IdentityKind.TEAMS, aadOf(user)).orElseThrow();
    assertThat(ben.email()).isEqualTo(user + "@contoso.example");
    assertThat(ben.displayName()).isEqualTo("Ben Weis");
    assertThat(ben.has(Role.ADMIN)).isFalse();

    idp.patch(
        "/Users/" + created.id(), patchOp("{\"op\":\"replace\",\"value\":{\"active\":false}}"));
    assertThat(teamsSays(teams, aadTenant, user, "missions").toString())
        .contains("Tandem is not available to you");
  }

  /** What Tandem sent in Teams in answer to {@code text} from {@code user}. */
  JsonNode teamsSays(TeamsActivities teams, String tenant, String user, String text)
      throws Exception {
    int before = connector.sent.size();
    teams.post(teams.message(tenant, user, aadOf(user), text));
    StringBuilder all = new StringBuilder("[");
    for (String[] s : connector.sent.subList(before, connector.sent.size())) {
      if (s[0].contains("conv-" + user)) {
        all.append(all.length() > 1 ? "," : "").append(s[1]);
      }
    }
    return JSON.readTree(all.append("]").toString());
  }

  private final java.util.Map<String, String> aads = new java.util.concurrent.ConcurrentHashMap<>();

  String aadOf(String user) {
    return aads.computeIfAbsent(user, u -> UUID.randomUUID().toString());
  }
}
