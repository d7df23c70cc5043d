package org.tandem.core.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a session's reminder is due: from 08:00 on the last working day (Monday to Friday) before
 * the session's day, both read in the person's own time zone. A Monday session is reminded on the
 * Friday before, a Tuesday one on Monday.
 */
public final class ReminderDay {

  /** The local hour reminders go out from. */
  public static final LocalTime FROM = LocalTime.of(8, 0);

  private ReminderDay() {}

  public static Instant due(Instant sessionStart, ZoneId zone) {
    LocalDate day = sessionStart.atZone(zone).toLocalDate().minusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.minusDays(1);
    }
    return day.atTime(FROM).atZone(zone).toInstant();
  }
}
