package org.tandem.core.tenants;

import java.math.BigDecimal;

/**
 * A policy override for the people whose site is in one country (ISO 3166 alpha-2); null fields
 * inherit the tenant's policy. A currency comes with its own rate ({@link PolicyRules}).
 */
public record CountryOverride(
    String country,
    BigDecimal yearlyAllowanceHours,
    Boolean managerApproval,
    BigDecimal hourlyRate,
    String currency) {

  /** What this override changes from {@code was} (null: none yet), for the admin trail. */
  java.util.Map<String, Object> differences(CountryOverride was) {
    java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
    differ(d, "allowance", was == null ? null : was.yearlyAllowanceHours, yearlyAllowanceHours);
    differ(d, "managerApproval", was == null ? null : was.managerApproval, managerApproval);
    differ(d, "rate", was == null ? null : was.hourlyRate, hourlyRate);
    differ(d, "currency", was == null ? null : was.currency, currency);
    return d;
  }

  private static void differ(java.util.Map<String, Object> d, String key, Object was, Object now) {
    boolean same =
        was instanceof BigDecimal a && now instanceof BigDecimal b
            ? a.compareTo(b) == 0
            : java.util.Objects.equals(was, now);
    if (!same) {
      d.put(key, shown(was) + " -> " + shown(now));
    }
  }

  private static String shown(Object v) {
    return v == null
        ? "-"
        : v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString();
  }

  Policy over(Policy base) {
    return new Policy(
        yearlyAllowanceHours != null ? yearlyAllowanceHours : base.yearlyAllowanceHours(),
        managerApproval != null ? managerApproval : base.managerApproval(),
        base.hoursApproval(),
        base.overAllowance(),
        hourlyRate != null ? hourlyRate : base.hourlyRate(),
        currency != null ? currency : base.currency(),
        base.sector(),
        base.proposalWindowDays(),
        base.proposalDefault());
  }
}
