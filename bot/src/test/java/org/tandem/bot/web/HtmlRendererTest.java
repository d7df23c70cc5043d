package org.tandem.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.bot.conversation.Markup;
import org.tandem.bot.conversation.Reply;

class HtmlRendererTest {

  final HtmlRenderer renderer = new HtmlRenderer();

  @Test
  void everythingPeopleTypedIsEscapedNeverRun() {
    String html =
        renderer.render(
            Reply.of(
                new Reply.Card(
                    "<script>alert(1)</script>",
                    "A & B",
                    List.of(new Reply.Fact("\"quoted\"", "<img src=x onerror=alert(1)>")),
                    "*bold* and <b>not bold</b>",
                    List.of(
                        Reply.Button.primary(
                            "Go", "mission.commit", Map.of("missionId", "1\"><script>"))),
                    null)));
    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("<img")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("A &amp; B")
        .contains("*bold* and &lt;b&gt;not bold&lt;/b&gt;")
        .contains("data-data=\"{&quot;missionId&quot;:&quot;1\\&quot;&gt;&lt;script&gt;&quot;}\"");
  }

  @Test
  void theSentencesOwnBoldIsBoldAndATypedStarStaysAStar() {
    String sentence = Markup.BOLD_OPEN + "help" + Markup.BOLD_CLOSE + " for *Eve*\nnow";
    assertThat(HtmlRenderer.text(sentence)).isEqualTo("<b>help</b> for *Eve*<br>now");
    assertThat(HtmlRenderer.escape(sentence)).isEqualTo("help for *Eve*\nnow");
  }

  @Test
  void formsShowValuesAndTheErrorOnTheirField() {
    Reply.Field place =
        new Reply.Field(
            "place",
            "Town",
            Reply.FieldType.PLACE,
            true,
            List.of(),
            List.of("Atlantis"),
            null,
            "Unknown place");
    Reply.Field skills =
        new Reply.Field(
            "skills",
            "Skills",
            Reply.FieldType.MULTI_SELECT,
            false,
            List.of(
                new Reply.OptionGroup(
                    "Finance", List.of(new Reply.Option("accounting", "Accounting")))),
            List.of("accounting"),
            null,
            null);
    String html =
        renderer.render(
            Reply.of(
                new Reply.Form(
                    "profile", "Profile", null, List.of(place, skills), "Save", Map.of())));
    assertThat(html)
        .contains("data-form=\"profile\"")
        .contains("value=\"Atlantis\"")
        .contains("<div class=\"error\">Unknown place</div>")
        .contains("value=\"accounting\" checked")
        .contains("<div class=\"group\">Finance</div>");
  }

  @Test
  void aChartShowsInlineAndACsvIsADownloadLink() {
    String html =
        renderer.render(
            Reply.of(
                new Reply.File(
                    "r.png",
                    "image/png",
                    new byte[] {1},
                    "/reports/files/abc/r.png",
                    "Hours <by> month"),
                new Reply.File(
                    "r.csv",
                    "text/csv; charset=utf-8",
                    new byte[] {1},
                    "/reports/files/def/r.csv",
                    "Data")));
    assertThat(html)
        .contains("<img src=\"/reports/files/abc/r.png\" alt=\"Hours &lt;by&gt; month\">")
        .contains("<a href=\"/reports/files/def/r.csv\" download=\"r.csv\">Data — r.csv</a>")
        .doesNotContain("<by>");
  }

  @Test
  void hostileNamesTitlesAndAddressesStayInertText() {
    String html = renderer.render(org.tandem.bot.support.Hostile.approvalCard());
    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("<https://")
        .doesNotContain("href=\"https://evil")
        .contains("Eve &lt;!channel&gt; &lt;@U0BOSS&gt;")
        .contains("[Win a prize](https://evil.example/x)");
    String links =
        renderer.render(
            Reply.of(
                new Reply.Card(
                    "t",
                    null,
                    List.of(),
                    null,
                    List.of(),
                    new Reply.Image("javascript:alert(1)", "chart")),
                new Reply.File("r.csv", "text/csv", new byte[0], " JavaScript:alert(2)", "Report"),
                new Reply.File("c.png", "image/png", new byte[0], "//evil.example/c.png", "C")));
    assertThat(links)
        .doesNotContainIgnoringCase("javascript:")
        .doesNotContain("//evil.example")
        .contains("src=\"#\"")
        .contains("href=\"#\"");
  }
}
