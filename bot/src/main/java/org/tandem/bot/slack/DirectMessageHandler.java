package org.tandem.bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;

/** A direct message to Tandem: free text to the engine, the answer in the same conversation. */
class DirectMessageHandler implements BoltEventHandler<MessageEvent> {

  private final SlackPeople people;
  private final SlackConversation conversation;
  private final AfterAck afterAck;

  DirectMessageHandler(SlackPeople people, SlackConversation conversation, AfterAck afterAck) {
    this.people = people;
    this.conversation = conversation;
    this.afterAck = afterAck;
  }

  @Override
  public Response apply(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent m = payload.getEvent();
    if (!"im".equals(m.getChannelType()) || m.getBotId() != null) {
      return ctx.ack();
    }
    String botToken = ctx.getBotToken();
    boolean queued =
        afterAck.once(
            "event:" + payload.getEventId(),
            () -> {
              Who who = people.who(payload.getTeamId(), null, m.getUser(), botToken);
              conversation.deliver(
                  conversation.handle(new Inbound.Text(who, m.getText())),
                  new SlackConversation.Target(botToken, null, null, m.getUser(), m.getChannel()),
                  Texts.of(who.locale()));
            });
    // Not even queued: 503 makes Slack deliver the event again a little later.
    return queued ? ctx.ack() : Response.error(503);
  }
}
