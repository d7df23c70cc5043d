package org.tandem.bot.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local stand-in for the Bot Framework around Teams: the OpenID metadata and signing keys that
 * tokens are checked against, the app token endpoint, and the Bot Connector, which records what the
 * bot sends and tells a member's name and email ({@code 29:ana} is {@code ana@contoso.example}). A
 * conversation whose id says "gone" answers 403, as after an uninstall, one that says "missing" 404
 * (the conversation no longer exists); one that says "busy" answers 429 with Retry-After: 1 while
 * {@link #busyLeft} lasts.
 */
public final class FakeBotConnector implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The key the Bot Framework signs its tokens with; its public half is served. */
  public final RSAKey key = key("k1");

  /** What the bot sent: path, body, Authorization header. */
  public final List<String[]> sent = new CopyOnWriteArrayList<>();

  public final List<String> tokenRequests = new CopyOnWriteArrayList<>();

  /** The bodies of {@code POST /v3/conversations}: conversations the bot opened itself. */
  public final List<String> created = new CopyOnWriteArrayList<>();

  public final AtomicInteger busyLeft = new AtomicInteger();

  /** While true, the OpenID metadata answers 503; {@link #metadataFetches} counts every fetch. */
  public final java.util.concurrent.atomic.AtomicBoolean metadataDown =
      new java.util.concurrent.atomic.AtomicBoolean();

  public final AtomicInteger metadataFetches = new AtomicInteger();

  /** Replies posted to a conversation whose id contains "hang" answer only after this long. */
  public volatile java.time.Duration hang = java.time.Duration.ZERO;

  /** Member profiles asked in a conversation whose id contains "slow" answer after this long. */
  public volatile java.time.Duration memberHang = java.time.Duration.ZERO;

  private final HttpServer server;

  private final Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();

  /** The next this many file downloads answer only after {@link #fileHang}. */
  public final AtomicInteger fileHangs = new AtomicInteger();

  public volatile java.time.Duration fileHang = java.time.Duration.ZERO;

  /** How many times a file was fetched from {@link #file}'s addresses. */
  public final AtomicInteger fileDownloads = new AtomicInteger();

  /**
   * A file a person sent in the personal chat, as OneDrive serves it at the pre-authorised {@code
   * downloadUrl} Teams hands the bot (no token needed).
   */
  public String file(String name, byte[] content) {
    String id = java.util.UUID.randomUUID().toString();
    files.put(id, content.clone());
    return baseUrl() + "/files/" + id + "/" + name;
  }

  public FakeBotConnector() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/",
        x -> {
          String path = x.getRequestURI().getPath();
          if (path.startsWith("/files/")) {
            fileDownloads.incrementAndGet();
            if (fileHangs.getAndDecrement() > 0) {
              try {
                Thread.sleep(fileHang.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            byte[] file = files.get(path.split("/")[2]);
            x.sendResponseHeaders(file == null ? 404 : 200, file == null ? -1 : file.length);
            if (file != null) {
              x.getResponseBody().write(file);
            }
            x.close();
            return;
          }
          if (path.contains("hang") && path.contains("/activities") && !hang.isZero()) {
            try {
              Thread.sleep(hang.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          if (path.contains("slow") && path.contains("/members/") && !memberHang.isZero()) {
            try {
              Thread.sleep(memberHang.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String answer;
          if (path.equals("/openid")) {
            metadataFetches.incrementAndGet();
          }
          if (path.equals("/openid") && metadataDown.get()) {
            x.sendResponseHeaders(503, -1);
            x.close();
            return;
          }
          if (path.equals("/openid")) {
            answer =
                "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\""
                    + baseUrl()
                    + "/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
          } else if (path.equals("/keys")) {
            Map<String, Object> jwk = new HashMap<>(key.toPublicJWK().toJSONObject());
            jwk.put("endorsements", List.of("msteams"));
            answer = JSON.writeValueAsString(Map.of("keys", List.of(jwk)));
          } else if (path.equals("/token")) {
            tokenRequests.add(body);
            answer =
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"bot-app-token\"}";
          } else if (path.contains("/members/")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            answer =
                "{\"id\":\""
                    + id
                    + "\",\"name\":\"Ana Lopes\",\"email\":\""
                    + id.replace("29:", "")
                    + "@contoso.example\"}";
          } else if (path.endsWith("/v3/conversations")) {
            // A one-to-one conversation the bot opens: its id names the member.
            created.add(body);
            String member = JSON.readTree(body).at("/members/0/id").asText();
            answer = "{\"id\":\"a:opened-" + member + "\"}";
          } else {
            sent.add(new String[] {path, body, x.getRequestHeaders().getFirst("Authorization")});
            answer = "{\"id\":\"reply-1\"}";
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().add("Content-Type", "application/json");
          int status =
              path.contains("gone")
                  ? 403
                  : path.contains("busy")
                          && path.contains("/activities")
                          && busyLeft.getAndDecrement() > 0
                      ? 429
                      : 200;
          if (status == 200 && path.contains("missing") && path.contains("/activities")) {
            status = 404; // the conversation is gone
          }
          if (status == 429) {
            x.getResponseHeaders().add("Retry-After", "1");
          }
          x.sendResponseHeaders(status, bytes.length);
          x.getResponseBody().write(bytes);
          x.close();
        });
    // One thread per call: a hanging reply must not hold the others.
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The {@code serviceUrl} of activities: where the bot answers. */
  public String serviceUrl() {
    return baseUrl() + "/connector/";
  }

  /** Points Tandem's Teams settings at this fake, for the app id given. */
  public void configure(DynamicPropertyRegistry registry, String appId) {
    registry.add("TEAMS_APP_ID", () -> appId);
    registry.add("TEAMS_APP_PASSWORD", () -> "app-password");
    registry.add("TEAMS_OPENID_METADATA_URL", () -> baseUrl() + "/openid");
    registry.add("TEAMS_TOKEN_URL", () -> baseUrl() + "/token");
  }

  /** A valid Bot Framework token for the app, as Teams sends with each activity. */
  public String token(String appId) throws Exception {
    return token(
        key, "https://api.botframework.com", appId, Instant.now().plusSeconds(600), serviceUrl());
  }

  public static String token(
      RSAKey key, String issuer, String audience, Instant expires, String serviceUrl)
      throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .expirationTime(Date.from(expires))
            .notBeforeTime(Date.from(Instant.now().minusSeconds(60)))
            .claim("serviceurl", serviceUrl)
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  public static RSAKey key(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
