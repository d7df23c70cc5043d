package org.tandem.bot.teams;

import org.tandem.bot.conversation.Reply;

/** Adaptive Cards as Tandem sends them, for tests outside this package. */
public final class TeamsRendering {

  private TeamsRendering() {}

  /** The message activity carrying the reply, one card per part. */
  public static String message(Reply reply) {
    return AdaptiveCards.message(reply).toString();
  }

  /** The card of one part, as a task module holds a form. */
  public static String card(Reply.Part part) {
    return AdaptiveCards.card(part).toString();
  }
}
