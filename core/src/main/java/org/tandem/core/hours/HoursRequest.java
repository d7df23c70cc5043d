package org.tandem.core.hours;

import java.time.LocalDate;

/** What a person submits to log hours; minutes in quarter-hour steps. */
public record HoursRequest(
    long commitmentId, LocalDate date, int minutes, boolean onWorkTime, String note) {

  public static HoursRequest onWorkTime(
      long commitmentId, LocalDate date, int minutes, String note) {
    return new HoursRequest(commitmentId, date, minutes, true, note);
  }
}
