package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.support.Hostile;

/** Slack: what people typed never becomes a mention, a broadcast or a link, in blocks or text. */
class BlockKitEscapingTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Every mrkdwn text of the blocks, and whether each is verbatim. */
  static List<JsonNode> mrkdwn(JsonNode node, List<JsonNode> found) {
    if (node.isObject() && "mrkdwn".equals(node.path("type").asText())) {
      found.add(node);
    }
    node.forEach(child -> mrkdwn(child, found));
    return found;
  }

  static void assertInert(String slackText) {
    assertThat(slackText)
        .doesNotContain("<!channel>")
        .doesNotContain("<!here")
        .doesNotContain("<@U0BOSS>")
        .doesNotContain("<https://")
        .doesNotContain("<script>");
  }

  @Test
  void namesAndTitlesAreEscapedInBlocksAndInTheFallbackText() throws Exception {
    Reply reply = Hostile.approvalCard();
    JsonNode blocks = JSON.valueToTree(BlockKit.message(reply));
    List<JsonNode> texts = mrkdwn(blocks, new ArrayList<>());
    assertThat(texts).isNotEmpty();
    for (JsonNode t : texts) {
      assertInert(t.path("text").asText());
      assertThat(t.path("verbatim").asBoolean()).isTrue();
    }
    assertThat(blocks.toString()).contains("&lt;!channel&gt;").contains("&lt;@U0BOSS&gt;");

    String fallback = BlockKit.fallback(reply);
    assertInert(fallback);
    assertThat(fallback).contains("Eve &lt;!channel&gt; &lt;@U0BOSS&gt;").contains("&amp; Co");
  }

  @Test
  void aCutFallbackLeavesNoHalfEntity() {
    String escaped = BlockKit.escape("a".repeat(2998) + "<b");
    assertThat(BlockKit.cutEscaped(escaped, 3000)).endsWith("a…").doesNotContain("&l…");
  }
}
