package org.tandem.bot.conversation.commitments;

import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.Outcome;

/** Cancels a commitment; the freed seat goes to the waiting list in the core. */
@Component
class CancelIntent implements Handler {

  private final Commitments commitments;

  CancelIntent(Commitments commitments) {
    this.commitments = commitments;
  }

  @Override
  public Set<String> actions() {
    return Set.of("commitment.cancel");
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    OptionalLong id = Ids.parse(action.get("commitmentId"));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    Outcome<Commitment> o =
        commitments.cancel(action.who().tenant(), action.who().employeeId(), id.getAsLong());
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    return Reply.notice(Reply.Notice.Level.SUCCESS, texts.t("cancel.done"));
  }
}
