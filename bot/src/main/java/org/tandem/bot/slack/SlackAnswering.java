package org.tandem.bot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.bot.channels.Inbox;
import org.tandem.bot.channels.InboxHandler;
import org.tandem.bot.channels.InboxItem;
import org.tandem.bot.channels.RetryLater;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.bot.conversation.directory.DirectoryFile;
import org.tandem.bot.conversation.directory.DirectoryUploads;

/**
 * Works the Slack rows of the inbox. The person is looked up first (Slack's {@code users.info} on
 * first contact, outside any transaction); then the engine's work and its rendered answer are
 * committed in one transaction with the row, so a crash before the commit repeats the work and a
 * crash after it never does. The answer is then delivered outside any transaction: the response URL
 * (while it lives), else {@code chat.postMessage} in the person's conversation with Tandem; a 429
 * is retried after its Retry-After, a 5xx or a timeout after a back-off, never by sleeping.
 */
class SlackAnswering implements InboxHandler {

  private static final Logger log = LoggerFactory.getLogger(SlackAnswering.class);

  /** Slack's response URLs live 30 minutes. */
  static final Duration RESPONSE_URL_LIFE = Duration.ofMinutes(30);

  /** Errors Slack says are temporary: the same call is tried again later. */
  static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

  private final Inbox inbox;
  private final SlackPeople people;
  private final SlackConversation conversation;
  private final SlackTokens tokens;
  private final Slack slack;
  private final TransactionTemplate tx;
  private final DirectoryUploads uploads;
  private final SlackFileDownload download;
  private final org.tandem.core.setup.Setup setup;

  SlackAnswering(
      Inbox inbox,
      SlackPeople people,
      SlackConversation conversation,
      SlackTokens tokens,
      Slack slack,
      TransactionTemplate tx,
      DirectoryUploads uploads,
      SlackFileDownload download,
      org.tandem.core.setup.Setup setup) {
    this.setup = setup;
    this.uploads = uploads;
    this.download = download;
    this.inbox = inbox;
    this.people = people;
    this.conversation = conversation;
    this.tokens = tokens;
    this.slack = slack;
    this.tx = tx;
  }

  @Override
  public String channel() {
    return "slack";
  }

  @Override
  public void work(InboxItem item) {
    SlackRequest request = SlackIntake.read(item.payload(), SlackRequest.class);
    var token = tokens.forTeam(request.teamId());
    if (token.isEmpty()) {
      log.warn(
          "Slack workspace {} has no token any more: inbox {} dropped",
          request.teamId(),
          item.id());
      inbox.failed(item, "workspace uninstalled");
      return;
    }
    if (!item.answered()) {
      Who who = people.who(request.teamId(), request.teamDomain(), request.userId(), token.get());
      // A shared file is fetched before the transaction: a network call never holds a connection.
      Shared shared = "file".equals(request.kind()) ? fetch(request, who, token.get()) : null;
      String answer =
          tx.execute(
              s -> {
                if (!inbox.holds(item)) {
                  return null; // another worker took the row over: it answers
                }
                Reply reply =
                    shared == null
                        ? reply(request, who)
                        : shared.early() != null
                            ? shared.early()
                            : uploads.received(who, request.file().name(), shared.content());
                String json = SlackIntake.json(render(reply, request, who, item.receivedAt()));
                inbox.answered(item, json, who.tenant().value(), who.employeeId());
                return json;
              });
      if (answer == null) {
        return;
      }
      deliver(item.withAnswer(answer), request, token.get());
    } else {
      deliver(item, request, token.get());
    }
  }

  /** A shared file in hand, or the answer that says why it is not read. */
  private record Shared(Reply early, byte[] content) {}

  private Shared fetch(SlackRequest request, Who who, String token) {
    SlackRequest.SharedFile f = request.file();
    var early = uploads.before(who, f.name(), f.size());
    if (early.isPresent()) {
      return new Shared(early.get(), null);
    }
    return download
        .fetch(token, f.url(), DirectoryFile.MAX_BYTES)
        .map(bytes -> new Shared(null, bytes))
        .orElseGet(() -> new Shared(uploads.failed(who, "Slack"), null));
  }

  private Reply reply(SlackRequest r, Who who) {
    return switch (r.kind()) {
      case "command" -> {
        String text = r.text() == null ? "" : r.text().strip();
        int space = text.indexOf(' ');
        yield conversation.handle(
            new Inbound.Command(
                who,
                space < 0 ? text : text.substring(0, space),
                space < 0 ? "" : text.substring(space + 1)));
      }
      case "action" ->
          conversation.handle(
              new Inbound.Action(who, BlockKit.actionOf(r.actionId()), BlockKit.data(r.value())));
      case "home" -> AppHomeHandler.home(conversation, who, setup);
      default -> conversation.handle(new Inbound.Text(who, r.text()));
    };
  }

  /** The answer as Slack shows it: a modal to open, the App Home, or a message and its files. */
  static SlackAnswer render(Reply reply, SlackRequest request, Who who, Instant asked) {
    Texts texts = Texts.of(who.locale());
    String time = DateTimeFormatter.ofPattern("HH:mm").format(asked.atZone(who.zone()));
    String locale = who.locale().toLanguageTag();
    if ("home".equals(request.kind())) {
      return new SlackAnswer(
          null, BlockKit.json(BlockKit.home(reply)), null, null, List.of(), time, locale);
    }
    var form = SlackConversation.form(reply);
    if (form.isPresent() && request.triggerId() != null) {
      return new SlackAnswer(
          BlockKit.json(BlockKit.modal(form.get(), texts.t("slack.close"))),
          null,
          BlockKit.fallback(reply),
          null,
          List.of(),
          time,
          locale);
    }
    List<SlackAnswer.Upload> files =
        reply.parts().stream()
            .filter(p -> p instanceof Reply.File)
            .map(p -> (Reply.File) p)
            .map(f -> new SlackAnswer.Upload(f.name(), f.title(), f.isImage(), f.content()))
            .toList();
    return new SlackAnswer(
        null,
        null,
        BlockKit.fallback(reply),
        BlockKit.json(BlockKit.message(reply)),
        files,
        time,
        locale);
  }

  private void deliver(InboxItem item, SlackRequest request, String token) {
    SlackAnswer answer = SlackIntake.read(item.answer(), SlackAnswer.class);
    MethodsClient api = slack.methods(token);
    if (item.progress() == null) {
      if (answer.home() != null) {
        call(
            "views.publish",
            () -> api.viewsPublish(q -> q.userId(request.userId()).viewAsString(answer.home())));
        inbox.done(item);
        return;
      }
      if (answer.modal() != null) {
        if (openModal(api, request, answer)) {
          inbox.done(item);
          return;
        }
        // The trigger lives 3 seconds: an answer that comes late can only say so.
        String late =
            Texts.of(Locale.forLanguageTag(answer.locale())).t("inbox.form-expired", answer.time());
        Reply notice = Reply.notice(Reply.Notice.Level.WARNING, late);
        message(item, api, request, late, BlockKit.json(BlockKit.message(notice)));
      } else {
        message(item, api, request, answer.text(), answer.blocks());
      }
      inbox.progress(item, "message");
    }
    if (answer.files() != null && !answer.files().isEmpty()) {
      uploadFiles(api, request.userId(), answer.files());
    }
    inbox.done(item);
  }

  private boolean openModal(MethodsClient api, SlackRequest request, SlackAnswer answer) {
    try {
      var r = api.viewsOpen(q -> q.triggerId(request.triggerId()).viewAsString(answer.modal()));
      if (!r.isOk()) {
        log.warn("views.open failed: {}", r.getError());
      }
      return r.isOk();
    } catch (IOException | SlackApiException e) {
      log.warn("views.open failed: {}", e.toString());
      return false;
    }
  }

  /**
   * The message: ephemeral where the person mentioned Tandem in a channel; else through the
   * response URL while it lives; else, or when either fails, in the person's conversation.
   */
  private void message(
      InboxItem item, MethodsClient api, SlackRequest request, String text, String blocks) {
    if ("mention".equals(request.kind())) {
      try {
        var r =
            api.chatPostEphemeral(
                q ->
                    q.channel(request.channelId())
                        .user(request.userId())
                        .text(text)
                        .blocksAsString(blocks));
        if (r.isOk()) {
          return;
        }
        log.warn("chat.postEphemeral failed: {}", r.getError());
      } catch (IOException | SlackApiException e) {
        log.warn("chat.postEphemeral failed: {}", e.toString());
      }
    } else if (request.responseUrl() != null
        && item.receivedAt().plus(RESPONSE_URL_LIFE).isAfter(Instant.now())) {
      Map<String, Object> body = BlockKit.ephemeral(text, SlackIntake.read(blocks, List.class));
      try (var r = slack.getHttpClient().postJsonBody(request.responseUrl(), body)) {
        if (r.code() < 300) {
          return;
        }
        log.warn("response_url answered {}: posting in the conversation instead", r.code());
      } catch (IOException e) {
        log.warn("response_url failed: {}: posting in the conversation instead", e.toString());
      }
    }
    String channel =
        ("text".equals(request.kind()) || "file".equals(request.kind()))
                && request.channelId() != null
            ? request.channelId()
            : request.userId();
    call(
        "chat.postMessage",
        () -> api.chatPostMessage(q -> q.channel(channel).text(text).blocksAsString(blocks)));
  }

  /** A report's chart and CSV go into the person's conversation with Tandem. */
  private static void uploadFiles(
      MethodsClient api, String userId, List<SlackAnswer.Upload> files) {
    SlackFiles.upload(api, userId, files, SlackAnswering::call);
  }

  interface SlackCall<T extends SlackApiTextResponse> {
    T call() throws IOException, SlackApiException;
  }

  /** One Web API call: ok, or a {@link RetryLater} that says when to try again. */
  static <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
    try {
      T r = call.call();
      if (!r.isOk()) {
        if (TRANSIENT.contains(r.getError())) {
          throw new RetryLater(method + ": " + r.getError(), (Duration) null);
        }
        throw new IllegalStateException(method + ": " + r.getError());
      }
      return r;
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      if (code == 429) {
        throw new RetryLater(
            method + " answered 429", retryAfter(e.getResponse().header("Retry-After")));
      }
      throw new RetryLater(method + " answered " + code, e);
    } catch (IOException e) {
      throw new RetryLater(method + " failed: " + e, e);
    }
  }

  static Duration retryAfter(String header) {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "" : header.strip())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(30);
    }
  }

  /** Every attempt failed: in its place, a message telling the person to ask again. */
  @Override
  public Optional<String> apology(InboxItem item) {
    if (item.answer() == null) {
      return Optional.empty();
    }
    SlackAnswer answer = SlackIntake.read(item.answer(), SlackAnswer.class);
    String text = Texts.of(Locale.forLanguageTag(answer.locale())).t("inbox.missed", answer.time());
    Reply notice = Reply.notice(Reply.Notice.Level.WARNING, text);
    return Optional.of(
        SlackIntake.json(
            new SlackAnswer(
                null,
                null,
                text,
                BlockKit.json(BlockKit.message(notice)),
                List.of(),
                answer.time(),
                answer.locale())));
  }
}
