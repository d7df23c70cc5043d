package org.tandem.bot.conversation;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hours as people type them, in minutes: "3,5", "3.5", "3h30", "3 h", "2h", "90 min", "1:45". Signs
 * are kept so a negative amount is refused with a reason rather than misread.
 */
public final class HoursParser {

  private static final Pattern H_MM =
      Pattern.compile(
          "^(-?\\d{1,3})\\s*(?:h|hr|hrs|hours?|heures?|std|stunden?|:)\\s*(\\d{1,2})?\\s*(?:min|mn|m)?$");
  private static final Pattern DECIMAL =
      Pattern.compile(
          "^(-?\\d{1,3}(?:[.,]\\d{1,4})?)\\s*(?:h|hr|hrs|hours?|heures?|std|stunden?)?$");
  private static final Pattern MINUTES =
      Pattern.compile("^(-?\\d{1,4})\\s*(?:min|mins|minutes?|minuten)$");

  /**
   * An amount of time inside a sentence: "log 2.5h yesterday", "j'ai fait 3 heures", "90 min". It
   * starts a word: the "9h" of "1e9h" or the "000h" of "1000h" is no amount.
   */
  private static final Pattern IN_SENTENCE =
      Pattern.compile(
          "(?<![\\p{L}\\d.,])(-?\\d{1,3}(?:[.,]\\d{1,2})?)\\s*(h|hr|hrs|hours?|heures?|std|stunden?)(?:\\s*(\\d{2}))?(?!\\p{L})"
              + "|(?<![\\p{L}\\d.,])(-?\\d{1,4})\\s*(min|mins|minutes?|minuten)(?!\\p{L})");

  /** Something typed as an amount of time: digits, maybe more, then a unit of time. */
  private static final Pattern LOOKS_LIKE_TIME =
      Pattern.compile(
          "(?<![\\p{L}\\d.,])([-+]?\\d[^\\s]*?)\\s*(h|hr|hrs|hours?|heures?|std|stunden?|min|mins|minutes?|minuten)(?!\\p{L})");

  /** A number written with an exponent, such as 1e9 or 2.5E-3. */
  private static final Pattern EXPONENT =
      Pattern.compile("(?<![\\p{L}\\d.,])[-+]?\\d+(?:[.,]\\d+)?e[-+]?\\d+(?!\\p{L})");

  private HoursParser() {}

  /** The first amount of time named in a sentence, in minutes; a bare number is not one. */
  public static OptionalInt find(String sentence) {
    if (sentence == null) {
      return OptionalInt.empty();
    }
    Matcher m = IN_SENTENCE.matcher(sentence.toLowerCase(java.util.Locale.ROOT));
    if (!m.find()) {
      return OptionalInt.empty();
    }
    if (m.group(1) != null) {
      return minutes(m.group(1) + "h" + (m.group(3) == null ? "" : m.group(3)));
    }
    return minutes(m.group(4) + " min");
  }

  /**
   * What a sentence holds that was meant as an amount of time but is not one Tandem reads ("1e9h",
   * "1000h", "1e9"), so the person is told rather than misread. Empty when there is none.
   */
  public static java.util.Optional<String> unreadable(String sentence) {
    if (sentence == null || find(sentence).isPresent()) {
      return java.util.Optional.empty();
    }
    String s = sentence.toLowerCase(java.util.Locale.ROOT);
    Matcher m = LOOKS_LIKE_TIME.matcher(s);
    if (m.find()) {
      return java.util.Optional.of(m.group().strip());
    }
    m = EXPONENT.matcher(s);
    return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
  }

  /** Minutes, or empty when the text is not an amount of time. */
  public static OptionalInt minutes(String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    String s = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (s.isEmpty() || s.length() > 20) {
      return OptionalInt.empty();
    }
    Matcher m = MINUTES.matcher(s);
    if (m.matches()) {
      return OptionalInt.of(Integer.parseInt(m.group(1)));
    }
    m = H_MM.matcher(s);
    if (m.matches() && (m.group(2) != null || !s.contains(":"))) {
      int h = Integer.parseInt(m.group(1));
      int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      if (min >= 60) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(h * 60 + (h < 0 || s.startsWith("-") ? -min : min));
    }
    m = DECIMAL.matcher(s);
    if (m.matches()) {
      double hours = Double.parseDouble(m.group(1).replace(',', '.'));
      return OptionalInt.of((int) Math.round(hours * 60));
    }
    return OptionalInt.empty();
  }
}
