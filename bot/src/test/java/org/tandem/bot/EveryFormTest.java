package org.tandem.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.slack.SlackRendering;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.bot.teams.TeamsRendering;
import org.tandem.bot.web.WebRendering;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * No form Tandem sends ever carries an empty select. Every form every handler can answer, found by
 * asking every command and clicking every button of every handler (as the installer of a new
 * company, with no demo data, and as one of its employees; first with nothing in the company, then
 * with an association, a mission and a commitment), then submitting each form as it is, empty, and
 * with each of its other submit buttons; each rendered as Slack's modal, Teams' card and the try-it
 * chat's HTML. Static selects also hold at most 100 options (Block Kit's limit).
 */
@BotTest
class EveryFormTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern HTML_SELECT = Pattern.compile("<select[^>]*>(.*?)</select>", Pattern.DOTALL);

  @Autowired ConversationEngine engine;
  @Autowired List<Handler> handlers;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Commitments commitments;

  final List<Reply> replies = new ArrayList<>();
  final Set<String> formIds = new LinkedHashSet<>();

  @Test
  void noFormOfAnEmptyCompanyCarriesAnEmptySelectOnAnyChannel() throws Exception {
    TenantId tenant = fixtures.company();
    Employee claire = fixtures.person(tenant, "Claire Weber");
    people.installedBy(tenant, claire.id());
    Chat installer =
        new Chat(engine, people.find(tenant, claire.id()).orElseThrow(), Locale.FRENCH);
    Chat employee = new Chat(engine, fixtures.person(tenant, "Tom"), Locale.GERMAN);

    Map<String, String> nothing = Map.of();
    walk(installer, nothing);
    walk(employee, nothing);
    assertThat(formIds).contains("mission", "association", "profile", "policy");

    Mission mission = fixtures.workshopInEsch(tenant, 3);
    long commitment = commitments.commit(tenant, claire.id(), mission.id(), false).value().id();
    Map<String, String> data =
        Map.of(
            "missionId", Long.toString(mission.id()),
            "mission", Long.toString(mission.id()),
            "commitmentId", Long.toString(commitment),
            "associationId", Long.toString(mission.associationId()),
            "entryId", "1");
    walk(installer, data);
    walk(employee, data);
    assertThat(formIds).contains("hours");

    int selects = 0;
    for (Reply reply : replies) {
      for (Reply.Part part : reply.parts()) {
        if (part instanceof Reply.Form form) {
          selects += slackSelects(JSON.readTree(SlackRendering.modal(form)));
          teamsChoices(JSON.readTree(TeamsRendering.card(form)));
        }
      }
      slackSelects(JSON.readTree(SlackRendering.message(reply)));
      teamsChoices(JSON.readTree(TeamsRendering.message(reply)));
      html(WebRendering.html(reply));
    }
    assertThat(selects).as("static selects checked").isGreaterThan(10);
  }

  @Test
  void aSelectWithoutOptionsIsShownAsItsNoteOnEveryChannel() throws Exception {
    List<Reply.Field> fields = new ArrayList<>();
    for (Reply.FieldType type :
        List.of(Reply.FieldType.SELECT, Reply.FieldType.MULTI_SELECT, Reply.FieldType.SEARCH)) {
      fields.add(
          new Reply.Field(
              type.name().toLowerCase(Locale.ROOT),
              "Pick one",
              type,
              true,
              List.of(new Reply.OptionGroup("", List.of())),
              List.of(),
              "Nothing to choose yet",
              null));
    }
    Reply.Form form = new Reply.Form("f", "Form", "", fields, "Save", Map.of());
    JsonNode modal = JSON.readTree(SlackRendering.modal(form));
    slackSelects(modal);
    assertThat(modal.toString()).contains("Nothing to choose yet").doesNotContain("\"options\":[]");
    JsonNode card = JSON.readTree(TeamsRendering.card(form));
    teamsChoices(card);
    assertThat(card.toString()).contains("Nothing to choose yet").doesNotContain("Input.ChoiceSet");
    String html = WebRendering.html(Reply.of(form));
    html(html);
    assertThat(html).contains("Nothing to choose yet").doesNotContain("<select");
  }

  /** Every command and button of every handler, then every form found, submitted three ways. */
  private void walk(Chat chat, Map<String, String> data) {
    Deque<Reply.Form> forms = new ArrayDeque<>();
    // Commands first: some buttons (cancel, decline) change what later commands show.
    for (Handler h : handlers) {
      for (String command : h.commands()) {
        found(chat.command(command, ""), forms);
      }
    }
    for (Handler h : handlers) {
      for (String action : h.actions()) {
        found(chat.click(action, data), forms);
      }
    }
    Set<String> submitted = new java.util.HashSet<>();
    while (!forms.isEmpty()) {
      Reply.Form f = forms.pop();
      if (!submitted.add(f.id() + f.context() + f.fields().size())) {
        continue;
      }
      Map<String, List<String>> asIs = new HashMap<>();
      Map<String, List<String>> empty = new HashMap<>();
      for (Reply.Field field : f.fields()) {
        asIs.put(field.name(), field.values());
        empty.put(field.name(), List.of());
      }
      found(chat.submit(f.id(), empty, f.context()), forms);
      found(chat.submit(f.id(), asIs, f.context()), forms);
      for (Reply.Button b : f.submits()) {
        Map<String, String> context = new HashMap<>(f.context());
        context.putAll(b.data());
        found(chat.submit(f.id(), asIs, context), forms);
      }
    }
  }

  private void found(Reply reply, Deque<Reply.Form> forms) {
    replies.add(reply);
    for (Reply.Part p : reply.parts()) {
      if (p instanceof Reply.Form f) {
        formIds.add(f.id());
        forms.push(f);
      }
    }
  }

  /** Every static select holds 1 to 100 options (or 1 to 100 groups of 1 to 100). */
  private static int slackSelects(JsonNode blocks) {
    int count = 0;
    for (JsonNode element : blocks.findParents("type")) {
      String type = element.path("type").asText();
      if (type.equals("static_select") || type.equals("multi_static_select")) {
        count++;
        if (element.has("option_groups")) {
          assertThat(element.get("option_groups").size()).as(element.toString()).isBetween(1, 100);
          for (JsonNode g : element.get("option_groups")) {
            assertThat(g.get("options").size()).as(element.toString()).isBetween(1, 100);
          }
        } else {
          assertThat(element.path("options").size()).as(element.toString()).isBetween(1, 100);
        }
      }
    }
    return count;
  }

  private static void teamsChoices(JsonNode card) {
    for (JsonNode input : card.findParents("type")) {
      if (input.path("type").asText().equals("Input.ChoiceSet")) {
        assertThat(input.path("choices").size()).as(input.toString()).isPositive();
      }
    }
  }

  private static void html(String html) {
    Matcher m = HTML_SELECT.matcher(html);
    while (m.find()) {
      assertThat(m.group(1)).as(m.group()).containsPattern("<option value=\"[^\"]+\"");
    }
    assertThat(html).doesNotContain("<div class=\"checks\"></div>");
  }
}
