package org.tandem.bot.conversation.digest;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.common.Outcome;
import org.tandem.core.digest.Digests;

/**
 * The digest's buttons: yes (on the day the button carries), stop (from the digest itself, honoured
 * at once: a digest still waiting to be sent is dropped), and no thanks. Core checks the day.
 */
@Component
class DigestIntent implements Handler {

  private final Digests digests;

  DigestIntent(Digests digests) {
    this.digests = digests;
  }

  @Override
  public Set<String> actions() {
    return Set.of(DigestOffer.ON, DigestOffer.OFF, DigestOffer.NO);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    if (DigestOffer.NO.equals(action.id())) {
      return Reply.of(
          new Reply.Notice(Reply.Notice.Level.INFO, texts.t("digest.no")),
          new Reply.More(texts.t("button.find"), "missions.find", Map.of()));
    }
    String day = DigestOffer.OFF.equals(action.id()) ? "off" : action.get("day");
    Outcome<Optional<DayOfWeek>> chosen =
        digests.choose(action.who().tenant(), action.who().employeeId(), day);
    if (!chosen.isDone()) {
      return Refusals.reply(chosen.refusal(), texts);
    }
    if (chosen.value().isEmpty()) {
      return Reply.of(
          new Reply.Card(
              texts.t("digest.off"),
              null,
              List.of(),
              null,
              List.of(DigestOffer.on(texts.t("button.digest.on"))),
              null));
    }
    return Reply.of(
        new Reply.Card(
            texts.t("digest.on", DigestOffer.when(chosen.value().get(), texts)),
            null,
            List.of(),
            null,
            List.<Button>of(DigestOffer.stop(texts)),
            null));
  }
}
