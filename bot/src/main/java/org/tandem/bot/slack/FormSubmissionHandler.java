package org.tandem.bot.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;

/**
 * A modal submitted (profile, log hours, mission, policy...). The engine answers within the
 * request: field errors go back with {@code response_action: errors} on the right field and the
 * modal stays open with everything typed; a follow-up form replaces the modal; anything else closes
 * it and is posted to the person.
 */
class FormSubmissionHandler implements ViewSubmissionHandler {

  private final SlackPeople people;
  private final SlackConversation conversation;
  private final AfterAck afterAck;

  FormSubmissionHandler(SlackPeople people, SlackConversation conversation, AfterAck afterAck) {
    this.people = people;
    this.conversation = conversation;
    this.afterAck = afterAck;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    Who who = people.who(p.getTeam().getId(), p.getTeam().getDomain(), p.getUser().getId(), null);
    Texts texts = Texts.of(who.locale());
    Reply reply =
        conversation.handle(
            new Inbound.Submit(
                who,
                p.getView().getCallbackId(),
                values(p.getView().getState()),
                BlockKit.data(p.getView().getPrivateMetadata())));
    var form = SlackConversation.form(reply);
    if (form.isPresent()
        && form.get().id().equals(p.getView().getCallbackId())
        && form.get().hasErrors()) {
      return ctx.ack(r -> r.responseAction("errors").errors(BlockKit.errors(form.get())));
    }
    if (form.isPresent()) {
      return ctx.ack(
          r ->
              r.responseAction("update")
                  .viewAsString(BlockKit.json(BlockKit.modal(form.get(), texts.t("slack.close")))));
    }
    String botToken = ctx.getBotToken();
    Runnable post =
        () ->
            conversation.deliver(
                reply,
                new SlackConversation.Target(botToken, null, null, p.getUser().getId(), null),
                texts);
    afterAck.run(post);
    return ctx.ack();
  }

  /** The submitted values per field: the block ids are the field names. */
  static Map<String, List<String>> values(ViewState state) {
    Map<String, List<String>> values = new HashMap<>();
    if (state == null || state.getValues() == null) {
      return values;
    }
    state
        .getValues()
        .forEach(
            (blockId, actions) ->
                actions.values().stream()
                    .findFirst()
                    .ifPresent(
                        v -> {
                          List<String> list = new ArrayList<>();
                          if (v.getValue() != null) {
                            list.add(v.getValue());
                          } else if (v.getSelectedDate() != null) {
                            list.add(v.getSelectedDate());
                          } else if (v.getSelectedOption() != null) {
                            list.add(v.getSelectedOption().getValue());
                          } else if (v.getSelectedOptions() != null) {
                            v.getSelectedOptions().forEach(o -> list.add(o.getValue()));
                          }
                          values.put(blockId, list);
                        }));
    return values;
  }
}
