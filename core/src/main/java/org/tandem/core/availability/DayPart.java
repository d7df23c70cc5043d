package org.tandem.core.availability;

import java.time.LocalTime;
import java.util.Locale;

/** A part of the day. Morning before 12:00, afternoon before 18:00, evening after. */
public enum DayPart {
  MORNING("le matin", "mornings", "vormittags"),
  AFTERNOON("l'après-midi", "afternoons", "nachmittags"),
  EVENING("le soir", "evenings", "abends");

  private final String fr;
  private final String en;
  private final String de;

  DayPart(String fr, String en, String de) {
    this.fr = fr;
    this.en = en;
    this.de = de;
  }

  public static DayPart of(LocalTime time) {
    if (time.getHour() < 12) {
      return MORNING;
    }
    return time.getHour() < 18 ? AFTERNOON : EVENING;
  }

  /** "evenings", "le soir", "abends": as it reads after a weekday. */
  public String label(Locale locale) {
    return switch (locale.getLanguage()) {
      case "fr" -> fr;
      case "de" -> de;
      default -> en;
    };
  }
}
