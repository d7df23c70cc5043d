package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tandem.core.text.Wording;

/**
 * The typography: every French message, rendered with sample arguments (counts 0, 1, 2 and 1,000, a
 * place starting with a vowel), has a non-breaking space before {@code : ; ! ?} and inside « »,
 * elides "de" before a vowel, and leaves a space after each full stop; every key of every bundle
 * exists in French and German, so no English slips in; counts choose their words.
 */
class TypographyTest {

  static final List<String> BUNDLES = List.of("i18n/conversation", "i18n/reports", "i18n/refusals");

  static final Pattern ARG = Pattern.compile("\\{(\\d+)(?:,\\s*(\\w+))?");
  static final Pattern BAD_PUNCTUATION =
      Pattern.compile("(?<![\\u00a0\\u202f])[:;!?](?=\\s|$|\\))");
  static final Pattern BAD_OPENING_QUOTE = Pattern.compile("«(?!\\u00a0)");
  static final Pattern BAD_CLOSING_QUOTE = Pattern.compile("(?<!\\u00a0)»");
  static final Pattern NO_ELISION =
      Pattern.compile("(?<![\\p{L}-])(de|que|le|ne|je) [aeiouéèêàâîôAEIOUÉÈÊÀÂÎÔ]");
  static final Pattern NO_SPACE_AFTER_STOP = Pattern.compile("\\p{Ll}[.!?]\\p{Lu}");

  @Test
  void everyFrenchMessageHasFrenchTypography() {
    List<String> problems = new ArrayList<>();
    for (String bundle : BUNDLES) {
      load(bundle + "_fr")
          .forEach(
              (key, pattern) -> {
                for (String shown : renderings(pattern, Locale.FRENCH)) {
                  check(problems, bundle + ":" + key, shown);
                }
              });
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckCatchesWhatIssue10Found() {
    List<String> problems = new ArrayList<>();
    check(problems, "a", "Où: Esch");
    check(problems, "b", "à 24 km de Arlon");
    check(problems, "c", "aucune période.Les groupes");
    check(problems, "d", "Essayez « aide »");
    check(problems, "e", "Merci !");
    assertThat(problems).hasSize(6);
    List<String> none = new ArrayList<>();
    check(none, "f", "Où\u00a0: à 24\u00a0km d'Arlon à 18:00. Merci\u202f! «\u00a0aide\u00a0»");
    assertThat(none).isEmpty();
  }

  @Test
  void everyKeyIsTranslated() {
    for (String bundle : BUNDLES) {
      Map<String, String> base = load(bundle);
      assertThat(load(bundle + "_fr").keySet())
          .as(bundle + " in French")
          .containsAll(base.keySet());
      assertThat(load(bundle + "_de").keySet())
          .as(bundle + " in German")
          .containsAll(base.keySet());
    }
  }

  @Test
  void countsChooseTheirWords() {
    Texts fr = Texts.of(Locale.FRENCH);
    assertThat(fr.t("roster.subtitle", "Repair Café", 1, 12))
        .isEqualTo("Repair Café · 1 place prise sur 12");
    assertThat(fr.t("roster.subtitle", "Repair Café", 0, 12)).contains("0 place prise sur 12");
    assertThat(fr.t("roster.subtitle", "Repair Café", 2, 12)).contains("2 places prises sur 12");
    assertThat(fr.t("report.commitments.value", 1, 1, 1, 1))
        .isEqualTo("1 pris · 1 terminé · 1 annulé · 1 absence");
    assertThat(fr.t("report.commitments.value", 2, 0, 2, 2))
        .isEqualTo("2 pris · 0 terminé · 2 annulés · 2 absences");
    assertThat(fr.t("mission.seats.left", 0)).startsWith("complet");
    assertThat(fr.t("mission.seats.left", 1)).isEqualTo("1 place restante");
    assertThat(fr.t("mission.seats.left", 2)).isEqualTo("2 places restantes");
    assertThat(fr.t("hours.logged", 1.5, "mardi 1er décembre", "Repair Café"))
        .isEqualTo("1,5\u00a0h déclarée le mardi 1er décembre pour Repair Café");
    assertThat(fr.t("hours.logged", 2, "mardi 1er décembre", "Repair Café"))
        .startsWith("2\u00a0h déclarées");
    Texts en = Texts.of(Locale.ENGLISH);
    assertThat(en.t("report.commitments.value", 0, 1, 2, 1)).endsWith("· 1 no-show");
    assertThat(en.t("mine.intro", 1)).isEqualTo("Your commitment");
    assertThat(en.t("mine.intro", 3)).isEqualTo("Your 3 commitments");
    Texts de = Texts.of(Locale.GERMAN);
    assertThat(de.t("mission.seats.left", 1)).isEqualTo("1 Platz frei");
    assertThat(de.t("mission.seats.left", 2)).isEqualTo("2 Plätze frei");
    assertThat(de.t("report.line", 1, "2")).startsWith("1 freiwillige Person");
  }

  @Test
  void datesAreWrittenTheLanguagesWay() {
    LocalDate sunday = LocalDate.of(2026, 11, 29);
    Texts de = Texts.of(Locale.GERMAN);
    assertThat(de.t("hours.logged", 2, de.longDate(sunday), "Repair Café"))
        .isEqualTo("2 Std. am Sonntag, 29. November für Repair Café erfasst");
    Texts fr = Texts.of(Locale.FRENCH);
    assertThat(fr.longDate(LocalDate.of(2026, 12, 1))).isEqualTo("mardi 1er décembre");
    assertThat(fr.date(LocalDate.of(2026, 12, 1))).isEqualTo("1er déc. 2026");
  }

  static void check(List<String> problems, String where, String shown) {
    for (Pattern p :
        List.of(
            BAD_PUNCTUATION,
            BAD_OPENING_QUOTE,
            BAD_CLOSING_QUOTE,
            NO_ELISION,
            NO_SPACE_AFTER_STOP)) {
      Matcher m = p.matcher(shown);
      while (m.find()) {
        int from = Math.max(0, m.start() - 20);
        problems.add(where + ": …" + shown.substring(from, Math.min(shown.length(), m.end() + 10)));
      }
    }
  }

  /** The message with every count at 0, 1, 2 and 1,000, names "Arlon" and dates 1 December. */
  static List<String> renderings(String pattern, Locale locale) {
    int count = 0;
    Map<Integer, String> kinds = new TreeMap<>();
    Matcher m = ARG.matcher(pattern);
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      kinds.merge(i, m.group(2) == null ? "" : m.group(2), (a, b) -> a.isEmpty() ? b : a);
      count = Math.max(count, i + 1);
    }
    List<String> out = new ArrayList<>();
    for (int n : new int[] {0, 1, 2, 1000}) {
      Object[] args = new Object[count];
      for (int i = 0; i < count; i++) {
        String kind = kinds.getOrDefault(i, "");
        args[i] =
            kind.isEmpty()
                ? (i % 2 == 0 ? "Arlon" : LocalDate.of(2026, 12, 1))
                : (Object) Integer.valueOf(n);
      }
      out.add(Wording.format(pattern, locale, args));
    }
    return out;
  }

  static Map<String, String> load(String name) {
    Properties p = new Properties();
    try (InputStream in =
        TypographyTest.class.getClassLoader().getResourceAsStream(name + ".properties")) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> m = new TreeMap<>();
    p.forEach((k, v) -> m.put((String) k, (String) v));
    return m;
  }
}
