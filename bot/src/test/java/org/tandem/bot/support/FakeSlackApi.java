package org.tandem.bot.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local stand-in for Slack's Web API and response URLs: answers like Slack and records every call
 * the bot makes, so tests can assert what was sent. Methods can be told to answer 429 first.
 */
public final class FakeSlackApi implements AutoCloseable {

  public record Call(String path, String body) {
    public String param(String name) {
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> rateLimited = new ConcurrentHashMap<>();
  private final Map<String, String> users = new ConcurrentHashMap<>();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
  private final AtomicInteger fileIds = new AtomicInteger();
  private final Map<String, int[]> failing = new ConcurrentHashMap<>();
  private final List<String> postedMetadata = new CopyOnWriteArrayList<>();
  private final List<String> completed = new CopyOnWriteArrayList<>();
  private final Map<String, Duration> hanging = new ConcurrentHashMap<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, String> fileTokens = new ConcurrentHashMap<>();

  private final Map<String, String> refusedChannels = new ConcurrentHashMap<>();
  private final Map<String, String> refusedTokens = new ConcurrentHashMap<>();
  private volatile Limits limits;
  private final AtomicInteger tooFast = new AtomicInteger();

  /** Slack's limits on chat.postMessage, enforced when set: past them, 429 with Retry-After. */
  private record Limits(
      int perChannel,
      Duration channelWindow,
      int perToken,
      Duration tokenWindow,
      Map<String, java.util.Deque<Long>> seen) {}

  /** The workspace of the bot token, as {@code auth.test} tells it. */
  private final String team;

  /** Points the app at this fake, single workspace: requests signed with {@code secret}. */
  public void configure(DynamicPropertyRegistry registry, String secret, String botToken) {
    registry.add("SLACK_SIGNING_SECRET", () -> secret);
    registry.add("SLACK_BOT_TOKEN", () -> botToken);
    registry.add("SLACK_API_URL", this::apiUrl);
  }

  public FakeSlackApi() {
    this("T0ACME");
  }

  public FakeSlackApi(String team) {
    this.team = team;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          answer(exchange);
          completed.add(path);
        });
    // One thread per call: a method told to hang must not hold the others.
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  public String responseUrl(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + name;
  }

  /** The next {@code times} calls of the method answer 429 with Retry-After: 1. */
  public void rateLimit(String method, int times) {
    rateLimited.put(method, new AtomicInteger(times));
  }

  /**
   * The next {@code times} calls of the method (or of every response URL: {@code "response"})
   * answer this HTTP status, as Slack does when it has trouble.
   */
  public void fail(String method, int status, int times) {
    failing.put(method, new int[] {status, times});
  }

  /**
   * chat.postMessage to this channel (a person's user id) answers {@code {"ok":false,"error":...}},
   * as Slack does for a deactivated or deleted person ({@code user_not_found}...).
   */
  public void refuse(String channel, String error) {
    refusedChannels.put(channel, error);
  }

  /** Every call made with this bot token answers this error ({@code invalid_auth}: revoked). */
  public void refuseToken(String token, String error) {
    refusedTokens.put(token, error);
  }

  /**
   * Slack's limits, as a sliding window per conversation and per workspace (bot token): a
   * chat.postMessage past them answers 429 with Retry-After: 1, counted in {@link #tooFast()}.
   */
  public void limit(int perChannel, Duration channelWindow, int perToken, Duration tokenWindow) {
    limits =
        new Limits(perChannel, channelWindow, perToken, tokenWindow, new ConcurrentHashMap<>());
  }

  /** How many chat.postMessage came faster than {@link #limit} allows. */
  public int tooFast() {
    return tooFast.get();
  }

  /** Calls of the method (or {@code "response"}) answer only after this long. */
  public void hang(String method, Duration howLong) {
    hanging.put(method, howLong);
  }

  /** How many calls of this path (ending) were answered: after a hang, for instance. */
  public long completed(String path) {
    return completed.stream().filter(p -> p.endsWith(path)).count();
  }

  /** What a Web API method answers, instead of {@code {"ok":true}}. */
  public void answer(String method, String json) {
    answers.put(method, json);
  }

  /** What users.info says of a user: real name, locale, time zone and email. */
  public void user(String id, String realName, String locale, String tz, String email) {
    users.put(
        id,
        "{\"ok\":true,\"user\":{\"id\":\""
            + id
            + "\",\"name\":\""
            + id.toLowerCase()
            + "\",\"real_name\":\""
            + realName
            + "\",\"tz\":\""
            + tz
            + "\",\"locale\":\""
            + locale
            + "\",\"profile\":{\"email\":\""
            + email
            + "\"}}}");
  }

  /**
   * A file shared in Slack, served at the {@code url_private_download} returned, to the bearer of
   * {@code token} only: anyone else gets Slack's sign-in page (HTML, 200), as Slack answers a token
   * without {@code files:read}.
   */
  public String file(String name, byte[] content, String token) {
    String id = "F" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    files.put(id, content.clone());
    fileTokens.put(id, token);
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/files-pri/T0ACME-"
        + id
        + "/download/"
        + name;
  }

  /**
   * How many messages were posted (answered ok) stamped with this delivery id ({@code
   * notification:42}): once each is what the outbox promises.
   */
  public long posted(String deliveryId) {
    return postedMetadata.stream().filter(m -> m.contains("\"" + deliveryId + "\"")).count();
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().endsWith(path)).toList();
  }

  /** Waits (at most 10 s) for a call matching the predicate: replies are sent after the ack. */
  public Call await(String path, Predicate<Call> match) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (Call c : calls(path)) {
        if (match.test(c)) {
          return c;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no call to " + path + " matched; calls: " + calls);
  }

  /** The bytes posted to each upload URL handed out by files.getUploadURLExternal, by file id. */
  public Map<String, byte[]> uploads() {
    return Map.copyOf(uploads);
  }

  public void reset() {
    uploads.clear();
    calls.clear();
    rateLimited.clear();
    failing.clear();
    hanging.clear();
    refusedChannels.clear();
    refusedTokens.clear();
    limits = null;
    tooFast.set(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] raw = exchange.getRequestBody().readAllBytes();
    String body = new String(raw, StandardCharsets.UTF_8);
    if (path.startsWith("/files-pri/")) {
      String id = path.substring("/files-pri/T0ACME-".length(), path.indexOf("/download/"));
      calls.add(new Call(path, ""));
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      byte[] file = files.get(id);
      boolean allowed = file != null && ("Bearer " + fileTokens.get(id)).equals(auth);
      byte[] out =
          allowed
              ? file
              : "<html><body>Sign in to Slack</body></html>".getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .add("Content-Type", allowed ? "application/octet-stream" : "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
      return;
    }
    if (path.startsWith("/upload/")) {
      uploads.put(path.substring("/upload/".length()), raw);
      calls.add(new Call(path, ""));
      byte[] ok = ("OK - " + raw.length).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
      return;
    }
    String query = exchange.getRequestURI().getRawQuery();
    calls.add(new Call(path, query == null ? body : body + (body.isEmpty() ? "" : "&") + query));
    String method =
        path.startsWith("/api/")
            ? path.substring(5)
            : path.startsWith("/response/") ? "response" : path;
    Duration hang = hanging.get(method);
    boolean posted = false;
    if (hang != null) {
      // Slack posts the message as soon as it has the request: what hangs is only the answer.
      posted = !hang.isZero() && posted(method, path, body);
      try {
        Thread.sleep(hang.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int[] failure = failing.get(method);
    if (failure != null) {
      synchronized (failure) {
        if (failure[1] > 0) {
          failure[1]--;
          send(exchange, failure[0], "{\"ok\":false,\"error\":\"internal_error\"}");
          return;
        }
      }
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String token = auth == null ? new Call(path, body).param("token") : auth.replace("Bearer ", "");
    if (token != null && refusedTokens.containsKey(token)) {
      send(exchange, 200, "{\"ok\":false,\"error\":\"" + refusedTokens.get(token) + "\"}");
      return;
    }
    String channel = new Call(path, body).param("channel");
    if (method.equals("chat.postMessage") && channel != null) {
      String refused = refusedChannels.get(channel);
      if (refused != null) {
        send(exchange, 200, "{\"ok\":false,\"error\":\"" + refused + "\"}");
        return;
      }
      if (!withinLimits(channel, token)) {
        tooFast.incrementAndGet();
        exchange.getResponseHeaders().add("Retry-After", "1");
        send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
        return;
      }
    }
    AtomicInteger limited = rateLimited.get(method);
    if (limited != null && limited.getAndDecrement() > 0) {
      exchange.getResponseHeaders().add("Retry-After", "1");
      send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
      return;
    }
    if (!posted) {
      posted(method, path, body);
    }
    String json =
        switch (method) {
          // Every message posted with metadata, in any conversation: enough to find one again.
          case "conversations.history" ->
              "{\"ok\":true,\"messages\":["
                  + String.join(
                      ",",
                      postedMetadata.stream()
                          .map(m -> "{\"type\":\"message\",\"text\":\"x\",\"metadata\":" + m + "}")
                          .toList())
                  + "]}";
          case "auth.test" ->
              "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"tandem\",\"team_id\":\""
                  + team
                  + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
          case "users.info" ->
              users.getOrDefault(
                  new Call(path, body).param("user"),
                  "{\"ok\":false,\"error\":\"user_not_found\"}");
          case "oauth.v2.access" ->
              answers.getOrDefault(
                  method,
                  "{\"ok\":true,\"access_token\":\"xoxb-installed-token\",\"token_type\":\"bot\",\"scope\":\"commands,chat:write\",\"bot_user_id\":\"UBOT\",\"app_id\":\"A0TANDEM\",\"team\":{\"id\":\"T0NEW\",\"name\":\"New Co\"},\"authed_user\":{\"id\":\"U0INSTALLER\"}}");
          case "conversations.open" ->
              answers.getOrDefault(method, "{\"ok\":true,\"channel\":{\"id\":\"D0TANDEM\"}}");
          case "files.getUploadURLExternal" -> {
            String id = "F" + fileIds.incrementAndGet();
            yield "{\"ok\":true,\"upload_url\":\"http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/upload/"
                + id
                + "\",\"file_id\":\""
                + id
                + "\"}";
          }
          case "files.completeUploadExternal" -> {
            // Slack answers with the files it shared: their ids and titles, as sent.
            String files = new Call(path, body).param("files");
            yield "{\"ok\":true,\"files\":" + (files == null ? "[]" : files) + "}";
          }
          default -> answers.getOrDefault(method, "{\"ok\":true}");
        };
    send(exchange, 200, json);
  }

  private boolean withinLimits(String channel, String token) {
    Limits l = limits;
    if (l == null) {
      return true;
    }
    long now = System.nanoTime();
    synchronized (l) {
      boolean ok =
          fits(l.seen(), "c:" + channel, l.perChannel(), l.channelWindow(), now)
              & fits(l.seen(), "t:" + token, l.perToken(), l.tokenWindow(), now);
      // A refused call counts too, as with Slack.
      l.seen().computeIfAbsent("c:" + channel, k -> new java.util.ArrayDeque<>()).add(now);
      l.seen().computeIfAbsent("t:" + token, k -> new java.util.ArrayDeque<>()).add(now);
      return ok;
    }
  }

  private static boolean fits(
      Map<String, java.util.Deque<Long>> seen, String key, int count, Duration window, long now) {
    java.util.Deque<Long> log = seen.get(key);
    if (log == null) {
      return true;
    }
    while (!log.isEmpty() && log.peekFirst() <= now - window.toNanos()) {
      log.removeFirst();
    }
    return log.size() < count;
  }

  /** A message posted with Tandem's stamp is found again by conversations.history. */
  private boolean posted(String method, String path, String body) {
    if (!method.equals("chat.postMessage")) {
      return false;
    }
    String metadata = new Call(path, body).param("metadata");
    if (metadata != null) {
      postedMetadata.add(metadata);
    }
    return true;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
