package org.tandem.bot.slack;

import com.slack.api.Slack;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.bot.channels.RetryLater;

/**
 * Fetches a file shared with Tandem from Slack ({@code url_private_download}, with the bot token:
 * the {@code files:read} scope), through the Web API client and so with its connect and read
 * timeouts, never inside a transaction. The token goes to Slack's own hosts only (or to the
 * configured {@code SLACK_API_URL}'s, a local fake in tests), whatever address an event names.
 */
class SlackFileDownload {

  private static final Logger log = LoggerFactory.getLogger(SlackFileDownload.class);

  private final Slack slack;
  private final URI api;

  SlackFileDownload(Slack slack, String apiUrl) {
    this.slack = slack;
    this.api = URI.create(apiUrl);
  }

  /**
   * The file's bytes, at most {@code max + 1} of them (more means too large); empty when Slack will
   * not give it (no such file, no access, or the app lacks {@code files:read}: Slack then answers
   * with its sign-in page). A 429, a 5xx or a network failure is tried again later.
   */
  Optional<byte[]> fetch(String token, String url, int max) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
    if (!allowed(uri)) {
      log.warn("A shared file's address is not Slack's: {} not fetched", uri.getHost());
      return Optional.empty();
    }
    Request request =
        new Request.Builder().url(url).header("Authorization", "Bearer " + token).get().build();
    try (Response r = slack.getHttpClient().getOkHttpClient().newCall(request).execute()) {
      if (r.code() == 429) {
        throw new RetryLater(
            "file download answered 429", SlackAnswering.retryAfter(r.header("Retry-After")));
      }
      if (r.code() >= 500) {
        throw new RetryLater("file download answered " + r.code(), (java.time.Duration) null);
      }
      String type = r.header("Content-Type", "");
      if (r.code() != 200 || type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
        log.warn("Slack did not give a shared file: {} {}", r.code(), type);
        return Optional.empty();
      }
      try (InputStream in = r.body().byteStream()) {
        return Optional.of(in.readNBytes(max + 1));
      }
    } catch (IOException e) {
      throw new RetryLater("file download failed: " + e, e);
    }
  }

  private boolean allowed(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if ("https".equals(uri.getScheme())
        && (host.equals("slack.com") || host.endsWith(".slack.com"))) {
      return true;
    }
    return uri.getScheme() != null
        && uri.getScheme().equals(api.getScheme())
        && host.equalsIgnoreCase(api.getHost())
        && uri.getPort() == api.getPort();
  }
}
