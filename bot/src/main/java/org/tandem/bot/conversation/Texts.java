package org.tandem.bot.conversation;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The engine's words in French, English and German ({@code i18n/conversation*.properties}), and
 * numbers and dates written the way the person's language writes them.
 */
public final class Texts {

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  private Texts(Locale locale) {
    this.locale = supported(locale);
    ResourceBundle b;
    try {
      b = ResourceBundle.getBundle("i18n/conversation", this.locale, NO_FALLBACK);
    } catch (MissingResourceException e) {
      b = ResourceBundle.getBundle("i18n/conversation", Locale.ROOT);
    }
    this.bundle = b;
  }

  public static Texts of(Locale locale) {
    return new Texts(locale);
  }

  /** French, German or English: Tandem's languages; anything else reads English. */
  public static Locale supported(Locale locale) {
    return switch (locale == null ? "en" : locale.getLanguage()) {
      case "fr" -> Locale.FRENCH;
      case "de" -> Locale.GERMAN;
      default -> Locale.ENGLISH;
    };
  }

  public Locale locale() {
    return locale;
  }

  public String t(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0
        ? pattern.replace("''", "'")
        : new MessageFormat(pattern, locale).format(args);
  }

  public String hours(int minutes) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMaximumFractionDigits(2);
    return f.format(minutes / 60.0);
  }

  public String date(LocalDate date) {
    return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
  }

  public String longDate(LocalDate date) {
    return date.format(DateTimeFormatter.ofPattern("EEEE d MMMM", locale));
  }
}
