package org.tandem.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;

/**
 * {@code /tandem [missions|profile|hours|mine|year|report|admin|help] ...}: acknowledged at once,
 * answered after the ack, only to the person who typed it (or as a modal for a form).
 */
class TandemCommandHandler implements SlashCommandHandler {

  private final SlackPeople people;
  private final SlackConversation conversation;
  private final AfterAck afterAck;

  TandemCommandHandler(SlackPeople people, SlackConversation conversation, AfterAck afterAck) {
    this.people = people;
    this.conversation = conversation;
    this.afterAck = afterAck;
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    SlashCommandPayload p = req.getPayload();
    String botToken = ctx.getBotToken();
    boolean queued =
        afterAck.once(
            "trigger:" + p.getTriggerId(),
            () -> {
              Who who = people.who(p.getTeamId(), p.getTeamDomain(), p.getUserId(), botToken);
              String text = p.getText() == null ? "" : p.getText().strip();
              int space = text.indexOf(' ');
              String name = space < 0 ? text : text.substring(0, space);
              String args = space < 0 ? "" : text.substring(space + 1);
              conversation.deliver(
                  conversation.handle(new Inbound.Command(who, name, args)),
                  new SlackConversation.Target(
                      botToken, p.getTriggerId(), p.getResponseUrl(), p.getUserId(), null),
                  Texts.of(who.locale()));
            });
    return queued
        ? ctx.ack()
        : ctx.ack(r -> r.responseType("ephemeral").text(SlackConversation.BUSY));
  }
}
