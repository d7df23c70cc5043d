package org.tandem.core.tenants;

import java.math.BigDecimal;

/**
 * The volunteering policy that applies to one person: the tenant's, with the overrides of the
 * country of the person's site applied.
 */
public record Policy(
    BigDecimal yearlyAllowanceHours,
    boolean managerApproval,
    boolean hoursApproval,
    OverAllowance overAllowance,
    BigDecimal hourlyRate,
    String currency,
    Sector sector) {

  public int yearlyAllowanceMinutes() {
    return yearlyAllowanceHours.multiply(BigDecimal.valueOf(60)).intValue();
  }
}
