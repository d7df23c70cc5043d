package org.tandem.core.tenants;

import java.math.BigDecimal;

/**
 * The volunteering policy that applies to one person: the tenant's, with the overrides of the
 * country of the person's site applied. After a session, proposed hours wait {@code
 * proposalWindowDays} for an answer; then {@code proposalDefault} stands.
 */
public record Policy(
    BigDecimal yearlyAllowanceHours,
    boolean managerApproval,
    boolean hoursApproval,
    OverAllowance overAllowance,
    BigDecimal hourlyRate,
    String currency,
    Sector sector,
    int proposalWindowDays,
    ProposalDefault proposalDefault) {

  public int yearlyAllowanceMinutes() {
    return yearlyAllowanceHours.multiply(BigDecimal.valueOf(60)).intValue();
  }
}
