package org.tandem.core.missions;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A link to join a remote session: an https address with a host, of reasonable length. Anything
 * else (another scheme, {@code javascript:}, spaces) is refused, so a link shown as a button or put
 * in a calendar file opens a web page and nothing else.
 */
final class MissionLink {

  static final int MAX = 500;

  private MissionLink() {}

  static boolean valid(String link) {
    if (link.length() > MAX || !link.startsWith("https://")) {
      return false;
    }
    try {
      URI uri = new URI(link);
      return "https".equalsIgnoreCase(uri.getScheme())
          && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
