package org.tandem.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.io.IOException;

/**
 * A button of a Tandem card (Commit, Details, Not for me, Show more, Log hours...): stored in the
 * inbox and acknowledged; the engine decides, after the ack. When it cannot be stored, the person
 * is told through the response URL to try again.
 */
class EngineActionHandler implements BlockActionHandler {

  private final SlackIntake intake;

  EngineActionHandler(SlackIntake intake) {
    this.intake = intake;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) throws IOException {
    BlockActionPayload p = req.getPayload();
    if (p.getActions() == null || p.getActions().isEmpty()) {
      return ctx.ack();
    }
    BlockActionPayload.Action action = p.getActions().get(0);
    String key = SlackIntake.interactionKey(p.getTriggerId(), req.getRequestBodyAsString());
    SlackIntake.Result r =
        intake.accept(
            key,
            new SlackRequest(
                "action",
                p.getTeam().getId(),
                p.getTeam().getDomain(),
                p.getUser().getId(),
                null,
                action.getActionId(),
                action.getValue(),
                p.getTriggerId(),
                p.getResponseUrl(),
                p.getChannel() == null ? null : p.getChannel().getId()));
    if (r == SlackIntake.Result.DOWN && p.getResponseUrl() != null) {
      ctx.respond(a -> a.responseType("ephemeral").replaceOriginal(false).text(SlackIntake.DOWN));
    }
    return ctx.ack();
  }
}
