package org.tandem.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.tandem.bot.channels.RetryLater;

/**
 * A file a person sent Tandem in the personal chat (the manifest's {@code supportsFiles}): Teams
 * stores it in their OneDrive and names it in an attachment of type {@value #FILE_INFO} whose
 * {@code content.downloadUrl} is short-lived and pre-authorised, so no token goes with the call.
 * Fetched with connect and read timeouts, outside any transaction; only over HTTPS (or plain HTTP
 * to this machine, for the local fakes of the tests).
 */
class TeamsFileDownload {

  static final String FILE_INFO = "application/vnd.microsoft.teams.file.download.info";

  private static final Logger log = LoggerFactory.getLogger(TeamsFileDownload.class);

  private final RestClient http;

  TeamsFileDownload(RestClient http) {
    this.http = http;
  }

  /** The file an activity carries: its name and where to fetch it. */
  record Attached(String name, String url) {}

  static Optional<Attached> attached(JsonNode activity) {
    for (JsonNode a : activity.path("attachments")) {
      if (FILE_INFO.equals(a.path("contentType").asText())
          && a.at("/content/downloadUrl").isTextual()) {
        return Optional.of(
            new Attached(a.path("name").asText("file"), a.at("/content/downloadUrl").asText()));
      }
    }
    return Optional.empty();
  }

  /**
   * At most {@code max + 1} bytes (more means too large); empty when the address is refused or gone
   * (the link expired: the person shares the file again). A 5xx or a timeout is tried again.
   */
  Optional<byte[]> fetch(String url, int max) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!allowed(uri)) {
      log.warn("A Teams file's address is refused: {}", uri.getScheme() + "://" + uri.getHost());
      return Optional.empty();
    }
    try {
      return http.get()
          .uri(uri)
          .exchange(
              (request, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 500 || status == 429) {
                  throw new RetryLater(
                      "file download answered " + status, (java.time.Duration) null);
                }
                if (status != 200) {
                  log.warn("A Teams file could not be fetched: {}", status);
                  return Optional.<byte[]>empty();
                }
                try (InputStream in = response.getBody()) {
                  return Optional.of(in.readNBytes(max + 1));
                }
              });
    } catch (ResourceAccessException e) {
      throw new RetryLater("file download failed: " + e.getMessage(), e);
    }
  }

  private static boolean allowed(URI uri) {
    if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
      return true;
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      return false;
    }
    try {
      return InetAddress.getByName(uri.getHost()).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }
}
