package org.tandem.core.tenants;

import java.math.BigDecimal;

/** A policy override for the sites of one country; null fields inherit the tenant's policy. */
public record CountryOverride(
    String country,
    BigDecimal yearlyAllowanceHours,
    Boolean managerApproval,
    BigDecimal hourlyRate,
    String currency) {

  Policy over(Policy base) {
    return new Policy(
        yearlyAllowanceHours != null ? yearlyAllowanceHours : base.yearlyAllowanceHours(),
        managerApproval != null ? managerApproval : base.managerApproval(),
        base.hoursApproval(),
        base.overAllowance(),
        hourlyRate != null ? hourlyRate : base.hourlyRate(),
        currency != null ? currency : base.currency(),
        base.sector());
  }
}
