package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.core.tenants.TenantId;

/**
 * What people really type, in French, English and German, and the command each should reach. The
 * corpus ({@code conversation/utterances.tsv}) must reach its intent at least 95 % of the time; the
 * sentences quoted in the README and in the issues must each reach theirs.
 */
class UtteranceCorpusTest {

  static final double REQUIRED = 0.95;

  private final TextUnderstanding understanding = new TextUnderstanding();

  record Utterance(String language, String intent, String text) {}

  static List<Utterance> corpus() throws IOException {
    List<Utterance> all = new ArrayList<>();
    try (InputStream in =
        UtteranceCorpusTest.class.getResourceAsStream("/conversation/utterances.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", 3);
        all.add(new Utterance(cells[0], cells[1], cells[2].strip()));
      }
    }
    return all;
  }

  private String intentOf(String language, String text) {
    Who who =
        new Who(
            new TenantId(1),
            1,
            Locale.forLanguageTag(language),
            ZoneId.of("Europe/Luxembourg"),
            Set.of(),
            "test");
    return understanding.understand(who, ConversationEngine.clean(text)).name();
  }

  @Test
  void theCorpusIsLargeAndReachesItsIntentAtLeast95PercentOfTheTime() throws IOException {
    List<Utterance> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
    assertThat(corpus.stream().map(Utterance::language).distinct())
        .containsExactlyInAnyOrder("en", "fr", "de");
    List<String> misses = new ArrayList<>();
    for (Utterance u : corpus) {
      String got = intentOf(u.language(), u.text());
      if (!got.equals(u.intent())) {
        misses.add(u.language() + " \"" + u.text() + "\": " + got + " instead of " + u.intent());
      }
    }
    double reached = 1 - (double) misses.size() / corpus.size();
    System.out.printf(
        Locale.ROOT,
        "Corpus: %d messages, %.1f %% reached their intent; misses:%n  %s%n",
        corpus.size(),
        reached * 100,
        String.join("\n  ", misses));
    assertThat(reached).as("share reached; misses: %s", misses).isGreaterThanOrEqualTo(REQUIRED);
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          de | welche Einsätze sind offen?                  | missions
          en | any missions this year?                      | missions
          en | 3h tomorrow                                  | hours
          fr | j'ai fait 3 h hier                           | hours
          en | missions near Esch-sur-Alzette               | missions
          en | missions near Esch                           | missions
          fr | missions près d'Esch                         | missions
          fr | trouve-moi une mission à distance            | missions
          en | log 2.5h yesterday for the Caritas workshop  | hours
          de | mein Jahr                                    | year
          en | my year                                      | year
          en | approvals                                    | approvals
          en | admin                                        | admin
          en | report last month by site                    | report
          fr | rapport 2026 par cause                       | report
          fr | rapport le mois dernier par site             | report
          de | bericht dieses Quartal nach Monat            | report
          en | report monthly off                           | report
          en | roster 3                                     | roster
          en | roster 12                                    | roster
          fr | inscrits 12                                  | roster
          de | teilnehmer 12                                | roster
          en | Commit                                       | missions
          en | log 1e9h yesterday                           | hours
          en | remote                                       | missions
          en | profile                                      | profile
          de | gibt es etwas für Buchhalter?                | missions
          en | person Claire                                | person
          fr | personne claire@acme.lu                      | person
          """)
  void everyQuotedSentenceReachesItsIntent(String language, String text, String intent) {
    assertThat(intentOf(language, text)).isEqualTo(intent);
  }
}
