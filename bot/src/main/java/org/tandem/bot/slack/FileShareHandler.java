package org.tandem.bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.File;
import com.slack.api.model.event.MessageFileShareEvent;

/**
 * A file shared in a direct message with Tandem (a {@code message} event of subtype {@code
 * file_share}): stored in the inbox like any message, with the file's name, size and download
 * address; a worker fetches it with the bot token ({@code files:read}) and answers with the
 * directory preview. A file in a channel is not Tandem's to read.
 */
class FileShareHandler implements BoltEventHandler<MessageFileShareEvent> {

  private final SlackIntake intake;

  FileShareHandler(SlackIntake intake) {
    this.intake = intake;
  }

  @Override
  public Response apply(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
    MessageFileShareEvent m = payload.getEvent();
    if (!"im".equals(m.getChannelType())
        || m.getDisplayAsBot() == Boolean.TRUE
        || m.getFiles() == null
        || m.getFiles().isEmpty()) {
      return ctx.ack();
    }
    File f = m.getFiles().get(0);
    SlackIntake.Result r =
        intake.accept(
            "event:" + payload.getEventId(),
            new SlackRequest(
                "file",
                payload.getTeamId(),
                null,
                m.getUser(),
                m.getText(),
                null,
                null,
                null,
                null,
                m.getChannel(),
                new SlackRequest.SharedFile(
                    f.getId(),
                    f.getName(),
                    f.getSize() == null ? -1 : f.getSize(),
                    f.getUrlPrivateDownload() != null
                        ? f.getUrlPrivateDownload()
                        : f.getUrlPrivate())));
    // Not stored: 503 makes Slack deliver the event again a little later.
    return r == SlackIntake.Result.DOWN ? Response.error(503) : ctx.ack();
  }
}
