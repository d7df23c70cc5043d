package org.tandem.core.hours;

import java.util.List;

/**
 * A person's volunteering year: hours given (approved and pending), the part on work time, the
 * allowance and what is left of it, and the causes and associations helped.
 */
public record YearOfHours(
    int year,
    int approvedMinutes,
    int pendingMinutes,
    int workTimeMinutes,
    int allowanceMinutes,
    List<String> causes,
    List<String> associations) {

  public int allowanceLeftMinutes() {
    return Math.max(0, allowanceMinutes - workTimeMinutes);
  }
}
