package org.tandem.core.notifications;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** The first working day of a month: its first day from Monday to Friday. */
public final class FirstWorkingDay {

  private FirstWorkingDay() {}

  public static LocalDate of(LocalDate anyDayOfMonth) {
    LocalDate d = anyDayOfMonth.withDayOfMonth(1);
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  public static boolean is(LocalDate day) {
    return of(day).equals(day);
  }
}
