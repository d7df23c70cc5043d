package org.tandem.bot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;

/**
 * Hands inbounds to the engine and delivers its replies the Slack way: a form opens as a modal
 * (with the interaction's trigger), anything else goes back to the person only, through the
 * response URL, or as a message in their conversation with Tandem.
 */
class SlackConversation {

  private static final Logger log = LoggerFactory.getLogger(SlackConversation.class);

  private final ConversationEngine engine;
  private final Slack slack;

  SlackConversation(ConversationEngine engine, Slack slack) {
    this.engine = engine;
    this.slack = slack;
  }

  Reply handle(Inbound inbound) {
    return engine.handle(inbound);
  }

  ConversationEngine engine() {
    return engine;
  }

  static Optional<Reply.Form> form(Reply reply) {
    return reply.parts().stream()
        .filter(p -> p instanceof Reply.Form)
        .map(p -> (Reply.Form) p)
        .findFirst();
  }

  /** Where a reply goes: the token, the interaction's trigger and response URL, the person. */
  record Target(
      String botToken,
      String triggerId,
      String responseUrl,
      String userId,
      String channelId,
      boolean onlyToUser) {

    Target(String botToken, String triggerId, String responseUrl, String userId, String channelId) {
      this(botToken, triggerId, responseUrl, userId, channelId, false);
    }
  }

  /** Delivers the reply; false when Slack refused the message (the failure is logged). */
  boolean deliver(Reply reply, Target to, Texts texts) {
    return deliver(reply, to, texts, null);
  }

  /**
   * Delivers the reply in steps recorded in {@code progress} (when given): the message, then its
   * files. A retry after a failed upload sends the files only; a retry after a crash first looks in
   * the conversation for the message stamped with the delivery's id, and does not post it again
   * when it is there. False when a step failed: the delivery is tried again later.
   */
  boolean deliver(Reply reply, Target to, Texts texts, Notifier.Progress progress) {
    if (progress == null || progress.done() == null) {
      String stamp = progress == null ? null : progress.id();
      boolean posted = progress != null && progress.retry() && alreadyPosted(to, stamp);
      if (!posted && !message(reply, to, texts, stamp)) {
        return false;
      }
      if (progress != null) {
        progress.record("message");
      }
    }
    return upload(reply, to);
  }

  /**
   * Whether the person's conversation with Tandem (or the target's channel) holds a message stamped
   * with this id.
   */
  private boolean alreadyPosted(Target to, String stamp) {
    try {
      String conversation = to.channelId();
      if (conversation == null) {
        var im = slack.methods(to.botToken()).conversationsOpen(q -> q.users(List.of(to.userId())));
        if (!im.isOk()) {
          return false;
        }
        conversation = im.getChannel().getId();
      }
      String in = conversation;
      var history =
          slack
              .methods(to.botToken())
              .conversationsHistory(q -> q.channel(in).limit(50).includeAllMetadata(true));
      return history.isOk()
          && history.getMessages() != null
          && history.getMessages().stream()
              .anyMatch(
                  m ->
                      m.getMetadata() != null
                          && STAMP.equals(m.getMetadata().getEventType())
                          && m.getMetadata().getEventPayload() != null
                          && stamp.equals(m.getMetadata().getEventPayload().get("id")));
    } catch (IOException | SlackApiException e) {
      // Not known: posting again risks a duplicate, not posting risks a loss. Post.
      log.warn("Could not look for an earlier delivery {}: {}", stamp, e.toString());
      return false;
    }
  }

  /** The metadata event type of Tandem's own deliveries (their id in the payload). */
  static final String STAMP = "tandem_delivery";

  /** A reply's files go into the person's conversation with Tandem (see {@link SlackFiles}). */
  private boolean upload(Reply reply, Target to) {
    List<SlackAnswer.Upload> files =
        reply.parts().stream()
            .filter(p -> p instanceof Reply.File)
            .map(p -> (Reply.File) p)
            .map(f -> new SlackAnswer.Upload(f.name(), f.title(), f.isImage(), f.content()))
            .toList();
    if (files.isEmpty()) {
      return true;
    }
    try {
      SlackFiles.upload(
          slack.methods(to.botToken()), to.userId(), files, SlackConversation::okOrLogged);
      return true;
    } catch (NotOk e) {
      return false;
    } catch (Exception e) {
      // IOException, SlackApiException or a RuntimeException. The message is delivered: only the
      // files are tried again (see the progress).
      log.warn("Could not upload files to {}: {}", to.userId(), e.toString());
      return false;
    }
  }

  /** A call Slack refused is logged once, and ends the upload: the outbox tries again. */
  private static <T extends SlackApiTextResponse> T okOrLogged(
      String method, SlackAnswering.SlackCall<T> call) throws IOException, SlackApiException {
    T r = call.call();
    if (!r.isOk()) {
      log.warn("{} failed: {}", method, r.getError());
      throw new NotOk();
    }
    return r;
  }

  private static final class NotOk extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotOk() {
      super(null, null, false, false);
    }
  }

  private boolean message(Reply reply, Target to, Texts texts, String stamp) {
    try {
      Optional<Reply.Form> form = form(reply);
      if (form.isPresent() && to.triggerId() != null) {
        var r =
            slack
                .methods(to.botToken())
                .viewsOpen(
                    q ->
                        q.triggerId(to.triggerId())
                            .viewAsString(
                                BlockKit.json(BlockKit.modal(form.get(), texts.t("slack.close")))));
        if (!r.isOk()) {
          log.warn("views.open failed: {}", r.getError());
        }
        return r.isOk();
      }
      List<Map<String, Object>> blocks = BlockKit.message(reply);
      String text = BlockKit.fallback(reply);
      if (to.responseUrl() != null) {
        Map<String, Object> body = BlockKit.ephemeral(text, blocks);
        var r = slack.getHttpClient().postJsonBody(to.responseUrl(), body);
        boolean ok = r.code() < 300;
        if (!ok) {
          log.warn("response_url answered {}", r.code());
        }
        r.close();
        return ok;
      }
      String channel = to.channelId() != null ? to.channelId() : to.userId();
      if (to.onlyToUser()) {
        // In a shared channel the answer concerns the person who asked: only they see it.
        var e =
            slack
                .methods(to.botToken())
                .chatPostEphemeral(
                    q ->
                        q.channel(channel)
                            .user(to.userId())
                            .text(text)
                            .blocksAsString(BlockKit.json(blocks)));
        if (!e.isOk()) {
          log.warn("chat.postEphemeral failed: {}", e.getError());
        }
        return e.isOk();
      }
      var r =
          slack
              .methods(to.botToken())
              .chatPostMessage(
                  q ->
                      q.channel(channel)
                          .text(text)
                          .blocksAsString(BlockKit.json(blocks))
                          .metadataAsString(
                              stamp == null
                                  ? null
                                  : BlockKit.json(
                                      Map.of(
                                          "event_type",
                                          STAMP,
                                          "event_payload",
                                          Map.of("id", stamp)))));
      if (!r.isOk()) {
        log.warn("chat.postMessage failed: {}", r.getError());
        if (stamp != null && SlackUnreachable.PERSON_GONE.contains(r.getError())) {
          throw new SlackUnreachable.Gone(r.getError(), false);
        }
        if (stamp != null && SlackUnreachable.INSTALL_GONE.contains(r.getError())) {
          throw new SlackUnreachable.Gone(r.getError(), true);
        }
      }
      return r.isOk();
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      if (code == 429) {
        // The workspace is paused by the outbox for the Retry-After, this message put back.
        throw new org.tandem.bot.channels.RetryLater(
            "chat.postMessage answered 429",
            SlackAnswering.retryAfter(e.getResponse().header("Retry-After")));
      }
      if (code == 403 && stamp != null) {
        throw new SlackUnreachable.Gone("HTTP 403", false);
      }
      log.warn("Could not deliver a reply to {}", to.userId(), e);
      return false;
    } catch (IOException e) {
      log.warn("Could not deliver a reply to {}", to.userId(), e);
      return false;
    }
  }
}
