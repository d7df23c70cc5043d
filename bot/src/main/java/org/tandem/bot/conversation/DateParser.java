package org.tandem.bot.conversation;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.text.SearchText;

/**
 * Dates as people type them, relative to today in their time zone: "today", "yesterday", "hier",
 * "avant-hier", "gestern", "vorgestern", a weekday ("thursday", "jeudi": the last one),
 * "2026-11-20", "20/11", "20.11.2026".
 */
public final class DateParser {

  private static final Map<String, Integer> RELATIVE =
      Map.ofEntries(
          Map.entry("today", 0),
          Map.entry("aujourd hui", 0),
          Map.entry("heute", 0),
          Map.entry("yesterday", -1),
          Map.entry("hier", -1),
          Map.entry("gestern", -1),
          Map.entry("avant hier", -2),
          Map.entry("vorgestern", -2),
          Map.entry("tomorrow", 1),
          Map.entry("demain", 1),
          Map.entry("morgen", 1));

  private static final Map<String, DayOfWeek> WEEKDAYS =
      Map.ofEntries(
          Map.entry("monday", DayOfWeek.MONDAY),
          Map.entry("lundi", DayOfWeek.MONDAY),
          Map.entry("montag", DayOfWeek.MONDAY),
          Map.entry("tuesday", DayOfWeek.TUESDAY),
          Map.entry("mardi", DayOfWeek.TUESDAY),
          Map.entry("dienstag", DayOfWeek.TUESDAY),
          Map.entry("wednesday", DayOfWeek.WEDNESDAY),
          Map.entry("mercredi", DayOfWeek.WEDNESDAY),
          Map.entry("mittwoch", DayOfWeek.WEDNESDAY),
          Map.entry("thursday", DayOfWeek.THURSDAY),
          Map.entry("jeudi", DayOfWeek.THURSDAY),
          Map.entry("donnerstag", DayOfWeek.THURSDAY),
          Map.entry("friday", DayOfWeek.FRIDAY),
          Map.entry("vendredi", DayOfWeek.FRIDAY),
          Map.entry("freitag", DayOfWeek.FRIDAY),
          Map.entry("saturday", DayOfWeek.SATURDAY),
          Map.entry("samedi", DayOfWeek.SATURDAY),
          Map.entry("samstag", DayOfWeek.SATURDAY),
          Map.entry("sunday", DayOfWeek.SUNDAY),
          Map.entry("dimanche", DayOfWeek.SUNDAY),
          Map.entry("sonntag", DayOfWeek.SUNDAY));

  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

  /** "20/11", "20.11.2026"; not "2.5h", which is an amount of time. */
  private static final Pattern DMY =
      Pattern.compile(
          "(?<![\\d.,])(\\d{1,2})[/.](\\d{1,2})(?:[/.](\\d{2,4}))?(?!\\d|\\s*(?:h|hr|hrs|hours?|heures?|std|stunden?|min)(?!\\p{L}))");

  private DateParser() {}

  /** The date named in the text, if one is. Weekdays mean the last such day, today included. */
  public static Optional<LocalDate> parse(String text, LocalDate today) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = ISO.matcher(text);
    try {
      if (m.find()) {
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
      }
      m = DMY.matcher(text);
      if (m.find()) {
        int year = today.getYear();
        if (m.group(3) != null) {
          year = Integer.parseInt(m.group(3));
          year = year < 100 ? 2000 + year : year;
        }
        return Optional.of(
            LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
    String folded = " " + SearchText.fold(text) + " ";
    for (var e : RELATIVE.entrySet()) {
      if (folded.contains(" " + e.getKey() + " ")) {
        // "avant hier" contains "hier": the longer phrase wins.
        if (e.getKey().equals("hier") && folded.contains(" avant hier ")) {
          continue;
        }
        return Optional.of(today.plusDays(e.getValue()));
      }
    }
    for (var e : WEEKDAYS.entrySet()) {
      if (folded.contains(" " + e.getKey() + " ")) {
        return Optional.of(today.with(TemporalAdjusters.previousOrSame(e.getValue())));
      }
    }
    return Optional.empty();
  }
}
