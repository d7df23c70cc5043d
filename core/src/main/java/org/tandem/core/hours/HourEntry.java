package org.tandem.core.hours;

import java.time.LocalDate;

/** Hours logged against a commitment. {@code overAllowance} flags work time past the allowance. */
public record HourEntry(
    long id,
    long commitmentId,
    long employeeId,
    LocalDate date,
    int minutes,
    boolean onWorkTime,
    String note,
    HourStatus status,
    boolean overAllowance) {

  public double hours() {
    return minutes / 60.0;
  }
}
