package org.tandem.bot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a person does with a modal Tandem opened (the {@code view} of a {@code views.open} call):
 * fills its inputs and submits it, as Slack then sends it, with the view's own callback id and
 * private metadata. Each input keeps what Tandem put in it unless the test types something else.
 */
public final class SlackModals {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackModals() {}

  /** The {@code view_submission} of {@code view} with {@code typed} values in its inputs. */
  public static Map<String, Object> submission(
      String team, String userId, JsonNode view, Map<String, List<String>> typed) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (JsonNode block : view.path("blocks")) {
      if (!"input".equals(block.path("type").asText())) {
        continue;
      }
      JsonNode element = block.path("element");
      String field = block.path("block_id").asText();
      List<String> chosen = typed.containsKey(field) ? typed.get(field) : initial(element);
      values.put(field, Map.of(element.path("action_id").asText(), state(element, chosen)));
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", "V" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    v.put("type", "modal");
    v.put("callback_id", view.path("callback_id").asText());
    v.put("private_metadata", view.path("private_metadata").asText("{}"));
    v.put("state", Map.of("values", values));
    return Map.of(
        "type",
        "view_submission",
        "team",
        Map.of("id", team, "domain", "acme"),
        "user",
        Map.of("id", userId, "username", userId.toLowerCase(), "team_id", team),
        "api_app_id",
        "A0TANDEM",
        "trigger_id",
        "789." + UUID.randomUUID(),
        "view",
        v);
  }

  /** The modal Tandem opened in a {@code views.open} call. */
  public static JsonNode view(FakeSlackApi.Call viewsOpen) throws Exception {
    return JSON.readTree(viewsOpen.param("view"));
  }

  private static List<String> initial(JsonNode element) {
    List<String> values = new ArrayList<>();
    if (element.hasNonNull("initial_value")) {
      values.add(element.get("initial_value").asText());
    } else if (element.hasNonNull("initial_date")) {
      values.add(element.get("initial_date").asText());
    } else if (element.hasNonNull("initial_option")) {
      values.add(element.at("/initial_option/value").asText());
    } else {
      element.path("initial_options").forEach(o -> values.add(o.path("value").asText()));
    }
    return values;
  }

  private static Map<String, Object> state(JsonNode element, List<String> chosen) {
    String type = element.path("type").asText();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", type);
    String first = chosen.isEmpty() ? null : chosen.get(0);
    switch (type) {
      case "datepicker" -> s.put("selected_date", first);
      case "static_select", "external_select" ->
          s.put("selected_option", first == null ? null : option(first));
      case "multi_static_select", "multi_external_select" ->
          s.put("selected_options", chosen.stream().map(SlackModals::option).toList());
      default -> s.put("value", first);
    }
    return s;
  }

  private static Map<String, Object> option(String value) {
    return Map.of("text", Map.of("type", "plain_text", "text", value), "value", value);
  }

  /** Something a test does that should make Tandem open a modal (a click, a command). */
  public interface Step {
    void run() throws Exception;
  }

  /** The modal Tandem opens (views.open on the fake) after {@code step}, within 10 s. */
  public static JsonNode openedBy(FakeSlackApi slack, Step step) throws Exception {
    int before = slack.calls("views.open").size();
    step.run();
    long deadline = System.currentTimeMillis() + 10_000;
    while (slack.calls("views.open").size() <= before) {
      org.assertj.core.api.Assertions.assertThat(System.currentTimeMillis())
          .as("a modal opened")
          .isLessThan(deadline);
      Thread.sleep(20);
    }
    return view(slack.calls("views.open").get(before));
  }
}
