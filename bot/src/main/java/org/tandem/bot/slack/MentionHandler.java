package org.tandem.bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;

/**
 * "@Tandem missions near Esch" in a channel: stored in the inbox, then the rest to the engine, the
 * answer to the asker only.
 */
class MentionHandler implements BoltEventHandler<AppMentionEvent> {

  private final SlackIntake intake;

  MentionHandler(SlackIntake intake) {
    this.intake = intake;
  }

  @Override
  public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent m = payload.getEvent();
    if (m.getBotId() != null) {
      return ctx.ack();
    }
    String text = m.getText() == null ? "" : m.getText().replaceAll("<@[A-Z0-9]+>", " ").strip();
    SlackIntake.Result r =
        intake.accept(
            "event:" + payload.getEventId(),
            new SlackRequest(
                "mention",
                payload.getTeamId(),
                null,
                m.getUser(),
                text,
                null,
                null,
                null,
                null,
                m.getChannel()));
    return r == SlackIntake.Result.DOWN ? Response.error(503) : ctx.ack();
  }
}
