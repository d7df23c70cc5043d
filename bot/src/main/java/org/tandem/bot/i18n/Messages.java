package org.tandem.bot.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.tandem.core.text.Wording;

/**
 * One message bundle in one language: English is the base bundle, French and German override it;
 * patterns are ICU message formats (apostrophes doubled, counts as {@code {0,plural,...}}), also
 * when they take no argument.
 */
public final class Messages {

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  private Messages(String name, Locale locale) {
    this.locale = locale;
    ResourceBundle b;
    try {
      b = ResourceBundle.getBundle(name, locale, NO_FALLBACK);
    } catch (MissingResourceException e) {
      b = ResourceBundle.getBundle(name, Locale.ROOT);
    }
    this.bundle = b;
  }

  /** The bundle {@code name} (e.g. {@code i18n/reports}) in one of Tandem's languages. */
  public static Messages of(String name, Locale locale) {
    return new Messages(name, supported(locale));
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
    return Wording.format(bundle.getString(key), locale, args);
  }

  /** The raw pattern of {@code key}, for a caller that prepares it before formatting. */
  public String pattern(String key) {
    return bundle.getString(key);
  }
}
