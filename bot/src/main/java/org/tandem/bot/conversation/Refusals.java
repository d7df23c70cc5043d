package org.tandem.bot.conversation;

import org.tandem.core.common.Refusal;

/** A refusal from the core, said politely in the person's language. */
public final class Refusals {

  private Refusals() {}

  public static Reply reply(Refusal refusal, Texts texts) {
    return Reply.notice(Reply.Notice.Level.WARNING, refusal.message(texts.locale()));
  }

  public static Reply notFound(Texts texts) {
    return Reply.notice(Reply.Notice.Level.WARNING, texts.t("engine.not-found"));
  }
}
