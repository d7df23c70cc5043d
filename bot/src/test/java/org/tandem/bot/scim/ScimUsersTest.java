package org.tandem.bot.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.scim.ScimSupport.entraUser;
import static org.tandem.bot.scim.ScimSupport.patchOp;
import static org.tandem.bot.scim.ScimSupport.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
 * SCIM Users through the real {@code /scim/v2} endpoint on PostgreSQL, with the request shapes
 * Microsoft documents for Entra ID provisioning and Okta's SCIM 2.0 guide, in a company made by an
 * install (no demo data): each test has a company of its own.
 */
@BotTest
class ScimUsersTest {

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired ProvisioningTokens tokens;
  @Autowired JdbcClient jdbc;

  TenantId company;
  Employee admin;
  ScimSupport idp;
  String domain;

  @BeforeEach
  void installedCompany() {
    String team = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    domain = team.toLowerCase(Locale.ROOT) + ".example";
    company = tenants.findOrCreate(Platform.SLACK, team, "Scim Co " + team, "LU").id();
    admin =
        people.enrol(
            company,
            IdentityKind.SLACK,
            "U0ADMIN",
            new NewPerson(
                "Claire Weber", "claire@" + domain, Locale.FRENCH, ZoneId.of("Europe/Luxembourg")));
    admin = people.installedBy(company, admin.id());
    idp = new ScimSupport(port, tokens.issue(company, admin.id()).value());
  }

  Answer create(String userName) throws Exception {
    Answer a = idp.post("/Users", entraUser(userName, userName, "Given", "Family"));
    assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201);
    return a;
  }

  @Test
  void entraCreatesFindsUpdatesDisablesAndDeletesAUser() throws Exception {
    String userName = "Test_User_" + UUID.randomUUID() + "@" + domain;
    Answer created = idp.post("/Users", entraUser(userName, userName, "Léa", "Muller"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.type()).startsWith("application/scim+json");
    String id = created.id();
    assertThat(created.raw().headers().firstValue("Location").orElseThrow())
        .endsWith("/scim/v2/Users/" + id);
    JsonNode u = created.body();
    assertThat(u.path("userName").asText()).isEqualTo(userName);
    assertThat(u.path("displayName").asText()).isEqualTo("Léa Muller");
    assertThat(u.at("/emails/0/value").asText()).isEqualTo(userName);
    assertThat(u.path("active").asBoolean()).isTrue();
    assertThat(u.at("/meta/resourceType").asText()).isEqualTo("User");
    assertThat(u.at("/meta/location").asText()).endsWith("/Users/" + id);

    // Entra's "Get User by query" and the query with zero results.
    Answer found = idp.get("/Users?filter=" + q("userName eq \"" + userName.toUpperCase() + "\""));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body().at("/schemas/0").asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(found.body().path("totalResults").asInt()).isEqualTo(1);
    assertThat(found.body().at("/Resources/0/id").asText()).isEqualTo(id);
    Answer none = idp.get("/Users?filter=" + q("userName eq \"nobody@" + domain + "\""));
    assertThat(none.body().path("totalResults").asInt()).isZero();
    assertThat(none.body().path("Resources").size()).isZero();
    Answer byExternal =
        idp.get("/Users?filter=" + q("externalId eq \"" + u.path("externalId").asText() + "\""));
    assertThat(byExternal.body().at("/Resources/0/id").asText()).isEqualTo(id);

    // "Update User [Multi-valued properties]" and "[Single-valued properties]".
    String email = "updated-" + UUID.randomUUID() + "@" + domain;
    Answer patched =
        idp.patch(
            "/Users/" + id,
            patchOp(
                """
                {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "%s"},
                {"op": "Replace", "path": "name.familyName", "value": "Schmit"},
                {"op": "Replace", "path": "userName", "value": "%s"}"""
                    .formatted(email, email)));
    assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
    assertThat(patched.body().at("/emails/0/value").asText()).isEqualTo(email);
    assertThat(patched.body().at("/name/familyName").asText()).isEqualTo("Schmit");
    assertThat(patched.body().path("userName").asText()).isEqualTo(email);
    Employee person = people.byEmail(company, email).orElseThrow();
    assertThat(person.email()).isEqualTo(email);

    // "Disable User", with the value as Entra's older flow sends it: the string "False".
    Answer disabled =
        idp.patch(
            "/Users/" + id,
            patchOp("{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"False\"}"));
    assertThat(disabled.body().path("active").asBoolean()).isFalse();
    assertThat(people.find(company, person.id()).orElseThrow().active()).isFalse();
    Answer enabled =
        idp.patch(
            "/Users/" + id,
            patchOp("{\"op\": \"replace\", \"path\": \"Active\", \"value\": true}"));
    assertThat(enabled.body().path("active").asBoolean()).isTrue();
    assertThat(people.find(company, person.id()).orElseThrow().active()).isTrue();

    // "Delete User": 204, then the resource is gone.
    assertThat(idp.delete("/Users/" + id).status()).isEqualTo(204);
    Answer gone = idp.get("/Users/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body().path("status").asText()).isEqualTo("404");
    assertThat(gone.body().at("/schemas/0").asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(idp.delete("/Users/" + id).status()).isEqualTo(404);
    assertThat(people.find(company, person.id()).orElseThrow().active()).isFalse();
  }

  @Test
  void oktaCreatesDeactivatesWithAPathlessPatchAndReplacesWithPut() throws Exception {
    String userName = "test.user-" + UUID.randomUUID() + "@" + domain;
    String okta =
        """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
         "userName": "%s",
         "name": {"givenName": "Test", "familyName": "User"},
         "emails": [{"primary": true, "value": "%s", "type": "work"}],
         "displayName": "Test User", "locale": "de-DE", "externalId": "00ujl29u0le5T6Aj10h7",
         "groups": [], "password": "1mz050nq", "active": true}"""
            .formatted(userName, userName);
    Answer created = idp.post("/Users", okta);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("preferredLanguage").asText()).isEqualTo("de");
    assertThat(created.body().toString()).doesNotContain("1mz050nq");
    String id = created.id();

    Answer page =
        idp.get(
            "/Users?filter=" + q("userName eq \"" + userName + "\"") + "&startIndex=1&count=100");
    assertThat(page.body().path("totalResults").asInt()).isEqualTo(1);

    Answer deactivated =
        idp.patch("/Users/" + id, patchOp("{\"op\": \"replace\", \"value\": {\"active\": false}}"));
    assertThat(deactivated.status()).isEqualTo(200);
    assertThat(deactivated.body().path("active").asBoolean()).isFalse();

    Answer replaced =
        idp.put(
            "/Users/" + id,
            okta.replace("\"Test User\"", "\"Test Renamed\"")
                .replace("\"active\": true", "\"active\": true"));
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.body().path("displayName").asText()).isEqualTo("Test Renamed");
    assertThat(replaced.body().path("active").asBoolean()).isTrue();
    assertThat(idp.get("/Users/" + id).body().path("displayName").asText())
        .isEqualTo("Test Renamed");
  }

  @Test
  void departmentSiteCountryAndManagerFollowTheEnterpriseExtensionAndWorkAddress()
      throws Exception {
    String boss = create("boss@" + domain).id();
    String id = create("ana@" + domain).id();
    String ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    Answer a =
        idp.patch(
            "/Users/" + id,
            patchOp(
                """
                {"op": "Add", "path": "%s:department", "value": "Finance"},
                {"op": "Add", "path": "%s:manager", "value": "%s"},
                {"op": "Add", "path": "addresses[type eq \\"work\\"].locality", "value": "Esch-sur-Alzette"},
                {"op": "Add", "path": "addresses[type eq \\"work\\"].country", "value": "lu"}"""
                    .formatted(ext, ext, boss)));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    assertThat(a.body().at("/" + ext.replace("/", "~1") + "/department").asText())
        .isEqualTo("Finance");
    assertThat(a.body().path(ext).at("/manager/value").asText()).isEqualTo(boss);
    assertThat(a.body().at("/addresses/0/locality").asText()).isEqualTo("Esch-sur-Alzette");
    assertThat(a.body().at("/addresses/0/country").asText()).isEqualTo("LU");
    Employee ana = people.byEmail(company, "ana@" + domain).orElseThrow();
    Employee bossPerson = people.byEmail(company, "boss@" + domain).orElseThrow();
    assertThat(ana.department()).isEqualTo("Finance");
    assertThat(ana.site()).isEqualTo("Esch-sur-Alzette");
    assertThat(ana.country()).isEqualTo("LU");
    assertThat(ana.managerId()).isEqualTo(bossPerson.id());

    // The directory's rules hold here too: no manager loop, nobody their own manager.
    for (String loop : List.of(id, boss)) {
      Answer refused =
          idp.patch(
              "/Users/" + boss,
              patchOp(
                  "{\"op\": \"add\", \"path\": \"manager\", \"value\": \"%s\"}".formatted(loop)));
      assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
      assertThat(refused.body().path("scimType").asText()).isEqualTo("invalidValue");
    }
    assertThat(people.find(company, bossPerson.id()).orElseThrow().managerId()).isNull();

    // Other shapes of the manager: {"value": id}, [{"value": id}], a path-less value; removal.
    String other = create("other@" + domain).id();
    for (String value :
        List.of("{\"value\": \"" + other + "\"}", "[{\"value\": \"" + boss + "\"}]")) {
      Answer m =
          idp.patch(
              "/Users/" + id,
              patchOp(
                  "{\"op\": \"replace\", \"path\": \"manager\", \"value\": %s}".formatted(value)));
      assertThat(m.status()).as(m.body().toString()).isEqualTo(200);
    }
    assertThat(people.find(company, ana.id()).orElseThrow().managerId()).isEqualTo(bossPerson.id());
    // Okta sends what its profile holds: the manager's userName (or externalId) is understood too.
    idp.patch(
        "/Users/" + id,
        patchOp(
            "{\"op\": \"replace\", \"path\": \"manager.value\", \"value\": \"OTHER@%s\"}"
                .formatted(domain)));
    assertThat(people.find(company, ana.id()).orElseThrow().managerId())
        .isEqualTo(people.byEmail(company, "other@" + domain).orElseThrow().id());
    Answer pathless =
        idp.patch(
            "/Users/" + id,
            patchOp(
                "{\"op\": \"Replace\", \"value\": {\"%s\": {\"department\": \"Legal\"}, \"name.givenName\": \"Ana\"}}"
                    .formatted(ext)));
    assertThat(pathless.body().path(ext).path("department").asText()).isEqualTo("Legal");
    assertThat(pathless.body().at("/name/givenName").asText()).isEqualTo("Ana");
    Answer removed =
        idp.patch(
            "/Users/" + id,
            patchOp("{\"op\": \"Remove\", \"path\": \"%s:manager\"}".formatted(ext)));
    assertThat(removed.body().path(ext).has("manager")).isFalse();
    assertThat(people.find(company, ana.id()).orElseThrow().managerId()).isNull();

    // Refused values change nothing: an unknown manager, a country that is no code.
    Answer unknown =
        idp.patch(
            "/Users/" + id,
            patchOp(
                """
                {"op": "replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "Sales"},
                {"op": "replace", "path": "manager", "value": "%s"}"""
                    .formatted(UUID.randomUUID())));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("scimType").asText()).isEqualTo("invalidValue");
    Answer country =
        idp.patch(
            "/Users/" + id,
            patchOp(
                "{\"op\": \"replace\", \"path\": \"addresses[type eq \\\"work\\\"].country\", \"value\": \"Luxembourg\"}"));
    assertThat(country.status()).isEqualTo(400);
    assertThat(country.body().path("scimType").asText()).isEqualTo("invalidValue");
    Employee after = people.find(company, ana.id()).orElseThrow();
    assertThat(after.department()).isEqualTo("Legal");
    assertThat(after.country()).isEqualTo("LU");
  }

  @Test
  void filtersPagesAndAttributes() throws Exception {
    List<String> ids = new ArrayList<>();
    for (String name : List.of("anna", "annie", "bob", "carla", "dora", "emil", "frank")) {
      ids.add(create(name + "@" + domain).id());
    }
    assertThat(total("userName sw \"ann\"")).isEqualTo(2);
    assertThat(total("emails.value co \"or\"")).isEqualTo(1);
    assertThat(total("emails[type eq \"work\"].value eq \"BOB@" + domain + "\"")).isEqualTo(1);
    assertThat(
            total("(userName sw \"ann\" or userName eq \"bob@" + domain + "\") and active eq true"))
        .isEqualTo(3);
    assertThat(total("USERNAME Sw \"a\" AND displayName co \"given\"")).isEqualTo(2);
    assertThat(total("externalId pr")).isEqualTo(7);
    assertThat(total("userName co \"%\"")).isZero();

    Answer all = idp.get("/Users?startIndex=3&count=2");
    assertThat(all.body().path("totalResults").asInt()).isEqualTo(7);
    assertThat(all.body().path("startIndex").asInt()).isEqualTo(3);
    assertThat(all.body().path("itemsPerPage").asInt()).isEqualTo(2);
    assertThat(all.body().at("/Resources/0/id").asText()).isEqualTo(ids.get(2));
    assertThat(all.body().at("/Resources/1/id").asText()).isEqualTo(ids.get(3));
    Answer counted = idp.get("/Users?count=0");
    assertThat(counted.body().path("totalResults").asInt()).isEqualTo(7);
    assertThat(counted.body().path("Resources").size()).isZero();

    Answer some = idp.get("/Users/" + ids.get(0) + "?attributes=userName,name.givenName");
    assertThat(some.body().has("id")).isTrue();
    assertThat(some.body().has("userName")).isTrue();
    assertThat(some.body().at("/name/givenName").asText()).isEqualTo("Given");
    assertThat(some.body().path("name").has("familyName")).isFalse();
    assertThat(some.body().has("emails")).isFalse();
    Answer without = idp.get("/Users?excludedAttributes=emails,meta&count=1");
    assertThat(without.body().at("/Resources/0").has("emails")).isFalse();
    assertThat(without.body().at("/Resources/0").has("meta")).isFalse();
    assertThat(without.body().at("/Resources/0").has("userName")).isTrue();

    for (String bad :
        List.of(
            "userName gt \"a\"",
            "title eq \"x\"",
            "userName eq",
            "(userName eq \"a\"",
            "userName eq unquoted")) {
      Answer refused = idp.get("/Users?filter=" + q(bad));
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.body().path("scimType").asText()).as(bad).isEqualTo("invalidFilter");
    }
  }

  int total(String filter) throws Exception {
    Answer a = idp.get("/Users?filter=" + q(filter));
    assertThat(a.status()).as(filter + " " + a.body()).isEqualTo(200);
    return a.body().path("totalResults").asInt();
  }
}
