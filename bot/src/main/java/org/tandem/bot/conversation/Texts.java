package org.tandem.bot.conversation;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.tandem.bot.i18n.Messages;
import org.tandem.core.text.Wording;

/**
 * The engine's words in French, English and German ({@code i18n/conversation*.properties}), and
 * numbers and dates written the way the person's language writes them.
 */
public final class Texts {

  private final Messages messages;

  private Texts(Locale locale) {
    this.messages = Messages.of("i18n/conversation", locale);
  }

  public static Texts of(Locale locale) {
    return new Texts(locale);
  }

  /** French, German or English: Tandem's languages; anything else reads English. */
  public static Locale supported(Locale locale) {
    return Messages.supported(locale);
  }

  public Locale locale() {
    return messages.locale();
  }

  /**
   * The sentence {@code key} with its arguments. The pattern's own {@code *bold*} becomes {@link
   * Markup} marks before the arguments go in, so a name or title typed with stars, underscores or
   * brackets is shown as typed on every surface while the sentence keeps its bold.
   */
  public String t(String key, Object... args) {
    return Wording.format(Markup.ofPattern(messages.pattern(key)), locale(), args);
  }

  /** ": " or, in French, a non-breaking space and ": ". */
  public String colon() {
    return locale().getLanguage().equals("fr") ? "\u00a0: " : ": ";
  }

  /** "; " between items of a list, with French's non-breaking space before it. */
  public String semicolon() {
    return locale().getLanguage().equals("fr") ? "\u00a0; " : "; ";
  }

  public String hours(int minutes) {
    NumberFormat f = NumberFormat.getNumberInstance(locale());
    f.setMaximumFractionDigits(2);
    return f.format(minutes / 60.0);
  }

  /** "1er déc. 2026", "01.12.2026", "1 Dec 2026": a date in a list. */
  public String date(LocalDate date) {
    return Wording.shortDate(date, locale());
  }

  /** "mardi 1er décembre", "Dienstag, 1. Dezember", "Tuesday 1 December". */
  public String longDate(LocalDate date) {
    return Wording.dayAndMonth(date, locale());
  }

  /** "mardi 1er décembre 2026 à 18:00", "Dienstag, 1. Dezember 2026 um 18:00". */
  public String dateTime(Instant at, ZoneId zone) {
    return Wording.dateTime(at.atZone(zone), locale());
  }
}
