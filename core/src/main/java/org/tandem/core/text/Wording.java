package org.tandem.core.text;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.text.FieldPosition;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sentences, dates and place names written the way French, German and English write them. Patterns
 * are ICU message formats, so a count chooses its words ({@code {0,plural,one{# place}other{#
 * places}}}: French "0 place", "1 place", "2 places"); dates come from ICU's CLDR data ("Sonntag,
 * 29. November"), with the French "1er" for the first of a month, which CLDR leaves out.
 */
public final class Wording {

  private static final ULocale ENGLISH = ULocale.UK;

  private Wording() {}

  /**
   * {@code pattern} with its arguments, in {@code locale}. A {@link LocalDate} argument is written
   * as a long date ("1er décembre 2026"); numbers keep the language's grouping ("20 000"); in
   * French, "de" before a name elides ("d'Arlon").
   */
  public static String format(String pattern, Locale locale, Object... args) {
    List<Object> shown = new ArrayList<>();
    for (Object a : args) {
      shown.add(a instanceof LocalDate d ? longDate(d, locale) : a);
    }
    if ("fr".equals(locale.getLanguage())) {
      // "Politique de {0}" with "Acme" reads "Politique d'Acme": the elided name is an argument
      // of its own, since the same name may stand elsewhere in the sentence without "de".
      for (int i = 0; i < args.length; i++) {
        String de = "de {" + i + "}";
        if (args[i] instanceof String name && pattern.contains(de)) {
          pattern = pattern.replace(de, "{" + shown.size() + "}");
          shown.add(frenchDe(name));
        }
      }
    }
    return new MessageFormat(pattern, uLocale(locale)).format(shown.toArray());
  }

  /** "1er décembre 2026", "1. Dezember 2026", "1 December 2026". */
  public static String longDate(LocalDate date, Locale locale) {
    return date(date, "dMMMMy", locale);
  }

  /** "1er déc. 2026", "01.12.2026", "1 Dec 2026": dates in lists. */
  public static String shortDate(LocalDate date, Locale locale) {
    return "de".equals(locale.getLanguage())
        ? date(date, "ddMMy", locale)
        : date(date, "dMMMy", locale);
  }

  /** "mardi 1er décembre", "Dienstag, 1. Dezember", "Tuesday 1 December". */
  public static String dayAndMonth(LocalDate date, Locale locale) {
    return date(date, "EEEEdMMMM", locale);
  }

  /**
   * "mardi 1er décembre 2026 à 18:00", "Dienstag, 1. Dezember 2026 um 18:00", "Tuesday 1 December
   * 2026 at 18:00", in the time zone of {@code time}.
   */
  public static String dateTime(ZonedDateTime time, Locale locale) {
    DateFormat f = DateFormat.getInstanceForSkeleton("EEEEdMMMMyHHmm", uLocale(locale));
    f.setTimeZone(TimeZone.getTimeZone(time.getZone().getId()));
    return firstOfMonth(f, Date.from(time.toInstant()), time.getDayOfMonth(), locale);
  }

  private static String date(LocalDate date, String skeleton, Locale locale) {
    DateFormat f = DateFormat.getInstanceForSkeleton(skeleton, uLocale(locale));
    f.setTimeZone(TimeZone.GMT_ZONE);
    Date d = Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC));
    return firstOfMonth(f, d, date.getDayOfMonth(), locale);
  }

  /** French writes the first of a month as an ordinal: "1er décembre", never "1 décembre". */
  private static String firstOfMonth(DateFormat f, Date d, int day, Locale locale) {
    FieldPosition pos = new FieldPosition(DateFormat.DATE_FIELD);
    StringBuffer out = f.format(d, new StringBuffer(), pos);
    if (day == 1 && "fr".equals(locale.getLanguage()) && pos.getEndIndex() > 0) {
      out.insert(pos.getEndIndex(), "er");
    }
    return out.toString();
  }

  private static ULocale uLocale(Locale locale) {
    return "en".equals(locale.getLanguage()) ? ENGLISH : ULocale.forLocale(locale);
  }

  private static final Pattern ELIDES =
      Pattern.compile(
          "^[aeiouàâäéèêëîïôöùûüœæ].*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * A place after French "de": "d'Arlon", "d'Esch-sur-Alzette", "de Luxembourg", "du Havre", "des
   * Mureaux". Names starting with h or y keep "de" ("de Hesperange", "de Yutz"): whether their
   * first sound elides differs town by town, and usage accepts "de" for all of them.
   */
  public static String frenchDe(String place) {
    if (place.startsWith("Le ")) {
      return "du " + place.substring(3);
    }
    if (place.startsWith("Les ")) {
      return "des " + place.substring(4);
    }
    return ELIDES.matcher(place).matches() ? "d'" + place : "de " + place;
  }

  /** A place after French "à": "à Arlon", "au Havre", "aux Mureaux". */
  public static String frenchA(String place) {
    if (place.startsWith("Le ")) {
      return "au " + place.substring(3);
    }
    if (place.startsWith("Les ")) {
      return "aux " + place.substring(4);
    }
    return "à " + place;
  }
}
