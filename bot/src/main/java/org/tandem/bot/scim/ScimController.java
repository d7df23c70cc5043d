package org.tandem.bot.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.DirectoryAccount;
import org.tandem.core.people.DirectoryQuery;
import org.tandem.core.people.Provisioning;
import org.tandem.core.people.ProvisioningTokens;
import org.tandem.core.tenants.TenantId;

/**
 * The SCIM 2.0 endpoint an identity provider (Entra ID, Okta) provisions the company directory
 * through. Every request carries the company's bearer token ({@code admin scim} in chat): no token
 * or a wrong one gets 401, and an id of another company 404, and nothing changes. Answers are
 * {@code application/scim+json} (or {@code application/json} to a client that only accepts that).
 */
@RestController
@RequestMapping("/scim/v2")
class ScimController {

  private static final Logger log = LoggerFactory.getLogger(ScimController.class);
  static final String SCIM_JSON = "application/scim+json";
  private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  /** The most Users one page holds (ServiceProviderConfig's filter.maxResults). */
  static final int MAX_COUNT = 200;

  private final ProvisioningTokens tokens;
  private final Provisioning provisioning;
  private final String publicUrl;
  private final JsonNode serviceProviderConfig = resource("ServiceProviderConfig.json");
  private final JsonNode resourceTypes = resource("ResourceTypes.json");
  private final JsonNode schemas = resource("Schemas.json");

  ScimController(
      ProvisioningTokens tokens,
      Provisioning provisioning,
      @Value("${TANDEM_PUBLIC_URL:}") String publicUrl) {
    this.tokens = tokens;
    this.provisioning = provisioning;
    this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
  }

  /** What a request does once its company is known. */
  private interface Work {
    ResponseEntity<String> run(TenantId company, String base);
  }

  private ResponseEntity<String> answer(
      HttpServletRequest request, String authorization, Work work) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    try {
      Optional<TenantId> company = company(authorization);
      if (company.isEmpty()) {
        return error(
            new ScimError(401, null, "A valid bearer token is required (\"admin scim\")."), accept);
      }
      ResponseEntity<String> r = work.run(company.get(), base());
      return withType(r, accept);
    } catch (ScimError e) {
      return error(e, accept);
    } catch (DataAccessException | TransactionException e) {
      log.warn(
          "SCIM {} {} failed on the database", request.getMethod(), request.getRequestURI(), e);
      ResponseEntity<String> busy =
          error(new ScimError(503, null, "The database is unavailable: try again later."), accept);
      return ResponseEntity.status(503)
          .headers(busy.getHeaders())
          .header(HttpHeaders.RETRY_AFTER, "30")
          .body(busy.getBody());
    } catch (RuntimeException e) {
      log.error("SCIM {} {} failed", request.getMethod(), request.getRequestURI(), e);
      return error(new ScimError(500, null, "Tandem could not answer this request."), accept);
    }
  }

  private Optional<TenantId> company(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return tokens.company(authorization.substring(7).strip());
  }

  private String base() {
    if (!publicUrl.isEmpty()) {
      return publicUrl + "/scim/v2";
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2").toUriString();
  }

  // ---- Users ----

  @PostMapping({"/Users", "/users"})
  ResponseEntity<String> create(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization,
      @RequestBody(required = false) String body) {
    return answer(
        request,
        authorization,
        (company, base) -> {
          DirectoryAccount.Draft draft = ScimUsers.read(json(body));
          DirectoryAccount created = done(provisioning.create(company, draft));
          ObjectNode user = ScimUsers.render(created, base);
          return ResponseEntity.created(URI.create(base + "/Users/" + created.id()))
              .body(write(user));
        });
  }

  @GetMapping({"/Users/{id}", "/users/{id}"})
  ResponseEntity<String> get(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization,
      @PathVariable String id,
      @RequestParam(required = false) String attributes,
      @RequestParam(required = false) String excludedAttributes) {
    return answer(
        request,
        authorization,
        (company, base) -> {
          DirectoryAccount a = provisioning.find(company, id).orElseThrow(ScimController::noUser);
          return ResponseEntity.ok(
              write(
                  ScimAttributes.project(
                      ScimUsers.render(a, base), attributes, excludedAttributes)));
        });
  }

  @GetMapping({"/Users", "/users"})
  ResponseEntity<String> list(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization,
      @RequestParam(required = false) String filter,
      @RequestParam(required = false) String startIndex,
      @RequestParam(required = false) String count,
      @RequestParam(required = false) String attributes,
      @RequestParam(required = false) String excludedAttributes) {
    return answer(
        request,
        authorization,
        (company, base) -> {
          DirectoryQuery query = ScimFilter.parse(filter);
          int start = Math.max(1, number("startIndex", startIndex, 1));
          int size = Math.min(MAX_COUNT, Math.max(0, number("count", count, 100)));
          DirectoryQuery.Page page = provisioning.search(company, query, start, size);
          ObjectNode list = ScimUsers.JSON.createObjectNode();
          list.putArray("schemas").add(LIST);
          list.put("totalResults", page.total());
          list.put("startIndex", start);
          list.put("itemsPerPage", page.accounts().size());
          ArrayNode resources = list.putArray("Resources");
          for (DirectoryAccount a : page.accounts()) {
            resources.add(
                ScimAttributes.project(ScimUsers.render(a, base), attributes, excludedAttributes));
          }
          return ResponseEntity.ok(write(list));
        });
  }

  @PutMapping({"/Users/{id}", "/users/{id}"})
  ResponseEntity<String> replace(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization,
      @PathVariable String id,
      @RequestBody(required = false) String body) {
    return answer(
        request,
        authorization,
        (company, base) -> {
          DirectoryAccount.Draft draft = ScimUsers.read(json(body));
          DirectoryAccount a = done(provisioning.replace(company, id, draft));
          return ResponseEntity.ok(write(ScimUsers.render(a, base)));
        });
  }

  @PatchMapping({"/Users/{id}", "/users/{id}"})
  ResponseEntity<String> patch(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization,
      @PathVariable String id,
      @RequestBody(required = false) String body) {
    return answer(
        request,
        authorization,
        (company, base) -> {
          JsonNode operations = json(body);
          DirectoryAccount a =
              done(
                  provisioning.update(
                      company,
                      id,
                      now -> {
                        ObjectNode user = ScimUsers.render(now, base);
                        ScimPatch.apply(user, operations);
                        return ScimUsers.read(user);
                      }));
          return ResponseEntity.ok(write(ScimUsers.render(a, base)));
        });
  }

  @DeleteMapping({"/Users/{id}", "/users/{id}"})
  ResponseEntity<String> delete(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization,
      @PathVariable String id) {
    return answer(
        request,
        authorization,
        (company, base) -> {
          done(provisioning.delete(company, id));
          return ResponseEntity.noContent().build();
        });
  }

  // ---- Groups: not supported ----

  @RequestMapping({"/Groups", "/Groups/**", "/groups", "/groups/**"})
  ResponseEntity<String> groups(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization) {
    return answer(
        request,
        authorization,
        (company, base) -> {
          throw new ScimError(
              501,
              null,
              "Tandem does not provision Groups: roles are granted in chat. Provision Users only.");
        });
  }

  // ---- Discovery ----

  @GetMapping("/ServiceProviderConfig")
  ResponseEntity<String> serviceProviderConfig(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization) {
    return answer(
        request,
        authorization,
        (company, base) -> ResponseEntity.ok(located(serviceProviderConfig, base)));
  }

  @GetMapping("/ResourceTypes")
  ResponseEntity<String> resourceTypes(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization) {
    return answer(request, authorization, (company, base) -> listOf(resourceTypes, base));
  }

  @GetMapping("/ResourceTypes/{id}")
  ResponseEntity<String> resourceType(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization,
      @PathVariable String id) {
    return answer(request, authorization, (company, base) -> one(resourceTypes, id, base));
  }

  @GetMapping("/Schemas")
  ResponseEntity<String> schemas(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization) {
    return answer(request, authorization, (company, base) -> listOf(schemas, base));
  }

  @GetMapping("/Schemas/{id}")
  ResponseEntity<String> schema(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization,
      @PathVariable String id) {
    return answer(request, authorization, (company, base) -> one(schemas, id, base));
  }

  /** Anything else under /scim/v2 is a SCIM 404, after the token is checked. */
  @RequestMapping("/**")
  ResponseEntity<String> unknown(
      HttpServletRequest request,
      @RequestHeader(value = "Authorization", required = false) String authorization) {
    return answer(
        request,
        authorization,
        (company, base) -> {
          throw ScimError.notFound("No such SCIM endpoint: " + request.getRequestURI());
        });
  }

  private ResponseEntity<String> listOf(JsonNode all, String base) {
    ObjectNode list = ScimUsers.JSON.createObjectNode();
    list.putArray("schemas").add(LIST);
    list.put("totalResults", all.size());
    list.put("startIndex", 1);
    list.put("itemsPerPage", all.size());
    ArrayNode resources = list.putArray("Resources");
    all.forEach(r -> resources.add(locatedNode(r, base)));
    return ResponseEntity.ok(write(list));
  }

  private ResponseEntity<String> one(JsonNode all, String id, String base) {
    for (JsonNode r : all) {
      if (r.path("id").asText().equalsIgnoreCase(id)) {
        return ResponseEntity.ok(located(r, base));
      }
    }
    throw ScimError.notFound("No such resource: " + id);
  }

  private static String located(JsonNode resource, String base) {
    return write(locatedNode(resource, base));
  }

  private static ObjectNode locatedNode(JsonNode resource, String base) {
    ObjectNode copy = resource.deepCopy();
    JsonNode meta = copy.get("meta");
    if (meta instanceof ObjectNode m) {
      m.put("location", base + m.path("location").asText());
    }
    return copy;
  }

  // ---- helpers ----

  private static <T> T done(Outcome<T> outcome) {
    if (outcome.isDone()) {
      return outcome.value();
    }
    Refusal r = outcome.refusal();
    String detail = r.message(Locale.ENGLISH);
    if (r.code() == ReasonCode.USER_NAME_TAKEN || r.code() == ReasonCode.EMAIL_TAKEN) {
      throw new ScimError(409, "uniqueness", detail);
    }
    if (r.code() == ReasonCode.NOT_FOUND && r.field() == null) {
      throw noUser();
    }
    throw ScimError.invalidValue((r.field() == null ? "" : r.field() + ": ") + detail);
  }

  private static ScimError noUser() {
    return ScimError.notFound("No such User in this company.");
  }

  private static int number(String name, String value, int otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ScimError.invalidValue(name + " must be a whole number.");
    }
  }

  private static JsonNode json(String body) {
    if (body == null || body.isBlank()) {
      throw ScimError.invalidSyntax("The request has no body.");
    }
    try {
      return ScimUsers.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ScimError.invalidSyntax("The body is not JSON: " + e.getOriginalMessage());
    }
  }

  private static String write(JsonNode node) {
    try {
      return ScimUsers.JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResponseEntity<String> error(ScimError e, String accept) {
    ObjectNode body = ScimUsers.JSON.createObjectNode();
    body.putArray("schemas").add(ERROR);
    body.put("status", Integer.toString(e.status()));
    if (e.scimType() != null) {
      body.put("scimType", e.scimType());
    }
    body.put("detail", e.getMessage());
    ResponseEntity.BodyBuilder r = ResponseEntity.status(e.status());
    if (e.status() == 401) {
      r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Tandem SCIM\"");
    }
    return withType(r.body(write(body)), accept);
  }

  /** SCIM's media type, or plain JSON for a client that accepts only that. */
  private static ResponseEntity<String> withType(ResponseEntity<String> r, String accept) {
    if (r.getBody() == null) {
      return r;
    }
    String type =
        accept != null
                && accept.toLowerCase(Locale.ROOT).contains("application/json")
                && !accept.toLowerCase(Locale.ROOT).contains("scim+json")
            ? "application/json"
            : SCIM_JSON;
    return ResponseEntity.status(r.getStatusCode())
        .headers(h -> h.putAll(r.getHeaders()))
        .header(HttpHeaders.CONTENT_TYPE, type + ";charset=UTF-8")
        .body(r.getBody());
  }

  private static JsonNode resource(String name) {
    try (InputStream in = ScimController.class.getResourceAsStream("/scim/" + name)) {
      return ScimUsers.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
