package org.tandem.bot.slack;

import org.tandem.bot.conversation.Reply;

/** Block Kit as Tandem sends it, for tests outside this package. */
public final class SlackRendering {

  private SlackRendering() {}

  /** The modal of a form, as {@code views.open} and {@code response_action: update} carry it. */
  public static String modal(Reply.Form form) {
    return BlockKit.json(BlockKit.modal(form, "Close"));
  }

  /** The blocks of a message carrying the reply. */
  public static String message(Reply reply) {
    return BlockKit.json(BlockKit.message(reply));
  }
}
