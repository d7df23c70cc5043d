package org.tandem.bot.web;

import org.tandem.bot.conversation.Reply;

/** The try-it chat's HTML, for tests outside this package. */
public final class WebRendering {

  private WebRendering() {}

  public static String html(Reply reply) {
    return new HtmlRenderer().render(reply);
  }
}
