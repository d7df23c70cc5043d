package org.tandem.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.bot.channels.Inbox;
import org.tandem.bot.channels.InboxWorker;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;

/**
 * {@code POST /api/messages}: every activity is authenticated first (401 and nothing touched
 * otherwise). A message, or Tandem added or removed, is stored in the inbox under its activity id
 * and acknowledged at once (503 when it cannot be stored: the Bot Framework sends it again); a
 * worker answers it through the Bot Connector. An invoke (a card's button, a dialog) is answered in
 * the HTTP response, its work recorded in the inbox in the same transaction, so a repeated activity
 * id changes nothing. An invoke gets its answer within {@code tandem.teams.invoke-deadline}
 * whatever the connector does (a new person's profile is asked of it): past the deadline, Teams is
 * told it takes longer and to try again if nothing changed, and the work finishes on its own. Other
 * activity types are acknowledged and ignored.
 */
@RestController
@Conditional(TeamsEnabled.class)
class MessagesController implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(MessagesController.class);

  private final BotFrameworkAuthenticator authenticator;
  private final TeamsPeople people;
  private final ConversationEngine engine;
  private final Inbox inbox;
  private final InboxWorker worker;
  private final TransactionTemplate tx;
  private final TeamsFiles files;
  private final Duration invokeDeadline;
  private final ThreadPoolExecutor invokes;
  private final BotConnector connector;
  private final ObjectMapper json = new ObjectMapper();

  /** Where a dialog's closing answer carries what it offers to click, posted in the chat. */
  private static final String FOLLOW_UP = "tandem.followUp";

  MessagesController(
      BotFrameworkAuthenticator authenticator,
      TeamsPeople people,
      ConversationEngine engine,
      Inbox inbox,
      InboxWorker worker,
      TransactionTemplate tx,
      TeamsFiles files,
      BotConnector connector,
      @Value("${tandem.teams.invoke-deadline:PT10S}") Duration invokeDeadline) {
    this.files = files;
    this.connector = connector;
    this.invokeDeadline = invokeDeadline;
    // Invokes wait for their work only until the deadline; a bounded pool, so that a connector
    // hanging for everyone cannot pile up threads (past it, the request's own thread works).
    this.invokes =
        new ThreadPoolExecutor(
            4,
            16,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64),
            r -> {
              Thread t = new Thread(r, "teams-invoke");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    this.authenticator = authenticator;
    this.people = people;
    this.engine = engine;
    this.inbox = inbox;
    this.worker = worker;
    this.tx = tx;
  }

  @PostMapping("/api/messages")
  ResponseEntity<String> receive(
      @RequestHeader(value = "Authorization", required = false) String authorization,
      @RequestBody(required = false) String body) {
    JsonNode activity;
    try {
      activity = json.readTree(body == null ? "" : body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return ResponseEntity.badRequest().build();
    }
    if (!activity.isObject()) {
      return ResponseEntity.badRequest().build();
    }
    String serviceUrl = activity.path("serviceUrl").asText(null);
    if (authenticator
        .authenticate(authorization, serviceUrl, activity.path("channelId").asText(null))
        .isEmpty()) {
      return ResponseEntity.status(401).build();
    }
    String type = activity.path("type").asText();
    boolean handled =
        List.of("message", "invoke", "installationUpdate", "conversationUpdate").contains(type);
    if (handled && !ActivityCheck.wellFormed(activity)) {
      return ResponseEntity.badRequest().build();
    }
    if (!handled) {
      return ResponseEntity.ok().build();
    }
    String key =
        activity.hasNonNull("id")
            ? "activity:" + activity.get("id").asText()
            : "body:" + Integer.toHexString(body.hashCode()) + ":" + body.length();
    try {
      if (type.equals("invoke")) {
        return invoke(key, activity);
      }
      ObjectNode stored = json.createObjectNode();
      stored.put("base", files.base());
      stored.set("activity", activity);
      inbox
          .accept(
              "teams",
              key,
              type,
              activity.at("/conversation/tenantId").asText(null),
              json.writeValueAsString(stored),
              worker.lease())
          .ifPresent(worker::start);
      return ResponseEntity.ok().build();
    } catch (DataAccessException | TransactionException e) {
      log.error("Could not store a Teams {} ({}): 503, Teams sends it again", type, e.toString());
      return ResponseEntity.status(503).build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Invokes answered in the HTTP response: {@code adaptiveCard/action} (Universal Actions) with the
   * updated card; {@code task/fetch} and {@code task/submit} with a dialog holding the form (again,
   * with its errors, until it is right) or a closing message.
   */
  private ResponseEntity<String> invoke(String key, JsonNode activity) {
    String name = activity.path("name").asText();
    if (!name.equals("adaptiveCard/action")
        && !name.equals("task/fetch")
        && !name.equals("task/submit")) {
      return ResponseEntity.ok().build();
    }
    String base = files.base(); // read in the request's own thread: it may name its address
    CompletableFuture<ObjectNode> work =
        CompletableFuture.supplyAsync(() -> invokeWork(key, name, activity, base), invokes);
    ObjectNode answer;
    try {
      answer = work.get(invokeDeadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("Teams invoke {} not answered within {}: told to try again", key, invokeDeadline);
      answer = late(name, activity);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // a database failure becomes the 503 of the caller
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ResponseEntity.status(503).build();
    }
    if (answer == null) {
      return ResponseEntity.ok().build();
    }
    JsonNode followUp = answer.remove(FOLLOW_UP);
    // After the work's transaction, before the dialog closes (the connector's calls have
    // timeouts), so the buttons are in the chat when the person looks.
    if (followUp != null
        && connector.reply(
                activity.path("serviceUrl").asText(),
                activity.at("/conversation/id").asText(),
                null,
                followUp)
            != BotConnector.Delivery.SENT) {
      log.warn("Teams invoke {}: could not post its buttons in the chat", key);
    }
    try {
      return ResponseEntity.ok()
          .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
          .body(json.writeValueAsString(answer));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Past the deadline: the person is told, in their language, that it takes longer than usual and
   * to try again if nothing changed (a second click is a new activity; the engine's work is safe to
   * ask twice: a second commit finds the first, the same hours are questioned).
   */
  private ObjectNode late(String name, JsonNode activity) {
    String text =
        Texts.of(Locale.forLanguageTag(activity.path("locale").asText("en")))
            .t("teams.invoke.late");
    ObjectNode answer = json.createObjectNode();
    if (name.equals("adaptiveCard/action")) {
      answer.put("statusCode", 200);
      answer.put("type", "application/vnd.microsoft.activity.message");
      answer.put("value", text);
    } else {
      answer.putObject("task").put("type", "message").put("value", text);
    }
    return answer;
  }

  /** The invoke's work: the person (asked of the connector on first contact), then the engine. */
  private ObjectNode invokeWork(String key, String name, JsonNode activity, String base) {
    Who who = people.who(activity);
    return tx.execute(
        s -> {
          var item = inbox.accept("teams", key, "invoke", null, "", worker.lease());
          if (item.isEmpty()) {
            return null; // the same activity again: done already
          }
          ObjectNode a = invoked(who, name, activity, base);
          inbox.done(item.get());
          return a;
        });
  }

  @Override
  public void destroy() {
    invokes.shutdown();
  }

  private ObjectNode invoked(Who who, String name, JsonNode activity, String base) {
    ObjectNode answer = json.createObjectNode();
    if (name.equals("adaptiveCard/action")) {
      JsonNode action = activity.at("/value/action");
      ObjectNode data =
          action.path("data").isObject()
              ? (ObjectNode) action.path("data").deepCopy()
              : json.createObjectNode();
      data.put("action", action.path("verb").asText());
      Reply reply = files.absoluteAt(engine.handle(inbound(who, data, "")), base);
      answer.put("statusCode", 200);
      answer.put("type", AdaptiveCards.CONTENT_TYPE);
      answer.set("value", AdaptiveCards.single(reply));
    } else if (name.equals("task/fetch") || name.equals("task/submit")) {
      JsonNode data = activity.at("/value/data");
      Reply reply = engine.handle(inbound(who, data, ""));
      ObjectNode task = answer.putObject("task");
      var form =
          reply.parts().stream()
              .filter(p -> p instanceof Reply.Form)
              .map(p -> (Reply.Form) p)
              .findFirst();
      if (form.isPresent()) {
        task.put("type", "continue");
        ObjectNode value = task.putObject("value");
        value.put("title", form.get().title());
        ObjectNode card = value.putObject("card");
        card.put("contentType", AdaptiveCards.CONTENT_TYPE);
        card.set("content", AdaptiveCards.card(form.get()));
      } else {
        task.put("type", "message");
        task.put(
            "value",
            reply.plainText().length() > 1000
                ? reply.plainText().substring(0, 1000)
                : reply.plainText());
        if (offersClicks(reply)) {
          // A dialog closes on a line of text: the answer's buttons (the digest's offer after a
          // first profile) would be lost, so the whole answer is also posted in the chat.
          ObjectNode message = AdaptiveCards.message(reply);
          message.set("from", activity.path("recipient"));
          message.set("conversation", activity.path("conversation"));
          answer.set(FOLLOW_UP, message);
        }
      }
    }
    return answer;
  }

  private static boolean offersClicks(Reply reply) {
    return reply.parts().stream()
        .anyMatch(
            p -> p instanceof Reply.More || p instanceof Reply.Card c && !c.buttons().isEmpty());
  }

  static Inbound inbound(Who who, JsonNode activity) {
    return inbound(who, activity.path("value"), activity.path("text").asText(""));
  }

  static Inbound inbound(Who who, JsonNode value, String typed) {
    if (value.isObject() && value.has("formId")) {
      return new Inbound.Submit(
          who,
          value.get("formId").asText(),
          AdaptiveCards.values(value),
          AdaptiveCards.context(value));
    }
    if (value.isObject() && value.has("action")) {
      Map<String, String> data = new HashMap<>();
      value
          .properties()
          .forEach(
              e -> {
                if (!e.getKey().equals("action") && !e.getKey().equals(AdaptiveCards.TASK_KEY)) {
                  data.put(e.getKey(), e.getValue().asText());
                }
              });
      return new Inbound.Action(who, value.get("action").asText(), data);
    }
    String text = typed.replaceAll("<at>[^<]*</at>", " ").strip();
    return new Inbound.Text(who, text);
  }
}
