package org.tandem.bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;

/**
 * "@Tandem missions near Esch" in a channel: the rest to the engine, the answer to the asker only.
 */
class MentionHandler implements BoltEventHandler<AppMentionEvent> {

  private final SlackPeople people;
  private final SlackConversation conversation;
  private final AfterAck afterAck;

  MentionHandler(SlackPeople people, SlackConversation conversation, AfterAck afterAck) {
    this.people = people;
    this.conversation = conversation;
    this.afterAck = afterAck;
  }

  @Override
  public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent m = payload.getEvent();
    if (m.getBotId() != null) {
      return ctx.ack();
    }
    String botToken = ctx.getBotToken();
    boolean queued =
        afterAck.once(
            "event:" + payload.getEventId(),
            () -> {
              Who who = people.who(payload.getTeamId(), null, m.getUser(), botToken);
              String text =
                  m.getText() == null ? "" : m.getText().replaceAll("<@[A-Z0-9]+>", " ").strip();
              conversation.deliver(
                  conversation.handle(new Inbound.Text(who, text)),
                  new SlackConversation.Target(
                      botToken, null, null, m.getUser(), m.getChannel(), true),
                  Texts.of(who.locale()));
            });
    return queued ? ctx.ack() : Response.error(503);
  }
}
