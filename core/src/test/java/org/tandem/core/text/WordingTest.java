package org.tandem.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;

/** Dates, counts and place names the way French, German and English write them. */
class WordingTest {

  static final LocalDate FIRST = LocalDate.of(2026, 12, 1);
  static final LocalDate SUNDAY = LocalDate.of(2026, 11, 29);

  @Test
  void frenchWritesTheFirstOfAMonthAsAnOrdinal() {
    assertThat(Wording.longDate(FIRST, Locale.FRENCH)).isEqualTo("1er décembre 2026");
    assertThat(Wording.longDate(FIRST.plusDays(1), Locale.FRENCH)).isEqualTo("2 décembre 2026");
    assertThat(Wording.dayAndMonth(FIRST, Locale.FRENCH)).isEqualTo("mardi 1er décembre");
    assertThat(Wording.shortDate(FIRST, Locale.FRENCH)).isEqualTo("1er déc. 2026");
    assertThat(Wording.longDate(LocalDate.of(2026, 11, 11), Locale.FRENCH))
        .isEqualTo("11 novembre 2026");
    assertThat(
            Wording.dateTime(
                ZonedDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneId.of("Europe/Luxembourg")),
                Locale.FRENCH))
        .isEqualTo("mardi 1er décembre 2026 à 18:00");
  }

  @Test
  void germanAndEnglishDates() {
    assertThat(Wording.dayAndMonth(SUNDAY, Locale.GERMAN)).isEqualTo("Sonntag, 29. November");
    assertThat(Wording.longDate(FIRST, Locale.GERMAN)).isEqualTo("1. Dezember 2026");
    assertThat(Wording.shortDate(FIRST, Locale.GERMAN)).isEqualTo("01.12.2026");
    assertThat(Wording.dayAndMonth(SUNDAY, Locale.ENGLISH)).isEqualTo("Sunday 29 November");
    assertThat(Wording.longDate(FIRST, Locale.ENGLISH)).isEqualTo("1 December 2026");
  }

  @Test
  void countsChooseTheirWordsFor0And1And2() {
    String fr = "{0,plural,one{# place prise}other{# places prises}}";
    assertThat(Wording.format(fr, Locale.FRENCH, 0)).isEqualTo("0 place prise");
    assertThat(Wording.format(fr, Locale.FRENCH, 1)).isEqualTo("1 place prise");
    assertThat(Wording.format(fr, Locale.FRENCH, 2)).isEqualTo("2 places prises");
    assertThat(Wording.format(fr, Locale.FRENCH, 1.5)).isEqualTo("1,5 place prise");
    assertThat(Wording.format(fr, Locale.FRENCH, 12000)).isEqualTo("12\u202f000 places prises");
    String en = "{0,plural,one{# seat}other{# seats}}";
    assertThat(Wording.format(en, Locale.ENGLISH, 0)).isEqualTo("0 seats");
    assertThat(Wording.format(en, Locale.ENGLISH, 1)).isEqualTo("1 seat");
    assertThat(Wording.format(en, Locale.ENGLISH, 2)).isEqualTo("2 seats");
  }

  @Test
  void frenchElidesDeBeforeAVowel() {
    assertThat(Wording.frenchDe("Arlon")).isEqualTo("d'Arlon");
    assertThat(Wording.frenchDe("Esch-sur-Alzette")).isEqualTo("d'Esch-sur-Alzette");
    assertThat(Wording.frenchDe("Échternach")).isEqualTo("d'Échternach");
    assertThat(Wording.frenchDe("Luxembourg")).isEqualTo("de Luxembourg");
    assertThat(Wording.frenchDe("Le Havre")).isEqualTo("du Havre");
    assertThat(Wording.frenchA("Le Havre")).isEqualTo("au Havre");
    assertThat(Wording.format("Politique de {0}, pour {0}", Locale.FRENCH, "Acme"))
        .isEqualTo("Politique d'Acme, pour Acme");
    assertThat(Wording.format("Policy of {0}", Locale.ENGLISH, "Acme")).isEqualTo("Policy of Acme");
  }

  @Test
  void refusalsWriteDatesTheLanguagesWay() {
    assertThat(new Refusal(ReasonCode.HOURS_IN_FUTURE, new Object[] {FIRST}).message(Locale.FRENCH))
        .startsWith("Le 1er décembre 2026 n'est pas encore passé\u00a0:");
    assertThat(new Refusal(ReasonCode.HOURS_IN_FUTURE, new Object[] {FIRST}).message(Locale.GERMAN))
        .startsWith("Der 1. Dezember 2026 liegt");
  }
}
