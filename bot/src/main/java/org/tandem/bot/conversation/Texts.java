package org.tandem.bot.conversation;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.tandem.bot.i18n.Messages;

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

  public String t(String key, Object... args) {
    return messages.t(key, args);
  }

  public String hours(int minutes) {
    NumberFormat f = NumberFormat.getNumberInstance(locale());
    f.setMaximumFractionDigits(2);
    return f.format(minutes / 60.0);
  }

  public String date(LocalDate date) {
    return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()));
  }

  public String longDate(LocalDate date) {
    return date.format(DateTimeFormatter.ofPattern("EEEE d MMMM", locale()));
  }
}
