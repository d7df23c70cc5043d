package org.tandem.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;

/**
 * Validates the Bot Framework JWT of every inbound activity, as Microsoft documents it: an RS256
 * signature by a key of the OpenID metadata's JWKS (cached, fetched again on an unknown key id, at
 * most once a minute whether the last fetch worked or not), the issuer, the audience (our app id),
 * expiry and not-before with five minutes of clock skew, the key's endorsement of the activity's
 * channel (required), and the {@code serviceUrl} claim equal to the activity's.
 */
class BotFrameworkAuthenticator {

  private static final Logger log = LoggerFactory.getLogger(BotFrameworkAuthenticator.class);
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  static final Duration REFRESH_AT_MOST_EVERY = Duration.ofMinutes(1);
  static final Duration KEYS_KEPT = Duration.ofHours(24);

  private final TeamsSettings settings;
  private final RestClient http;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private volatile JWKSet keys;
  private volatile Instant fetchedAt = Instant.EPOCH;
  private volatile Instant triedAt = Instant.EPOCH;
  private volatile java.util.Map<String, List<String>> endorsements = java.util.Map.of();

  BotFrameworkAuthenticator(TeamsSettings settings, RestClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  /** The token's claims when it is valid for this activity, else empty (the caller answers 401). */
  Optional<JWTClaimsSet> authenticate(String authorization, String serviceUrl, String channelId) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(authorization.substring(7).strip());
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        return Optional.empty();
      }
      Optional<JWK> key = key(jwt.getHeader().getKeyID());
      if (key.isEmpty() || !(key.get() instanceof RSAKey rsa)) {
        return Optional.empty();
      }
      if (!jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))) {
        return Optional.empty();
      }
      if (!endorses(jwt.getHeader().getKeyID(), channelId)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Instant now = clock.instant();
      Date exp = claims.getExpirationTime();
      Date nbf = claims.getNotBeforeTime();
      boolean ok =
          settings.issuer().equals(claims.getIssuer())
              && claims.getAudience() != null
              && claims.getAudience().contains(settings.appId())
              && exp != null
              && exp.toInstant().plus(CLOCK_SKEW).isAfter(now)
              && (nbf == null || !nbf.toInstant().minus(CLOCK_SKEW).isAfter(now))
              && sameServiceUrl(
                  claims.getStringClaim("serviceurl") != null
                      ? claims.getStringClaim("serviceurl")
                      : claims.getStringClaim("serviceUrl"),
                  serviceUrl);
      return ok ? Optional.of(claims) : Optional.empty();
    } catch (ParseException | JOSEException | RuntimeException e) {
      log.debug("Rejected a Bot Framework token", e);
      return Optional.empty();
    }
  }

  private static boolean sameServiceUrl(String claimed, String activity) {
    if (claimed == null || activity == null) {
      return false;
    }
    return strip(claimed).equalsIgnoreCase(strip(activity));
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * The key must endorse the activity's channel: an activity naming no channel, or signed by a key
   * that endorses none or another one, is refused (a key for another channel, or a token lifted
   * from one, never carries a Teams activity). Nimbus drops the non-standard {@code endorsements}
   * member when it parses a key, so they are read from the key set as fetched.
   */
  boolean endorses(String kid, String channelId) {
    if (channelId == null || channelId.isBlank()) {
      return false;
    }
    return endorsements.getOrDefault(kid, List.of()).contains(channelId);
  }

  private Optional<JWK> key(String kid) {
    Instant now = clock.instant();
    JWKSet current = keys;
    boolean fresh = fetchedAt.plus(KEYS_KEPT).isAfter(now);
    if (current != null && fresh && current.getKeyByKeyId(kid) != null) {
      return Optional.of(current.getKeyByKeyId(kid));
    }
    synchronized (this) {
      // Counted from the last attempt, failed or not: with the metadata down, thirty tokens with
      // unknown key ids make one fetch a minute, not thirty.
      boolean mayFetch = triedAt.plus(REFRESH_AT_MOST_EVERY).isBefore(now);
      if (mayFetch && (keys == null || !fresh || keys.getKeyByKeyId(kid) == null)) {
        triedAt = now;
        refresh();
      }
      return Optional.ofNullable(keys == null ? null : keys.getKeyByKeyId(kid));
    }
  }

  private void refresh() {
    try {
      JsonNode metadata =
          json.readTree(http.get().uri(settings.openIdMetadataUrl()).retrieve().body(String.class));
      String jwksUri = metadata.path("jwks_uri").asText();
      String jwks = http.get().uri(jwksUri).retrieve().body(String.class);
      JWKSet parsed = JWKSet.parse(jwks);
      java.util.Map<String, List<String>> endorsed = new java.util.HashMap<>();
      for (JsonNode k : json.readTree(jwks).path("keys")) {
        List<String> channels = new java.util.ArrayList<>();
        k.path("endorsements").forEach(e -> channels.add(e.asText()));
        endorsed.put(k.path("kid").asText(), List.copyOf(channels));
      }
      endorsements = java.util.Map.copyOf(endorsed);
      keys = parsed;
      fetchedAt = clock.instant();
    } catch (Exception e) {
      log.warn(
          "Could not fetch the Bot Framework signing keys from {}",
          settings.openIdMetadataUrl(),
          e);
    }
  }
}
