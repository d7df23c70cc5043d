package org.tandem.bot.slack;

import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.context.builtin.BlockSuggestionContext;
import com.slack.api.bolt.handler.builtin.BlockSuggestionHandler;
import com.slack.api.bolt.request.builtin.BlockSuggestionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.composition.PlainTextObject;
import java.util.List;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Who;

/**
 * A searched field's external select (the mission form's association): the engine gives the choices
 * for what was typed, for the person and company asking. Answered within the request, as Slack
 * waits for it (3 s); it reads and changes nothing else.
 */
class EngineSuggestionHandler implements BlockSuggestionHandler {

  private final SlackPeople people;
  private final ConversationEngine engine;

  EngineSuggestionHandler(SlackPeople people, ConversationEngine engine) {
    this.people = people;
    this.engine = engine;
  }

  @Override
  public Response apply(BlockSuggestionRequest req, BlockSuggestionContext ctx) {
    var p = req.getPayload();
    if (p.getTeam() == null || p.getUser() == null || p.getView() == null) {
      return ctx.ack(r -> r.options(List.of()));
    }
    Who who = people.who(p.getTeam().getId(), p.getTeam().getDomain(), p.getUser().getId(), null);
    List<Option> options =
        engine
            .suggest(
                who,
                p.getView().getCallbackId(),
                p.getActionId(),
                p.getValue() == null ? "" : p.getValue())
            .stream()
            .limit(BlockKit.OPTIONS)
            .map(
                o ->
                    new Option(
                        new PlainTextObject(BlockKit.cut(o.label(), BlockKit.OPTION_TEXT), false),
                        BlockKit.cut(o.value(), BlockKit.OPTION_VALUE)))
            .toList();
    return ctx.ack(r -> r.options(options));
  }
}
