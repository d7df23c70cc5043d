package org.tandem.bot.scheduling;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.notifications.Notification;
import org.tandem.core.people.Employee;

/**
 * The installer's welcome with the setup checklist, built when sent so it shows the steps as they
 * are then.
 */
@Component
class SetupChecklistNotice implements Notice {

  private final ConversationEngine engine;

  SetupChecklistNotice(ConversationEngine engine) {
    this.engine = engine;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(Notification.SETUP_CHECKLIST);
  }

  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    Who who = Who.of(to, n.payload() == null ? "outbox" : n.payload());
    return Optional.of(
        Reply.notice(Reply.Notice.Level.SUCCESS, texts.t("setup.welcome"))
            .then(engine.handle(new Inbound.Command(who, "admin", "setup"))));
  }
}
