package org.tandem.bot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Inbound;
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

  /** Said when the work after the ack cannot even be queued; the person's language is unknown. */
  static final String BUSY =
      "Tandem is very busy right now: please try again in a minute."
          + " / Tandem est très sollicité\u00a0: réessayez dans une minute."
          + " / Tandem ist gerade sehr ausgelastet: bitte in einer Minute erneut versuchen.";

  Reply handle(Inbound inbound) {
    return engine.handle(inbound);
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
    boolean sent = message(reply, to, texts);
    upload(reply, to);
    return sent;
  }

  /**
   * A reply's files (a report's chart and CSV) go into the person's conversation with Tandem
   * through files.uploadV2: a slash command may come from a channel Tandem is not in, and a report
   * is for the person who asked.
   */
  private void upload(Reply reply, Target to) {
    List<Reply.File> files =
        reply.parts().stream()
            .filter(p -> p instanceof Reply.File)
            .map(p -> (Reply.File) p)
            .toList();
    if (files.isEmpty()) {
      return;
    }
    try {
      var im = slack.methods(to.botToken()).conversationsOpen(q -> q.users(List.of(to.userId())));
      if (!im.isOk()) {
        log.warn("conversations.open failed: {}", im.getError());
        return;
      }
      String channel = im.getChannel().getId();
      var r =
          slack
              .methods(to.botToken())
              .filesUploadV2(
                  q ->
                      q.channel(channel)
                          .uploadFiles(
                              files.stream()
                                  .map(
                                      f ->
                                          FilesUploadV2Request.UploadFile.builder()
                                              .fileData(f.content())
                                              .filename(f.name())
                                              .title(f.title())
                                              .altTxt(f.isImage() ? f.title() : null)
                                              .build())
                                  .toList()));
      if (!r.isOk()) {
        log.warn("files.uploadV2 failed: {}", r.getError());
      }
    } catch (IOException | SlackApiException | RuntimeException e) {
      // The message is delivered: a failed upload is logged, never a reason to send it again.
      log.warn("Could not upload files to {}", to.userId(), e);
    }
  }

  private boolean message(Reply reply, Target to, Texts texts) {
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
        Map<String, Object> body =
            Map.of(
                "response_type",
                "ephemeral",
                "replace_original",
                false,
                "text",
                text,
                "blocks",
                blocks);
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
                  q -> q.channel(channel).text(text).blocksAsString(BlockKit.json(blocks)));
      if (!r.isOk()) {
        log.warn("chat.postMessage failed: {}", r.getError());
      }
      return r.isOk();
    } catch (IOException | SlackApiException e) {
      log.warn("Could not deliver a reply to {}", to.userId(), e);
      return false;
    }
  }
}
