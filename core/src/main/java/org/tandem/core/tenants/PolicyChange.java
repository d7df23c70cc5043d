package org.tandem.core.tenants;

import java.math.BigDecimal;

/**
 * What an admin changes in the policy; null fields stay as they are. The turnover (excluding tax)
 * only serves the French sponsorship tax estimate of reports. The proposal window (days) and what
 * stands after it are the hours proposed after a session ({@code core.proposals}).
 */
public record PolicyChange(
    BigDecimal yearlyAllowanceHours,
    Boolean managerApproval,
    Boolean hoursApproval,
    OverAllowance overAllowance,
    BigDecimal hourlyRate,
    String currency,
    Sector sector,
    String country,
    String timeZone,
    BigDecimal annualTurnover,
    Integer proposalWindowDays,
    ProposalDefault proposalDefault) {

  /** The change of the fields an admin had before proposals existed; the others stay. */
  public PolicyChange(
      BigDecimal yearlyAllowanceHours,
      Boolean managerApproval,
      Boolean hoursApproval,
      OverAllowance overAllowance,
      BigDecimal hourlyRate,
      String currency,
      Sector sector,
      String country,
      String timeZone,
      BigDecimal annualTurnover) {
    this(
        yearlyAllowanceHours,
        managerApproval,
        hoursApproval,
        overAllowance,
        hourlyRate,
        currency,
        sector,
        country,
        timeZone,
        annualTurnover,
        null,
        null);
  }

  public static PolicyChange none() {
    return new PolicyChange(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public PolicyChange allowance(double hours) {
    return new PolicyChange(
        BigDecimal.valueOf(hours),
        managerApproval,
        hoursApproval,
        overAllowance,
        hourlyRate,
        currency,
        sector,
        country,
        timeZone,
        annualTurnover,
        proposalWindowDays,
        proposalDefault);
  }

  public PolicyChange managerApproval(boolean required) {
    return new PolicyChange(
        yearlyAllowanceHours,
        required,
        hoursApproval,
        overAllowance,
        hourlyRate,
        currency,
        sector,
        country,
        timeZone,
        annualTurnover,
        proposalWindowDays,
        proposalDefault);
  }

  public PolicyChange hoursApproval(boolean required) {
    return new PolicyChange(
        yearlyAllowanceHours,
        managerApproval,
        required,
        overAllowance,
        hourlyRate,
        currency,
        sector,
        country,
        timeZone,
        annualTurnover,
        proposalWindowDays,
        proposalDefault);
  }

  public PolicyChange overAllowance(OverAllowance rule) {
    return new PolicyChange(
        yearlyAllowanceHours,
        managerApproval,
        hoursApproval,
        rule,
        hourlyRate,
        currency,
        sector,
        country,
        timeZone,
        annualTurnover,
        proposalWindowDays,
        proposalDefault);
  }

  public PolicyChange valuation(double rate, String currency) {
    return new PolicyChange(
        yearlyAllowanceHours,
        managerApproval,
        hoursApproval,
        overAllowance,
        BigDecimal.valueOf(rate),
        currency,
        sector,
        country,
        timeZone,
        annualTurnover,
        proposalWindowDays,
        proposalDefault);
  }

  public PolicyChange sector(Sector sector) {
    return new PolicyChange(
        yearlyAllowanceHours,
        managerApproval,
        hoursApproval,
        overAllowance,
        hourlyRate,
        currency,
        sector,
        country,
        timeZone,
        annualTurnover,
        proposalWindowDays,
        proposalDefault);
  }

  public PolicyChange country(String country, String timeZone) {
    return new PolicyChange(
        yearlyAllowanceHours,
        managerApproval,
        hoursApproval,
        overAllowance,
        hourlyRate,
        currency,
        sector,
        country,
        timeZone,
        annualTurnover,
        proposalWindowDays,
        proposalDefault);
  }

  public PolicyChange turnover(BigDecimal annualTurnover) {
    return new PolicyChange(
        yearlyAllowanceHours,
        managerApproval,
        hoursApproval,
        overAllowance,
        hourlyRate,
        currency,
        sector,
        country,
        timeZone,
        annualTurnover,
        proposalWindowDays,
        proposalDefault);
  }

  public PolicyChange proposals(int windowDays, ProposalDefault whatStands) {
    return new PolicyChange(
        yearlyAllowanceHours,
        managerApproval,
        hoursApproval,
        overAllowance,
        hourlyRate,
        currency,
        sector,
        country,
        timeZone,
        annualTurnover,
        windowDays,
        whatStands);
  }
}
