package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.bot.support.Hostile;

/** Teams: a title's markdown link or emphasis shows as typed, in cards and in the message text. */
class AdaptiveCardsEscapingTest {

  static List<String> markdownTexts(JsonNode node, List<String> found) {
    if (node.isObject() && "TextBlock".equals(node.path("type").asText())) {
      found.add(node.path("text").asText());
    }
    if (node.isObject() && node.has("title") && node.has("value")) {
      found.add(node.path("title").asText());
      found.add(node.path("value").asText());
    }
    node.forEach(child -> markdownTexts(child, found));
    return found;
  }

  @Test
  void textBlocksAndFactsEscapeMarkdownAndTheMessageTextIsPlain() {
    JsonNode message = AdaptiveCards.message(Hostile.approvalCard());
    assertThat(message.path("textFormat").asText()).isEqualTo("plain");
    List<String> texts = markdownTexts(message.path("attachments"), new ArrayList<>());
    assertThat(texts).isNotEmpty();
    for (String t : texts) {
      // Once every escaped pair is taken out, nothing is left for markdown to act on.
      String bare = t.replaceAll("\\\\.", "");
      for (String markup : List.of("[", "]", "(", ")", "*", "_", "<", ">")) {
        assertThat(bare).as(t).doesNotContain(markup);
      }
    }
    assertThat(texts)
        .anyMatch(
            t ->
                t.contains(
                    "\\[Win a prize\\]\\(https://evil.example/x\\) \\<https://evil.example|click\\>"
                        + " \\*\\*URGENT\\*\\* \\_now\\_"));
  }
}
