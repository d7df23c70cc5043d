package org.tandem.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.bot.channels.ProcessedEvents;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.people.Role;

/**
 * {@code POST /api/messages}: every activity is authenticated first (401 and nothing touched
 * otherwise); a message's text, or the data of a card's button or form, goes to the engine; the
 * answer is sent back through the Bot Connector. Activity ids are processed once. Other activity
 * types are acknowledged and ignored.
 */
@RestController
@Conditional(TeamsEnabled.class)
class MessagesController {

  private final BotFrameworkAuthenticator authenticator;
  private final BotConnector connector;
  private final TeamsPeople people;
  private final ConversationEngine engine;
  private final ProcessedEvents processed;
  private final ConversationReferences references;
  private final TeamsFiles files;
  private final ObjectMapper json = new ObjectMapper();

  MessagesController(
      BotFrameworkAuthenticator authenticator,
      BotConnector connector,
      TeamsPeople people,
      ConversationEngine engine,
      ProcessedEvents processed,
      ConversationReferences references,
      TeamsFiles files) {
    this.files = files;
    this.authenticator = authenticator;
    this.connector = connector;
    this.people = people;
    this.engine = engine;
    this.processed = processed;
    this.references = references;
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
    if (!List.of("message", "invoke", "installationUpdate", "conversationUpdate").contains(type)
        || !processed.firstTime("teams", activity.path("id").asText(""))) {
      return ResponseEntity.ok().build();
    }
    if (type.equals("invoke")) {
      return invoke(activity);
    }
    if (!type.equals("message")) {
      installation(activity, serviceUrl);
      return ResponseEntity.ok().build();
    }
    Who who = people.who(activity);
    references.remember(who.tenant(), who.employeeId(), activity);
    Reply reply = files.absolute(engine.handle(inbound(who, activity)));
    ObjectNode answer = AdaptiveCards.message(reply);
    answer.set("from", activity.path("recipient"));
    answer.set("recipient", activity.path("from"));
    answer.set("conversation", activity.path("conversation"));
    answer.put("replyToId", activity.path("id").asText());
    connector.reply(
        serviceUrl,
        activity.at("/conversation/id").asText(),
        activity.path("id").asText(null),
        answer);
    return ResponseEntity.ok().build();
  }

  /**
   * Tandem added (installationUpdate "add", or conversationUpdate with the bot among the members
   * added): the conversation is remembered for proactive messages and welcomed; the installer of a
   * tenant with no admin yet becomes its admin and is asked to set the policy. Removed: forgotten.
   */
  private void installation(JsonNode activity, String serviceUrl) {
    String botId = activity.at("/recipient/id").asText();
    String action = activity.path("action").asText("");
    boolean added = action.startsWith("add") || contains(activity.path("membersAdded"), botId);
    boolean removed =
        action.startsWith("remove") || contains(activity.path("membersRemoved"), botId);
    if (!added && !removed) {
      return;
    }
    Who who = people.who(activity);
    if (removed) {
      references.forget(who.tenant(), activity.at("/conversation/id").asText());
      return;
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
              .then(engine.handle(new Inbound.Command(installer, "admin", "")));
    } else {
      reply = engine.handle(new Inbound.Command(installer, "help", ""));
    }
    ObjectNode welcome = AdaptiveCards.message(reply);
    welcome.set("from", activity.path("recipient"));
    welcome.set("conversation", activity.path("conversation"));
    connector.reply(serviceUrl, activity.at("/conversation/id").asText(), null, welcome);
  }

  /**
   * Invokes answered in the HTTP response: {@code adaptiveCard/action} (Universal Actions) with the
   * updated card; {@code task/fetch} and {@code task/submit} with a dialog holding the form (again,
   * with its errors, until it is right) or a closing message.
   */
  private ResponseEntity<String> invoke(JsonNode activity) {
    Who who = people.who(activity);
    String name = activity.path("name").asText();
    ObjectNode answer = json.createObjectNode();
    if (name.equals("adaptiveCard/action")) {
      JsonNode action = activity.at("/value/action");
      ObjectNode data =
          action.path("data").isObject()
              ? (ObjectNode) action.path("data").deepCopy()
              : json.createObjectNode();
      data.put("action", action.path("verb").asText());
      Reply reply = files.absolute(engine.handle(inbound(who, data, "")));
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
      }
    } else {
      return ResponseEntity.ok().build();
    }
    try {
      return ResponseEntity.ok()
          .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
          .body(json.writeValueAsString(answer));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
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
