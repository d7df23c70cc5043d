package org.tandem.bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import java.util.concurrent.ExecutorService;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;

/** A direct message to Tandem: free text to the engine, the answer in the same conversation. */
class DirectMessageHandler implements BoltEventHandler<MessageEvent> {

  private final SlackPeople people;
  private final SlackConversation conversation;
  private final ProcessedEvents processed;
  private final ExecutorService executor;

  DirectMessageHandler(
      SlackPeople people,
      SlackConversation conversation,
      ProcessedEvents processed,
      ExecutorService executor) {
    this.people = people;
    this.conversation = conversation;
    this.processed = processed;
    this.executor = executor;
  }

  @Override
  public Response apply(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent m = payload.getEvent();
    if (!"im".equals(m.getChannelType()) || m.getBotId() != null) {
      return ctx.ack();
    }
    String botToken = ctx.getBotToken();
    try {
      executor.submit(
          () -> {
            if (!processed.firstTime("slack", "event:" + payload.getEventId())) {
              return;
            }
            Who who = people.who(payload.getTeamId(), null, m.getUser(), botToken);
            var reply = conversation.handle(new Inbound.Text(who, m.getText()));
            conversation.deliver(
                reply,
                new SlackConversation.Target(botToken, null, null, m.getUser(), m.getChannel()),
                Texts.of(who.locale()));
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Not even queued: 503 makes Slack deliver the event again a little later.
      return Response.error(503);
    }
    return ctx.ack();
  }
}
