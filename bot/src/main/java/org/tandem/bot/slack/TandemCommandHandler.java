package org.tandem.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/**
 * {@code /tandem [missions|profile|hours|mine|year|report|admin|help] ...}: stored in the inbox,
 * acknowledged, then answered by a worker, only to the person who typed it (or as a modal for a
 * form). When it cannot be stored, the ack itself asks the person to try again.
 */
class TandemCommandHandler implements SlashCommandHandler {

  private final SlackIntake intake;

  TandemCommandHandler(SlackIntake intake) {
    this.intake = intake;
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    SlashCommandPayload p = req.getPayload();
    String key = SlackIntake.interactionKey(p.getTriggerId(), req.getRequestBodyAsString());
    SlackIntake.Result r =
        intake.accept(
            key,
            new SlackRequest(
                "command",
                p.getTeamId(),
                p.getTeamDomain(),
                p.getUserId(),
                p.getText(),
                null,
                null,
                p.getTriggerId(),
                p.getResponseUrl(),
                p.getChannelId()));
    return r == SlackIntake.Result.DOWN
        ? ctx.ack(a -> a.responseType("ephemeral").text(SlackIntake.DOWN))
        : ctx.ack();
  }
}
