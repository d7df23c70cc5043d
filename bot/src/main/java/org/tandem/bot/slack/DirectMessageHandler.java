package org.tandem.bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;

/**
 * A direct message to Tandem: stored in the inbox, then free text to the engine, the answer in the
 * same conversation.
 */
class DirectMessageHandler implements BoltEventHandler<MessageEvent> {

  private final SlackIntake intake;

  DirectMessageHandler(SlackIntake intake) {
    this.intake = intake;
  }

  @Override
  public Response apply(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent m = payload.getEvent();
    if (!"im".equals(m.getChannelType()) || m.getBotId() != null) {
      return ctx.ack();
    }
    SlackIntake.Result r =
        intake.accept(
            "event:" + payload.getEventId(),
            new SlackRequest(
                "text",
                payload.getTeamId(),
                null,
                m.getUser(),
                m.getText(),
                null,
                null,
                null,
                null,
                m.getChannel()));
    // Not stored: 503 makes Slack deliver the event again a little later.
    return r == SlackIntake.Result.DOWN ? Response.error(503) : ctx.ack();
  }
}
