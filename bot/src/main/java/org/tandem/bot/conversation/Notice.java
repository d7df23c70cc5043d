package org.tandem.bot.conversation;

import java.util.Optional;
import java.util.Set;
import org.tandem.core.notifications.Notification;
import org.tandem.core.people.Employee;

/**
 * What Tandem says on its own for some outbox kinds: each feature writes its messages in one of
 * these, and the outbox dispatcher hands every claimed message to the one that names its kind.
 */
public interface Notice {

  /** The {@link Notification} kinds this notice writes. */
  Set<String> kinds();

  /**
   * The message for {@code to}, in their language, built when it is sent (so it shows things as
   * they are then); empty when what it was about is gone and nothing should be sent.
   */
  Optional<Reply> reply(Notification n, Employee to, Texts texts);

  /**
   * No channel reaches the person (never opened Tandem in Teams, left Slack): called once, when the
   * message is given up as undeliverable, so a notice can route it elsewhere (an approval request
   * goes to the CSR managers, saying why) in its own transaction.
   */
  default void unreachable(Notification n) {}
}
