package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Who;
import org.tandem.bot.support.BotTest;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * Every surface Tandem renders in Slack stays within Block Kit's limits (test resource {@code
 * slack/slack-block-kit-limits.md}): messages, modals and the App Home, in three languages, for a
 * busy CSR manager and admin with long lists and long texts.
 */
@BotTest
class BlockKitLimitsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired People people;

  @Test
  void everyRenderedMessageModalAndHomeRespectsTheLimits() {
    TenantId tenant = fixtures.company();
    Employee ana = fixtures.accountantInDifferdange(tenant);
    people.bootstrap(tenant, ana.id(), Role.CSR_MANAGER);
    ana = people.bootstrap(tenant, ana.id(), Role.ADMIN);
    var association =
        fixtures.association(
            tenant,
            "Association " + "with a very long name ".repeat(5),
            org.tandem.core.causes.Cause.HEALTH);
    for (int i = 0; i < 60; i++) {
      fixtures.mission(
          tenant,
          Fixtures.draft(
              association.id(),
              "Mission " + i + " " + "x".repeat(135),
              List.of("accounting"),
              MissionMode.REMOTE,
              null,
              3));
    }
    List<String> problems = new ArrayList<>();
    for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN)) {
      Who who =
          new Who(tenant, ana.id(), locale, ZoneId.of("Europe/Luxembourg"), ana.roles(), "test");
      List<Reply> replies = new ArrayList<>();
      for (String text :
          List.of(
              "help",
              "missions",
              "mine",
              "year",
              "profile",
              "hours",
              "approvals",
              "newmission",
              "admin",
              "qwerty " + "long ".repeat(600))) {
        replies.add(engine.handle(new Inbound.Text(who, text)));
      }
      replies.add(engine.handle(new Inbound.Action(who, "policy.edit", Map.of())));
      replies.add(
          engine.handle(new Inbound.Action(who, "missions.more", Map.of("q", "", "offset", "5"))));
      Reply home = replies.get(3).then(replies.get(2)).then(replies.get(1));
      check("home", JSON.valueToTree(BlockKit.home(home)), BlockKit.VIEW_BLOCKS, problems);
      for (Reply reply : replies) {
        if (SlackConversation.form(reply).isEmpty()) {
          check(
              "message " + BlockKit.cut(reply.plainText(), 60),
              JSON.valueToTree(Map.of("blocks", BlockKit.message(reply))),
              BlockKit.MESSAGE_BLOCKS,
              problems);
        }
        SlackConversation.form(reply)
            .ifPresent(
                f ->
                    check(
                        "modal " + f.id(),
                        JSON.valueToTree(BlockKit.modal(f, "Cancel")),
                        BlockKit.VIEW_BLOCKS,
                        problems));
      }
    }
    assertThat(problems).isEmpty();
  }

  static void check(String surface, JsonNode view, int maxBlocks, List<String> problems) {
    JsonNode blocks = view.get("blocks");
    if (blocks.size() > maxBlocks) {
      problems.add(surface + ": " + blocks.size() + " blocks");
    }
    if (blocks.isEmpty()) {
      problems.add(surface + ": no block");
    }
    for (String key : List.of("title", "submit", "close")) {
      if (view.has(key) && view.get(key).get("text").asText().length() > BlockKit.VIEW_TITLE) {
        problems.add(surface + ": " + key + " over 24");
      }
    }
    if (view.has("private_metadata")
        && view.get("private_metadata").asText().length() > BlockKit.PRIVATE_METADATA) {
      problems.add(surface + ": private_metadata over 3000");
    }
    for (JsonNode b : blocks) {
      String type = b.get("type").asText();
      limit(surface, problems, b.path("block_id").asText(), 255, "block_id");
      switch (type) {
        case "header" ->
            limit(surface, problems, b.at("/text/text").asText(), BlockKit.HEADER_TEXT, "header");
        case "section" -> {
          limit(
              surface,
              problems,
              b.at("/text/text").asText(),
              BlockKit.SECTION_TEXT,
              "section text");
          if (b.has("fields")) {
            if (b.get("fields").size() > BlockKit.FIELDS_PER_SECTION) {
              problems.add(surface + ": more than 10 fields");
            }
            b.get("fields")
                .forEach(
                    f ->
                        limit(
                            surface,
                            problems,
                            f.get("text").asText(),
                            BlockKit.FIELD_TEXT,
                            "field"));
          }
        }
        case "context" -> {
          if (b.get("elements").size() > 10) {
            problems.add(surface + ": context over 10 elements");
          }
        }
        case "actions" -> {
          if (b.get("elements").size() > BlockKit.ELEMENTS_PER_ACTIONS) {
            problems.add(surface + ": actions over 25 elements");
          }
          for (JsonNode e : b.get("elements")) {
            limit(
                surface,
                problems,
                e.at("/text/text").asText(),
                BlockKit.BUTTON_TEXT,
                "button text");
            limit(
                surface, problems, e.path("value").asText(), BlockKit.BUTTON_VALUE, "button value");
            limit(surface, problems, e.path("action_id").asText(), 255, "action_id");
          }
        }
        case "input" -> {
          limit(surface, problems, b.at("/label/text").asText(), 2000, "input label");
          JsonNode e = b.get("element");
          limit(surface, problems, e.path("action_id").asText(), 255, "action_id");
          limit(surface, problems, e.at("/placeholder/text").asText(), 150, "placeholder");
          if (e.has("options") && e.get("options").size() > BlockKit.OPTIONS) {
            problems.add(surface + ": over 100 options");
          }
          if (e.has("option_groups")) {
            if (e.get("option_groups").size() > BlockKit.OPTIONS) {
              problems.add(surface + ": over 100 option groups");
            }
            e.get("option_groups")
                .forEach(
                    g -> {
                      limit(
                          surface,
                          problems,
                          g.at("/label/text").asText(),
                          BlockKit.OPTION_TEXT,
                          "group label");
                      if (g.get("options").size() > BlockKit.OPTIONS) {
                        problems.add(surface + ": group over 100 options");
                      }
                      g.get("options").forEach(o -> option(surface, problems, o));
                    });
          }
          e.path("options").forEach(o -> option(surface, problems, o));
          e.path("initial_options").forEach(o -> option(surface, problems, o));
          if (e.has("initial_value")) {
            limit(surface, problems, e.get("initial_value").asText(), 3000, "initial value");
          }
        }
        default -> {}
      }
    }
  }

  static void option(String surface, List<String> problems, JsonNode o) {
    limit(surface, problems, o.at("/text/text").asText(), BlockKit.OPTION_TEXT, "option text");
    limit(surface, problems, o.path("value").asText(), BlockKit.OPTION_VALUE, "option value");
  }

  static void limit(String surface, List<String> problems, String text, int max, String what) {
    if (text.length() > max) {
      problems.add(surface + ": " + what + " of " + text.length() + " > " + max);
    }
  }
}
