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
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.bot.channels.Inbox;
import org.tandem.bot.channels.InboxItem;
import org.tandem.bot.channels.InboxWorker;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;

/**
 * A modal submitted (profile, log hours, mission, policy...). The engine answers within the
 * request: field errors go back with {@code response_action: errors} on the right field and the
 * modal stays open with everything typed; a follow-up form replaces the modal; anything else closes
 * it and is posted to the person. The submission is recorded in the inbox in the transaction of its
 * work, under the view's id and a hash of what was submitted: a replayed submission finds it and
 * changes nothing; a corrected one (other values) is new.
 */
class FormSubmissionHandler implements ViewSubmissionHandler {

  private static final Logger log = LoggerFactory.getLogger(FormSubmissionHandler.class);

  private final SlackPeople people;
  private final SlackConversation conversation;
  private final Inbox inbox;
  private final InboxWorker worker;
  private final TransactionTemplate tx;

  FormSubmissionHandler(
      SlackPeople people,
      SlackConversation conversation,
      Inbox inbox,
      InboxWorker worker,
      TransactionTemplate tx) {
    this.people = people;
    this.conversation = conversation;
    this.inbox = inbox;
    this.worker = worker;
    this.tx = tx;
  }

  private record Done(Response response, InboxItem toDeliver) {}

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    Map<String, List<String>> values = values(p.getView().getState());
    String key =
        "view:"
            + p.getView().getId()
            + ":"
            + SlackIntake.sha256(
                p.getView().getHash()
                    + "|"
                    + new TreeMap<>(values)
                    + "|"
                    + p.getView().getPrivateMetadata());
    SlackRequest request =
        new SlackRequest(
            "view",
            p.getTeam().getId(),
            p.getTeam().getDomain(),
            p.getUser().getId(),
            null,
            null,
            null,
            null,
            null,
            null);
    Done done;
    try {
      Who who = people.who(p.getTeam().getId(), p.getTeam().getDomain(), p.getUser().getId(), null);
      Texts texts = Texts.of(who.locale());
      done =
          tx.execute(
              s -> {
                var item =
                    inbox.accept(
                        "slack",
                        key,
                        "view",
                        request.teamId(),
                        SlackIntake.json(request),
                        worker.lease());
                if (item.isEmpty()) {
                  return new Done(ctx.ack(), null); // a replay: done already
                }
                Reply reply =
                    conversation.handle(
                        new Inbound.Submit(
                            who,
                            p.getView().getCallbackId(),
                            values,
                            BlockKit.data(p.getView().getPrivateMetadata())));
                var form = SlackConversation.form(reply);
                if (form.isPresent()
                    && form.get().id().equals(p.getView().getCallbackId())
                    && form.get().hasErrors()) {
                  // Nothing was done: the corrected submission must not look like a replay.
                  s.setRollbackOnly();
                  return new Done(
                      ctx.ack(r -> r.responseAction("errors").errors(BlockKit.errors(form.get()))),
                      null);
                }
                if (form.isPresent()) {
                  inbox.done(item.get());
                  return new Done(
                      ctx.ack(
                          r ->
                              r.responseAction("update")
                                  .viewAsString(
                                      BlockKit.json(
                                          BlockKit.modal(form.get(), texts.t("slack.close"))))),
                      null);
                }
                String answer =
                    SlackIntake.json(
                        SlackAnswering.render(reply, request, who, item.get().receivedAt()));
                inbox.answered(item.get(), answer, who.tenant().value(), who.employeeId());
                return new Done(ctx.ack(), item.get().withAnswer(answer));
              });
    } catch (DataAccessException | TransactionException e) {
      log.error(
          "Could not take a form of {} ({}): asked to try again",
          p.getUser().getId(),
          e.toString());
      if (values.isEmpty()) {
        return Response.error(503);
      }
      // The modal stays open with everything typed, and says why on its first field.
      String first = values.keySet().iterator().next();
      return ctx.ack(r -> r.responseAction("errors").errors(Map.of(first, SlackIntake.DOWN_SHORT)));
    }
    if (done.toDeliver() != null) {
      worker.start(done.toDeliver());
    }
    return done.response();
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
