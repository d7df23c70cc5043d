package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.bot.conversation.Reply;

/**
 * Teams shows at most six actions in a set: a reply that replaces a clicked card keeps every part's
 * buttons, each part's under it, none dropped (a setup checklist with every step to do has seven).
 */
class AdaptiveCardsActionsTest {

  @Test
  void aReplacingCardKeepsEveryButtonInSetsOfAtMostSix() {
    List<Reply.Part> steps = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      steps.add(
          new Reply.Card(
              "Step " + i,
              null,
              List.of(),
              "To do",
              List.of(Reply.Button.of("Do step " + i, "step." + i, Map.of())),
              null));
    }
    steps.add(
        new Reply.Card(
            "More",
            null,
            List.of(),
            null,
            List.of(
                Reply.Button.of("A", "a", Map.of()),
                Reply.Button.of("B", "b", Map.of()),
                Reply.Button.of("C", "c", Map.of())),
            null));

    JsonNode card = AdaptiveCards.single(new Reply(steps));

    List<String> titles = new ArrayList<>();
    assertThat(card.has("actions")).isFalse();
    for (JsonNode element : card.path("body")) {
      if ("ActionSet".equals(element.path("type").asText())) {
        assertThat(element.path("actions").size()).isBetween(1, AdaptiveCards.MAX_ACTIONS);
        element.path("actions").forEach(a -> titles.add(a.path("title").asText()));
      }
    }
    assertThat(titles)
        .containsExactly(
            "Do step 1",
            "Do step 2",
            "Do step 3",
            "Do step 4",
            "Do step 5",
            "Do step 6",
            "Do step 7",
            "A",
            "B",
            "C");
  }
}
