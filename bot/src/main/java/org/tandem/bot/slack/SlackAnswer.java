package org.tandem.bot.slack;

import java.util.List;

/**
 * The engine's answer to a Slack request, rendered and stored in the inbox with the work that
 * produced it, so that delivering it again never runs the engine again.
 *
 * @param modal a form to open with the request's trigger (a view's JSON), or null
 * @param home the App Home view's JSON, or null
 * @param text the message's fallback text
 * @param blocks the message's blocks (JSON)
 * @param time when the person asked, in their language and time zone ("10:42")
 * @param locale the person's language tag
 */
record SlackAnswer(
    String modal,
    String home,
    String text,
    String blocks,
    List<Upload> files,
    String time,
    String locale) {

  /** A file of the answer (a report's chart, its CSV). */
  record Upload(String name, String title, boolean image, byte[] content) {}
}
