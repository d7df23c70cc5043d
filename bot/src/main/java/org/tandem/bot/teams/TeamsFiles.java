package org.tandem.bot.teams;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tandem.bot.conversation.Reply;

/**
 * Teams fetches a card's images and opens its links itself, so a reply's files (a report's chart
 * and CSV) must point at the bot's public address: {@code TANDEM_PUBLIC_URL}, or else the address
 * Teams reached the bot at for this activity (behind a proxy, with forwarded headers).
 */
class TeamsFiles {

  private final String publicUrl;

  TeamsFiles(String publicUrl) {
    this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
  }

  /** While answering an activity: the configured public URL, else this request's own. */
  Reply absolute(Reply reply) {
    return absolute(reply, base());
  }

  /**
   * The address files are served from, taken while the activity's request is at hand: the
   * configured public URL, else the one Teams reached the bot at.
   */
  String base() {
    return publicUrl.isEmpty()
        ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
        : publicUrl;
  }

  /** A stored activity answered later: the address taken when it arrived ({@link #base()}). */
  Reply absoluteAt(Reply reply, String base) {
    return base == null || base.isEmpty() ? absoluteOutsideRequest(reply) : absolute(reply, base);
  }

  /**
   * Outside a request (proactive messages): the configured public URL only; without one, the files
   * are left out rather than sent as links Teams cannot open.
   */
  Reply absoluteOutsideRequest(Reply reply) {
    if (publicUrl.isEmpty()) {
      return new Reply(reply.parts().stream().filter(p -> !(p instanceof Reply.File)).toList());
    }
    return absolute(reply, publicUrl);
  }

  private static Reply absolute(Reply reply, String base) {
    List<Reply.Part> parts = new ArrayList<>();
    for (Reply.Part p : reply.parts()) {
      parts.add(
          p instanceof Reply.File f && f.path().startsWith("/")
              ? new Reply.File(f.name(), f.contentType(), f.content(), base + f.path(), f.title())
              : p);
    }
    return new Reply(parts);
  }
}
