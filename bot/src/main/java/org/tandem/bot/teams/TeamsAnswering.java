package org.tandem.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.bot.channels.Inbox;
import org.tandem.bot.channels.InboxHandler;
import org.tandem.bot.channels.InboxItem;
import org.tandem.bot.channels.RetryLater;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.bot.conversation.directory.DirectoryFile;
import org.tandem.bot.conversation.directory.DirectoryUploads;
import org.tandem.core.people.Role;

/**
 * Works the Teams rows of the inbox (messages, Tandem added or removed): the person is looked up
 * first (the connector's member profile on first contact, outside any transaction), then the
 * engine's work and the answer's activity are committed with the row; the answer then goes through
 * the Bot Connector, tried again with back-off while the connector fails.
 */
class TeamsAnswering implements InboxHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Inbox inbox;
  private final TeamsPeople people;
  private final ConversationEngine engine;
  private final ConversationReferences references;
  private final TeamsFiles files;
  private final BotConnector connector;
  private final TransactionTemplate tx;
  private final DirectoryUploads uploads;
  private final TeamsFileDownload download;

  TeamsAnswering(
      Inbox inbox,
      TeamsPeople people,
      ConversationEngine engine,
      ConversationReferences references,
      TeamsFiles files,
      BotConnector connector,
      TransactionTemplate tx,
      DirectoryUploads uploads,
      TeamsFileDownload download) {
    this.uploads = uploads;
    this.download = download;
    this.inbox = inbox;
    this.people = people;
    this.engine = engine;
    this.references = references;
    this.files = files;
    this.connector = connector;
    this.tx = tx;
  }

  @Override
  public String channel() {
    return "teams";
  }

  @Override
  public void work(InboxItem item) {
    JsonNode stored = read(item.payload());
    JsonNode activity = stored.path("activity");
    if (!item.answered()) {
      Who who = people.who(activity);
      // A file sent in the chat is fetched before the transaction: a network call never holds one.
      Shared shared =
          activity.path("type").asText().equals("message")
              ? TeamsFileDownload.attached(activity).map(f -> fetch(f, who)).orElse(null)
              : null;
      String answer =
          tx.execute(
              s -> {
                if (!inbox.holds(item)) {
                  return null;
                }
                ObjectNode out =
                    shared != null
                        ? file(who, activity, shared)
                        : activity.path("type").asText().equals("message")
                            ? message(who, activity, stored.path("base").asText())
                            : installation(who, activity);
                inbox.answered(
                    item, out == null ? null : write(out), who.tenant().value(), who.employeeId());
                return out == null ? "" : write(out);
              });
      if (answer == null) {
        return;
      }
      if (answer.isEmpty()) {
        inbox.done(item);
        return;
      }
      deliver(item, activity, read(answer));
    } else if (item.answer() == null) {
      inbox.done(item);
    } else {
      deliver(item, activity, read(item.answer()));
    }
  }

  /** A shared file in hand, or the answer that says why it is not read. */
  private record Shared(String name, Reply early, byte[] content) {}

  private Shared fetch(TeamsFileDownload.Attached f, Who who) {
    var early = uploads.before(who, f.name(), -1);
    if (early.isPresent()) {
      return new Shared(f.name(), early.get(), null);
    }
    return download
        .fetch(f.url(), DirectoryFile.MAX_BYTES)
        .map(bytes -> new Shared(f.name(), null, bytes))
        .orElseGet(() -> new Shared(f.name(), uploads.failed(who, "Microsoft Teams"), null));
  }

  /** The directory file's preview (or why it is not read), as a reply in the personal chat. */
  private ObjectNode file(Who who, JsonNode activity, Shared shared) {
    references.remember(who.tenant(), who.employeeId(), activity);
    Reply reply =
        shared.early() != null
            ? shared.early()
            : uploads.received(who, shared.name(), shared.content());
    ObjectNode answer = AdaptiveCards.message(reply);
    answer.set("from", activity.path("recipient"));
    answer.set("recipient", activity.path("from"));
    answer.set("conversation", activity.path("conversation"));
    answer.put("replyToId", activity.path("id").asText());
    return answer;
  }

  private ObjectNode message(Who who, JsonNode activity, String base) {
    references.remember(who.tenant(), who.employeeId(), activity);
    Reply reply = files.absoluteAt(engine.handle(MessagesController.inbound(who, activity)), base);
    ObjectNode answer = AdaptiveCards.message(reply);
    answer.set("from", activity.path("recipient"));
    answer.set("recipient", activity.path("from"));
    answer.set("conversation", activity.path("conversation"));
    answer.put("replyToId", activity.path("id").asText());
    return answer;
  }

  /**
   * Tandem added (installationUpdate "add", or conversationUpdate with the bot among the members
   * added): the conversation is remembered for proactive messages and welcomed; the installer of a
   * tenant with no admin yet becomes its admin and gets the setup checklist (answered from the
   * inbox like any message, so it survives a crash). Removed: forgotten.
   */
  private ObjectNode installation(Who who, JsonNode activity) {
    String botId = activity.at("/recipient/id").asText();
    String action = activity.path("action").asText("");
    boolean added = action.startsWith("add") || contains(activity.path("membersAdded"), botId);
    boolean removed =
        action.startsWith("remove") || contains(activity.path("membersRemoved"), botId);
    if (removed) {
      references.forget(who.tenant(), activity.at("/conversation/id").asText());
      return null;
    }
    if (!added) {
      return null;
    }
    references.remember(who.tenant(), who.employeeId(), activity);
    // Anyone may add Tandem in Teams: the first installer of a tenant with no admin runs it.
    Who installer = people.installedBy(who);
    Reply reply;
    if (installer.is(Role.ADMIN)
        && !who.is(Role.ADMIN)
        && "personal".equals(activity.at("/conversation/conversationType").asText("personal"))) {
      reply =
          Reply.notice(
                  Reply.Notice.Level.SUCCESS, Texts.of(installer.locale()).t("teams.welcome.admin"))
              .then(engine.handle(new Inbound.Command(installer, "admin", "setup")));
    } else {
      reply = engine.handle(new Inbound.Command(installer, "help", ""));
    }
    ObjectNode welcome = AdaptiveCards.message(reply);
    welcome.set("from", activity.path("recipient"));
    welcome.set("conversation", activity.path("conversation"));
    return welcome;
  }

  private void deliver(InboxItem item, JsonNode activity, JsonNode answer) {
    String replyTo = answer.hasNonNull("replyToId") ? answer.get("replyToId").asText() : null;
    BotConnector.Delivery d =
        connector.reply(
            activity.path("serviceUrl").asText(),
            activity.at("/conversation/id").asText(),
            replyTo,
            answer);
    switch (d) {
      case SENT -> inbox.done(item);
      case GONE -> inbox.failed(item, "the conversation is gone (403/404)");
      default -> throw new RetryLater("the Bot Connector failed", (java.time.Duration) null);
    }
  }

  private static boolean contains(JsonNode members, String id) {
    for (JsonNode m : members) {
      if (id.equals(m.path("id").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Every attempt failed: in its place, a message telling the person to ask again. */
  @Override
  public java.util.Optional<String> apology(InboxItem item) {
    if (item.answer() == null) {
      return java.util.Optional.empty();
    }
    JsonNode activity = read(item.payload()).path("activity");
    JsonNode answer = read(item.answer());
    java.time.ZoneId zone;
    try {
      zone = java.time.ZoneId.of(activity.path("localTimezone").asText("UTC"));
    } catch (java.time.DateTimeException e) {
      zone = java.time.ZoneOffset.UTC;
    }
    String text =
        Texts.of(java.util.Locale.forLanguageTag(activity.path("locale").asText("en")))
            .t(
                "inbox.missed",
                DateTimeFormatter.ofPattern("HH:mm").format(item.receivedAt().atZone(zone)));
    ObjectNode out = AdaptiveCards.message(Reply.notice(Reply.Notice.Level.WARNING, text));
    for (String field : new String[] {"from", "recipient", "conversation", "replyToId"}) {
      if (answer.has(field)) {
        out.set(field, answer.get(field));
      }
    }
    return java.util.Optional.of(write(out));
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
