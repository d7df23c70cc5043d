package org.tandem.core.availability;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A set of weekly slots (weekday times part of the day), stored as 21 bits: bit {@code day * 3 +
 * part}, Monday morning = bit 0. For a mission, no bit set means "any time" (flexible).
 */
public record Availability(int bits) {

  public static final int ALL = (1 << 21) - 1;
  public static final Availability NONE = new Availability(0);

  public Availability {
    if ((bits & ~ALL) != 0) {
      throw new IllegalArgumentException("availability has 21 slots, got bits " + bits);
    }
  }

  public static int bit(DayOfWeek day, DayPart part) {
    return 1 << ((day.getValue() - 1) * 3 + part.ordinal());
  }

  public static Availability of(DayOfWeek day, DayPart part) {
    return new Availability(bit(day, part));
  }

  public Availability with(DayOfWeek day, DayPart part) {
    return new Availability(bits | bit(day, part));
  }

  public boolean contains(DayOfWeek day, DayPart part) {
    return (bits & bit(day, part)) != 0;
  }

  public boolean isEmpty() {
    return bits == 0;
  }

  public record Slot(DayOfWeek day, DayPart part) {}

  public List<Slot> slots() {
    List<Slot> slots = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      for (DayPart p : DayPart.values()) {
        if (contains(d, p)) {
          slots.add(new Slot(d, p));
        }
      }
    }
    return slots;
  }

  /** "Thursday evenings", "jeudi soir", "Donnerstag abends"; at most {@code max} slots named. */
  public String describe(Locale locale, int max) {
    List<String> parts = new ArrayList<>();
    for (Slot s : slots()) {
      if (parts.size() == max) {
        break;
      }
      parts.add(describe(s, locale));
    }
    return String.join(", ", parts);
  }

  static String describe(Slot s, Locale locale) {
    String day = s.day().getDisplayName(TextStyle.FULL, locale);
    return switch (locale.getLanguage()) {
      case "fr" -> day + " " + s.part().label(locale).replace("le ", "").replace("l'", "");
      case "de" -> day + " " + s.part().label(locale);
      default -> day + " " + s.part().label(locale);
    };
  }
}
