package org.tandem.bot.conversation.commitments;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.Outcome;
import org.tandem.core.missions.Missions;

/**
 * Cancels a commitment, after the person confirms: a seat given up by a slip of the thumb may be
 * gone to the waiting list at once. The freed seat goes to the waiting list in the core.
 */
@Component
class CancelIntent implements Handler {

  static final String ASK = "commitment.cancel";
  static final String CONFIRM = "commitment.cancel.confirm";

  private final Commitments commitments;
  private final Missions missions;

  CancelIntent(Commitments commitments, Missions missions) {
    this.commitments = commitments;
    this.missions = missions;
  }

  @Override
  public Set<String> actions() {
    return Set.of(ASK, CONFIRM);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    OptionalLong id = Ids.parse(action.get("commitmentId"));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    var who = action.who();
    if (action.id().equals(ASK)) {
      Outcome<Commitment> may =
          commitments.mayCancel(who.tenant(), who.employeeId(), id.getAsLong());
      if (!may.isDone()) {
        return Refusals.reply(may.refusal(), texts);
      }
      String title =
          missions.find(who.tenant(), may.value().missionId()).map(m -> m.title()).orElse("");
      Map<String, String> data = Map.of("commitmentId", Long.toString(id.getAsLong()));
      return Reply.of(
          new Reply.Card(
              texts.t("cancel.confirm", title),
              null,
              List.of(),
              texts.t("cancel.confirm.text"),
              List.of(
                  new Button(texts.t("button.cancel.confirm"), CONFIRM, data, Button.Style.DANGER),
                  Button.of(texts.t("button.cancel.keep"), "commitments.mine", Map.of())),
              null));
    }
    Outcome<Commitment> o = commitments.cancel(who.tenant(), who.employeeId(), id.getAsLong());
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    return Reply.notice(Reply.Notice.Level.SUCCESS, texts.t("cancel.done"));
  }
}
