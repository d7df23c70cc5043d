package org.tandem.bot.teams;

import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.conversation.Reply;
import org.tandem.core.tenants.TenantId;

/**
 * Proactive messages: writes to a person in their one-to-one conversation with Tandem, without
 * being asked first (reminders, monthly reports). A 403 from the connector means Tandem was
 * removed: the conversation is marked dead and not tried again.
 */
public class TeamsNotifier implements Notifier {

  private final ConversationReferences references;
  private final BotConnector connector;
  private final TeamsFiles files;

  TeamsNotifier(ConversationReferences references, BotConnector connector, TeamsFiles files) {
    this.references = references;
    this.connector = connector;
    this.files = files;
  }

  @Override
  public Delivery send(TenantId tenant, long employeeId, Reply reply) {
    var ref = references.personal(tenant, employeeId);
    if (ref.isEmpty()) {
      return Delivery.UNREACHABLE;
    }
    var activity = AdaptiveCards.message(files.absoluteOutsideRequest(reply));
    activity.putObject("conversation").put("id", ref.get().conversationId());
    BotConnector.Delivery d =
        connector.reply(ref.get().serviceUrl(), ref.get().conversationId(), null, activity);
    if (d == BotConnector.Delivery.GONE) {
      references.dead(tenant, ref.get().conversationId());
      return Delivery.UNREACHABLE;
    }
    return d == BotConnector.Delivery.SENT ? Delivery.SENT : Delivery.FAILED;
  }
}
