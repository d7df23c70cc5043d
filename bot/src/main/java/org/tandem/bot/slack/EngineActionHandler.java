package org.tandem.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.io.IOException;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;

/**
 * A button of a Tandem card (Commit, Details, Not for me, Show more, Log hours...): the engine
 * decides, this handler only passes the action id and its data, after the ack.
 */
class EngineActionHandler implements BlockActionHandler {

  private final SlackPeople people;
  private final SlackConversation conversation;
  private final AfterAck afterAck;

  EngineActionHandler(SlackPeople people, SlackConversation conversation, AfterAck afterAck) {
    this.people = people;
    this.conversation = conversation;
    this.afterAck = afterAck;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) throws IOException {
    BlockActionPayload p = req.getPayload();
    if (p.getActions() == null || p.getActions().isEmpty()) {
      return ctx.ack();
    }
    BlockActionPayload.Action action = p.getActions().get(0);
    String botToken = ctx.getBotToken();
    boolean queued =
        afterAck.once(
            "trigger:" + p.getTriggerId(),
            () -> {
              Who who =
                  people.who(
                      p.getTeam().getId(), p.getTeam().getDomain(), p.getUser().getId(), botToken);
              String channel = p.getChannel() == null ? null : p.getChannel().getId();
              conversation.deliver(
                  conversation.handle(
                      new Inbound.Action(
                          who,
                          BlockKit.actionOf(action.getActionId()),
                          BlockKit.data(action.getValue()))),
                  new SlackConversation.Target(
                      botToken, p.getTriggerId(), p.getResponseUrl(), p.getUser().getId(), channel),
                  Texts.of(who.locale()));
            });
    if (!queued) {
      ctx.respond(r -> r.responseType("ephemeral").text(SlackConversation.BUSY));
    }
    return ctx.ack();
  }
}
