package org.tandem.bot.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.scim.ScimSupport.entraUser;
import static org.tandem.bot.scim.ScimSupport.patchOp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.scim.ScimSupport.Answer;
import org.tandem.bot.support.BotTest;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.people.ProvisioningTokens;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * What SCIM refuses, with a SCIM error body and the right status, changing nothing: no token, a
 * wrong or replaced token (401), another company's ids (404), a second userName (409 uniqueness),
 * malformed bodies (400 invalidSyntax / invalidValue); and Groups (501).
 */
@BotTest
class ScimRequestsRefusedTest {

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired ProvisioningTokens tokens;
  @Autowired JdbcClient jdbc;

  record Company(TenantId id, Employee admin, ScimSupport idp, String domain) {}

  Company company() {
    String team = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    String domain = team.toLowerCase(Locale.ROOT) + ".example";
    TenantId id = tenants.findOrCreate(Platform.SLACK, team, "Co " + team, "LU").id();
    Employee admin =
        people.enrol(
            id,
            IdentityKind.SLACK,
            "U0ADMIN",
            new NewPerson("Admin", "admin@" + domain, Locale.ENGLISH, ZoneId.of("UTC")));
    admin = people.installedBy(id, admin.id());
    return new Company(
        id, admin, new ScimSupport(port, tokens.issue(id, admin.id()).value()), domain);
  }

  static void scimError(Answer a, int status, String scimType) {
    assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(status);
    assertThat(a.type()).startsWith("application/scim+json");
    assertThat(a.body().at("/schemas/0").asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(a.body().path("status").isTextual()).isTrue();
    assertThat(a.body().path("status").asText()).isEqualTo(Integer.toString(status));
    if (scimType != null) {
      assertThat(a.body().path("scimType").asText()).isEqualTo(scimType);
    }
    assertThat(a.body().path("detail").asText()).isNotBlank();
  }

  int accounts(TenantId id) {
    return jdbc.sql("select count(*) from scim_user where tenant_id = ?")
        .param(id.value())
        .query(Integer.class)
        .single();
  }

  @Test
  void noTokenAWrongTokenOrAReplacedTokenGets401AndChangesNothing() throws Exception {
    Company acme = company();
    String body = entraUser("x@" + acme.domain(), "x@" + acme.domain(), "X", "Y");
    for (ScimSupport intruder :
        List.of(
            acme.idp().withToken(null),
            acme.idp().withToken("wrong"),
            acme.idp().withToken(acme.idp().token + "x"),
            acme.idp().withToken(""))) {
      scimError(intruder.post("/Users", body), 401, null);
      scimError(intruder.get("/Users"), 401, null);
      scimError(intruder.get("/ServiceProviderConfig"), 401, null);
    }
    Answer basic =
        new ScimSupport(port, null)
            .send("GET", "/Users", null); // no Authorization at all, as above, for the header
    assertThat(basic.raw().headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer");
    assertThat(accounts(acme.id())).isZero();

    String old = acme.idp().token;
    String fresh = tokens.issue(acme.id(), acme.admin().id()).value();
    assertThat(fresh).isNotEqualTo(old);
    scimError(acme.idp().post("/Users", body), 401, null);
    assertThat(acme.idp().withToken(fresh).post("/Users", body).status()).isEqualTo(201);
    String stored =
        jdbc.sql("select encode(token_hash, 'hex') from scim_token where tenant_id = ?")
            .param(acme.id().value())
            .query(String.class)
            .single();
    assertThat(stored).hasSize(64).doesNotContain(fresh);
  }

  @Test
  void anotherCompanysIdsAreNotFoundAndUntouched() throws Exception {
    Company acme = company();
    Company globex = company();
    Answer ana =
        acme.idp()
            .post("/Users", entraUser("ana@" + acme.domain(), "ana@" + acme.domain(), "Ana", "L"));
    String id = ana.id();
    scimError(globex.idp().get("/Users/" + id), 404, null);
    scimError(
        globex
            .idp()
            .patch(
                "/Users/" + id,
                patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")),
        404,
        null);
    scimError(
        globex
            .idp()
            .put(
                "/Users/" + id,
                entraUser("z@" + globex.domain(), "z@" + globex.domain(), "Z", "Z")),
        404,
        null);
    scimError(globex.idp().delete("/Users/" + id), 404, null);
    assertThat(globex.idp().get("/Users").body().path("totalResults").asInt()).isZero();
    // A manager from another company is no manager here.
    Answer boss =
        globex
            .idp()
            .post(
                "/Users",
                entraUser("boss@" + globex.domain(), "boss@" + globex.domain(), "B", "B"));
    scimError(
        acme.idp()
            .patch(
                "/Users/" + id,
                patchOp("{\"op\":\"add\",\"path\":\"manager\",\"value\":\"" + boss.id() + "\"}")),
        400,
        "invalidValue");
    Answer still = acme.idp().get("/Users/" + id);
    assertThat(still.body().path("active").asBoolean()).isTrue();
    assertThat(still.body().path("userName").asText()).isEqualTo("ana@" + acme.domain());
    scimError(acme.idp().get("/Users/not-a-uuid"), 404, null);
  }

  @Test
  void aSecondUserNameIsAConflictAndMalformedBodiesAreRefused() throws Exception {
    Company acme = company();
    String ana = "ana@" + acme.domain();
    Answer first = acme.idp().post("/Users", entraUser(ana, ana, "Ana", "L"));
    assertThat(first.status()).isEqualTo(201);
    scimError(
        acme.idp()
            .post(
                "/Users",
                entraUser(ana.toUpperCase(Locale.ROOT), "other@" + acme.domain(), "A", "B")),
        409,
        "uniqueness");
    scimError(
        acme.idp().post("/Users", entraUser("ana2@" + acme.domain(), ana, "A", "B")),
        409,
        "uniqueness");
    Answer bob =
        acme.idp()
            .post("/Users", entraUser("bob@" + acme.domain(), "bob@" + acme.domain(), "Bob", "B"));
    scimError(
        acme.idp()
            .patch(
                "/Users/" + bob.id(),
                patchOp("{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"" + ana + "\"}")),
        409,
        "uniqueness");
    assertThat(accounts(acme.id())).isEqualTo(2);

    scimError(acme.idp().post("/Users", "{\"userName\": "), 400, "invalidSyntax");
    scimError(acme.idp().post("/Users", "[1, 2]"), 400, "invalidSyntax");
    scimError(acme.idp().post("/Users", ""), 400, "invalidSyntax");
    scimError(
        acme.idp().post("/Users", "{\"displayName\": \"No user name\"}"), 400, "invalidValue");
    scimError(
        acme.idp()
            .post("/Users", "{\"userName\": \"c@" + acme.domain() + "\", \"active\": \"maybe\"}"),
        400,
        "invalidValue");
    scimError(
        acme.idp()
            .post(
                "/Users",
                "{\"userName\": \"c@"
                    + acme.domain()
                    + "\", \"emails\": [{\"value\": \"not an email\"}]}"),
        400,
        "invalidValue");
    scimError(acme.idp().post("/Users", "{\"userName\": {\"nested\": true}}"), 400, "invalidValue");
    scimError(acme.idp().patch("/Users/" + bob.id(), "{\"schemas\": []}"), 400, "invalidSyntax");
    scimError(
        acme.idp()
            .patch(
                "/Users/" + bob.id(),
                patchOp("{\"op\":\"move\",\"path\":\"userName\",\"value\":\"x\"}")),
        400,
        "invalidSyntax");
    scimError(
        acme.idp()
            .patch("/Users/" + bob.id(), patchOp("{\"op\":\"remove\",\"path\":\"userName\"}")),
        400,
        "invalidValue");
    scimError(
        acme.idp()
            .patch(
                "/Users/" + bob.id(),
                patchOp("{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}")),
        400,
        "invalidPath");
    scimError(acme.idp().get("/Users?count=ten"), 400, "invalidValue");
    assertThat(accounts(acme.id())).isEqualTo(2);
    assertThat(acme.idp().get("/Users/" + bob.id()).body().path("userName").asText())
        .isEqualTo("bob@" + acme.domain());
  }

  @Test
  void groupsAre501AndDiscoveryDescribesTheSubset() throws Exception {
    Company acme = company();
    scimError(acme.idp().get("/Groups"), 501, null);
    scimError(acme.idp().post("/Groups", "{\"displayName\": \"Sales\"}"), 501, null);
    Answer config = acme.idp().get("/ServiceProviderConfig");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body().at("/patch/supported").asBoolean()).isTrue();
    assertThat(config.body().at("/filter/supported").asBoolean()).isTrue();
    assertThat(config.body().at("/bulk/supported").asBoolean()).isFalse();
    assertThat(config.body().at("/authenticationSchemes/0/type").asText())
        .isEqualTo("oauthbearertoken");
    Answer types = acme.idp().get("/ResourceTypes");
    assertThat(types.body().at("/Resources/0/endpoint").asText()).isEqualTo("/Users");
    Answer schemas = acme.idp().get("/Schemas");
    assertThat(schemas.body().path("totalResults").asInt()).isEqualTo(2);
    Answer enterprise =
        acme.idp().get("/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    assertThat(enterprise.body().toString()).contains("department").contains("manager");
    scimError(acme.idp().get("/Schemas/urn:nothing"), 404, null);
    scimError(acme.idp().get("/Bulk"), 404, null);

    // application/json is accepted both ways.
    HttpResponse<String> json =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scim/v2/Users"))
                    .header("Authorization", "Bearer " + acme.idp().token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            entraUser("j@" + acme.domain(), "j@" + acme.domain(), "J", "J")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).isEqualTo(201);
    assertThat(json.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
  }
}
