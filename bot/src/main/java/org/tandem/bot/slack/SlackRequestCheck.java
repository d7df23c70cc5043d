package org.tandem.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tandem.bot.channels.InboundJson;

/**
 * In front of Bolt's {@code /slack/events} servlet. First Slack's own rule, whole: the signature
 * must match and the timestamp be within five minutes <em>either way</em> (Bolt only refuses old
 * ones, so a request signed for next year would pass): else 401. Then the body must be something
 * Slack sends, with the ids the listeners rely on (a JSON object of a known shape, a command, or an
 * interaction payload with its user, team and view): else 400 with no body, before Bolt or a
 * listener fails on it with a 500 and a stack of details. Nothing is read or written otherwise.
 */
class SlackRequestCheck extends OncePerRequestFilter {

  static final Duration TOLERANCE = Duration.ofMinutes(5);
  static final int MAX_BODY_BYTES = 1 << 20;

  /** Slack ids: team T…, user U… or W…, enterprise E…: upper-case letters and digits. */
  static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{1,40}");

  private static final Set<String> NEEDS_VIEW = Set.of("view_submission", "view_closed");
  private final String signingSecret;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  SlackRequestCheck(String signingSecret, Clock clock) {
    this.signingSecret = signingSecret;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      response.setStatus(413);
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (sslCheck(request.getContentType(), text)) {
      // Slack's certificate check carries no signature; Bolt answers it, and does nothing else.
      chain.doFilter(new Replayed(request, body), response);
      return;
    }
    if (!signed(
        request.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
        request.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE),
        text)) {
      response.setStatus(401);
      return;
    }
    if (!wellFormed(request.getContentType(), text)) {
      response.setStatus(400);
      return;
    }
    chain.doFilter(new Replayed(request, body), response);
  }

  boolean signed(String timestamp, String signature, String body) {
    if (signingSecret.isBlank() || timestamp == null || signature == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > TOLERANCE.toSeconds()) {
      return false;
    }
    String expected = new SlackSignature.Generator(signingSecret).generate(timestamp, body);
    return expected != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
  }

  boolean wellFormed(String contentType, String body) {
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    try {
      if (type.startsWith("application/json")) {
        JsonNode tree = json.readTree(body);
        return InboundJson.clean(tree) && event(tree);
      }
      if (type.startsWith("application/x-www-form-urlencoded")) {
        Map<String, String> form = form(body);
        if (!form.entrySet().stream()
            .allMatch(e -> InboundJson.clean(e.getKey()) && InboundJson.clean(e.getValue()))) {
          return false;
        }
        if (form.containsKey("payload")) {
          JsonNode tree = json.readTree(form.get("payload"));
          return InboundJson.clean(tree) && interaction(tree);
        }
        if (form.containsKey("command")) {
          return id(form.get("team_id")) && id(form.get("user_id"));
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  static boolean sslCheck(String contentType, String body) {
    if (contentType == null
        || !contentType
            .toLowerCase(java.util.Locale.ROOT)
            .startsWith("application/x-www-form-urlencoded")) {
      return false;
    }
    try {
      Map<String, String> form = form(body);
      return form.containsKey("ssl_check")
          && !form.containsKey("payload")
          && !form.containsKey("command")
          && form.entrySet().stream()
              .allMatch(e -> InboundJson.clean(e.getKey()) && InboundJson.clean(e.getValue()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean event(JsonNode n) {
    if (n == null || !n.isObject() || !n.path("type").isTextual()) {
      return false;
    }
    return switch (n.get("type").asText()) {
      case "url_verification" -> n.path("challenge").isTextual();
      case "event_callback" ->
          id(n.path("team_id").asText(null))
              && n.path("event_id").isTextual()
              && n.path("event").isObject()
              && n.path("event").path("type").isTextual()
              && optionalId(n.path("event").path("user"));
      default -> true;
    };
  }

  private static boolean interaction(JsonNode p) {
    if (p == null || !p.isObject() || !p.path("type").isTextual()) {
      return false;
    }
    boolean who =
        id(p.path("user").path("id").asText(null)) && id(p.path("team").path("id").asText(null));
    if (NEEDS_VIEW.contains(p.get("type").asText())) {
      return who && p.path("view").isObject() && p.path("view").path("callback_id").isTextual();
    }
    return who;
  }

  /** A user id where there is one as text (some events carry a user object instead). */
  private static boolean optionalId(JsonNode n) {
    return !n.isTextual() || id(n.asText());
  }

  private static boolean id(String s) {
    return s != null && SLACK_ID.matcher(s).matches();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.putIfAbsent(key, value);
    }
    return form;
  }

  /** The request again, its body read once here and given to Bolt unchanged. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          // Bolt reads the body synchronously; this buffered copy is never read asynchronously.
          throw new IllegalStateException("a buffered Slack request is read synchronously only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
