package org.tandem.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.tandem.core.tenants.TenantId;

/**
 * Reaches a person of a Teams tenant who never opened Tandem: the Bot Framework may message only
 * people for whom the app is installed, so Tandem installs itself in their personal scope through
 * Microsoft Graph ({@code POST /users/{aadObjectId}/teamwork/installedApps}, application permission
 * {@code TeamsAppInstallation.ReadWriteSelfForUser.All}, a client-credentials token of the bot's
 * app for their tenant), then opens the one-to-one conversation ({@code POST /v3/conversations})
 * and remembers it. When the tenant refuses (403: not granted) or the person has no Azure AD id,
 * that is recorded ({@code teams_app_install}) so the message routed elsewhere can say why. Every
 * call has connect and read timeouts and runs outside any transaction.
 */
class TeamsAppInstaller {

  private static final Logger log = LoggerFactory.getLogger(TeamsAppInstaller.class);

  /** Where Graph, its sign-in and the app's catalog entry are; read from the environment. */
  record GraphSettings(String graphUrl, String loginUrl, String catalogAppId, String serviceUrl) {

    static GraphSettings from(Environment env) {
      return new GraphSettings(
          strip(env.getProperty("TEAMS_GRAPH_URL", "https://graph.microsoft.com/v1.0")),
          strip(env.getProperty("TEAMS_LOGIN_URL", "https://login.microsoftonline.com")),
          env.getProperty("TEAMS_CATALOG_APP_ID", ""),
          env.getProperty("TEAMS_SERVICE_URL", "https://smba.trafficmanager.net/teams/"));
    }

    private static String strip(String url) {
      return url.replaceAll("/+$", "");
    }
  }

  /** What trying to reach the person gave. */
  sealed interface Reach {
    /** Installed (or already there): the conversation to write in. */
    record Reached(ConversationReferences.Reference reference) implements Reach {}

    /** Not a person Tandem can install itself for: another channel, or nobody, reaches them. */
    record Unreachable() implements Reach {}

    /** Graph or the connector failed for now: the outbox tries again later. */
    record Failed() implements Reach {}
  }

  private final TeamsSettings teams;
  private final GraphSettings graph;
  private final RestClient http;
  private final BotConnector connector;
  private final ConversationReferences references;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, Instant expires) {}

  TeamsAppInstaller(
      TeamsSettings teams,
      GraphSettings graph,
      RestClient http,
      BotConnector connector,
      ConversationReferences references,
      JdbcClient jdbc,
      Clock clock) {
    this.teams = teams;
    this.graph = graph;
    this.http = http;
    this.connector = connector;
    this.references = references;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Installs Tandem for the person and opens their conversation, when it can be done. */
  Reach reach(TenantId tenant, long employeeId) {
    Optional<String> aadTenant = aadTenant(tenant);
    if (aadTenant.isEmpty() || graph.catalogAppId().isBlank() || onSlack(tenant, employeeId)) {
      return new Reach.Unreachable();
    }
    Optional<String> aad = aadObjectId(tenant, employeeId);
    if (aad.isEmpty()) {
      record(tenant, employeeId, "NO_AAD_ID", "no Azure AD object id known");
      return new Reach.Unreachable();
    }
    try {
      String token = graphToken(aadTenant.get());
      ObjectNode body = json.createObjectNode();
      body.put(
          "teamsApp@odata.bind",
          graph.graphUrl() + "/appCatalogs/teamsApps/" + graph.catalogAppId());
      http.post()
          .uri(graph.graphUrl() + "/users/" + aad.get() + "/teamwork/installedApps")
          .header("Authorization", "Bearer " + token)
          .contentType(MediaType.APPLICATION_JSON)
          .body(json.writeValueAsString(body))
          .retrieve()
          .toBodilessEntity();
    } catch (RestClientResponseException e) {
      int status = e.getStatusCode().value();
      if (status == 401 || status == 403 || (status == 400 && isTokenError(e))) {
        record(tenant, employeeId, "NOT_GRANTED", "Graph answered " + status);
        log.warn("Microsoft Graph refused to install Tandem for a person ({})", status);
        return new Reach.Unreachable();
      }
      if (status == 404) {
        record(tenant, employeeId, "NO_AAD_ID", "Graph knows no such user");
        return new Reach.Unreachable();
      }
      if (status != 409) { // 409: already installed, which is what was wanted
        log.warn("Microsoft Graph answered {} to an install", status);
        return new Reach.Failed();
      }
    } catch (ResourceAccessException e) {
      log.warn("Microsoft Graph did not answer: {}", e.toString());
      return new Reach.Failed();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return conversation(tenant, employeeId, aadTenant.get(), aad.get());
  }

  /** Why Teams could not reach the person last time, when Graph said ({@code NOT_GRANTED}...). */
  Optional<String> refusal(TenantId tenant, long employeeId) {
    return jdbc.sql(
            """
            select outcome from teams_app_install
            where tenant_id = ? and employee_id = ? and outcome <> 'INSTALLED'""")
        .params(tenant.value(), employeeId)
        .query(String.class)
        .optional();
  }

  /** The one-to-one conversation with the person, opened through the Bot Connector. */
  private Reach conversation(TenantId tenant, long employeeId, String aadTenant, String aad) {
    String serviceUrl =
        jdbc.sql(
                """
                select service_url from teams_conversation where tenant_id = ?
                order by updated_at desc limit 1""")
            .param(tenant.value())
            .query(String.class)
            .optional()
            .orElse(graph.serviceUrl());
    String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
    ObjectNode body = json.createObjectNode();
    body.putObject("bot").put("id", "28:" + teams.appId());
    body.putArray("members").addObject().put("id", aad);
    body.putObject("channelData").putObject("tenant").put("id", aadTenant);
    body.put("tenantId", aadTenant);
    body.put("isGroup", false);
    try {
      String answer =
          http.post()
              .uri(base + "v3/conversations")
              .header("Authorization", "Bearer " + connector.token())
              .contentType(MediaType.APPLICATION_JSON)
              .body(json.writeValueAsString(body))
              .retrieve()
              .body(String.class);
      String id = json.readTree(answer == null ? "{}" : answer).path("id").asText("");
      if (id.isEmpty()) {
        return new Reach.Failed();
      }
      references.personal(tenant, employeeId, id, serviceUrl, "28:" + teams.appId());
      record(tenant, employeeId, "INSTALLED", null);
      return new Reach.Reached(new ConversationReferences.Reference(id, serviceUrl, null));
    } catch (RestClientResponseException | ResourceAccessException e) {
      log.warn("The Bot Connector did not open a conversation: {}", e.toString());
      return new Reach.Failed();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Graph token of the bot's app for the person's tenant, cached until 5 minutes before. */
  private String graphToken(String aadTenant)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    Token t = tokens.get(aadTenant);
    if (t != null && t.expires().isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
      return t.value();
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", teams.appId());
    form.add("client_secret", teams.appPassword());
    form.add("scope", "https://graph.microsoft.com/.default");
    JsonNode answer =
        json.readTree(
            http.post()
                .uri(graph.loginUrl() + "/" + aadTenant + "/oauth2/v2.0/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(String.class));
    Token fresh =
        new Token(
            answer.path("access_token").asText(),
            clock.instant().plusSeconds(answer.path("expires_in").asLong(3600)));
    tokens.put(aadTenant, fresh);
    return fresh.value();
  }

  /** The token endpoint's 400s (the app not consented in the tenant) are a refusal too. */
  private static boolean isTokenError(RestClientResponseException e) {
    return e.getResponseBodyAsString().contains("AADSTS");
  }

  private Optional<String> aadTenant(TenantId tenant) {
    return jdbc.sql(
            """
            select external_id from tenant where id = ? and platform = 'TEAMS'
            union all
            select external_id from tenant_alias where tenant_id = ? and platform = 'TEAMS'
            limit 1""")
        .params(tenant.value(), tenant.value())
        .query(String.class)
        .optional();
  }

  /** Someone Slack reaches is not installed a Teams app they did not ask for. */
  private boolean onSlack(TenantId tenant, long employeeId) {
    return jdbc.sql(
            """
            select exists (select 1 from chat_identity
                           where tenant_id = ? and employee_id = ? and kind = 'SLACK')""")
        .params(tenant.value(), employeeId)
        .query(Boolean.class)
        .single();
  }

  /**
   * The person's Azure AD object id: their Teams identity, else the externalId their identity
   * provider gave over SCIM when it is one (Entra ID can map objectId to externalId).
   */
  private Optional<String> aadObjectId(TenantId tenant, long employeeId) {
    Optional<String> teamsId =
        jdbc.sql(
                """
                select external_id from chat_identity
                where tenant_id = ? and employee_id = ? and kind = 'TEAMS' limit 1""")
            .params(tenant.value(), employeeId)
            .query(String.class)
            .optional();
    if (teamsId.isPresent()) {
      return teamsId;
    }
    return jdbc
        .sql("select external_id from scim_user where tenant_id = ? and employee_id = ?")
        .params(tenant.value(), employeeId)
        .query(String.class)
        .list()
        .stream()
        .filter(TeamsAppInstaller::isObjectId)
        .findFirst();
  }

  private static boolean isObjectId(String id) {
    try {
      return id != null && UUID.fromString(id).toString().equalsIgnoreCase(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void record(TenantId tenant, long employeeId, String outcome, String detail) {
    jdbc.sql(
            """
            insert into teams_app_install (tenant_id, employee_id, outcome, detail)
            values (?, ?, ?, ?)
            on conflict (tenant_id, employee_id) do update
              set outcome = excluded.outcome, detail = excluded.detail, tried_at = now()""")
        .params(tenant.value(), employeeId, outcome, detail)
        .update();
  }
}
