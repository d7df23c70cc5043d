package org.tandem.core.approvals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Working days are Monday to Friday in a person's own zone: a request made on Friday at 15:00 has
 * waited 2 working days on Tuesday at 15:00; one made on a Saturday starts counting on Monday at
 * midnight.
 */
public final class WorkingDays {

  private WorkingDays() {}

  /** The moment {@code days} working days after {@code start}, read in {@code zone}. */
  public static Instant after(Instant start, int days, ZoneId zone) {
    LocalDateTime t = LocalDateTime.ofInstant(start, zone);
    if (weekend(t.getDayOfWeek())) {
      while (weekend(t.getDayOfWeek())) {
        t = t.toLocalDate().plusDays(1).atStartOfDay();
      }
    }
    for (int i = 0; i < days; i++) {
      t = t.plusDays(1);
      while (weekend(t.getDayOfWeek())) {
        t = t.plusDays(1);
      }
    }
    return t.atZone(zone).toInstant();
  }

  private static boolean weekend(DayOfWeek d) {
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }
}
