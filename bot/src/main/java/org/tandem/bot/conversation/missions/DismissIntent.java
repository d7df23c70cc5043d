package org.tandem.bot.conversation.missions;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.matching.Matching;

/** "Not for me": the mission is not proposed again; the next ones are a click away. */
@Component
class DismissIntent implements Handler {

  private final Matching matching;

  DismissIntent(Matching matching) {
    this.matching = matching;
  }

  @Override
  public Set<String> actions() {
    return Set.of("mission.dismiss");
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    OptionalLong id = Ids.parse(action.get("missionId"));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    matching.dismiss(action.who().tenant(), action.who().employeeId(), id.getAsLong());
    return Reply.of(
        new Reply.Notice(Reply.Notice.Level.INFO, texts.t("dismiss.done")),
        new Reply.More(texts.t("button.find"), "missions.find", Map.of()));
  }
}
