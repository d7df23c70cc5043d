package org.tandem.core.tenants;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.common.Decimals;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;

/**
 * What a valid policy is. Each refusal names the field of the policy form it is about ({@code
 * allowance}, {@code rate}, {@code currency}, {@code country}, {@code timeZone}, {@code turnover},
 * {@code proposalWindow}), so every channel shows it there.
 */
public final class PolicyRules {

  /** A full-time year is about 1,600 working hours: more than 2,000 is a typing mistake. */
  public static final BigDecimal MAX_ALLOWANCE = BigDecimal.valueOf(2000);

  public static final BigDecimal MAX_RATE = BigDecimal.valueOf(10000);

  /** Ten trillion: above the turnover of any company, within {@code numeric(15, 2)}. */
  public static final BigDecimal MAX_TURNOVER = new BigDecimal("10000000000000");

  /** Proposed hours wait at least a day for an answer, and at most a month. */
  public static final int MIN_PROPOSAL_WINDOW = 1;

  public static final int MAX_PROPOSAL_WINDOW = 30;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private PolicyRules() {}

  /** The first problem of a change, or empty when every value it sets is valid. */
  public static Optional<Refusal> check(PolicyChange c) {
    if (c.yearlyAllowanceHours() != null
        && !Decimals.within(c.yearlyAllowanceHours(), MAX_ALLOWANCE, 2)) {
      return Optional.of(
          Refusal.on("allowance", ReasonCode.ALLOWANCE_OUT_OF_RANGE, MAX_ALLOWANCE.intValue()));
    }
    if (c.hourlyRate() != null && !Decimals.within(c.hourlyRate(), MAX_RATE, 2)) {
      return Optional.of(Refusal.on("rate", ReasonCode.RATE_OUT_OF_RANGE, MAX_RATE.intValue()));
    }
    if (c.currency() != null && !currency(c.currency())) {
      return Optional.of(Refusal.on("currency", ReasonCode.UNKNOWN_CURRENCY, c.currency()));
    }
    if (c.country() != null && !country(c.country())) {
      return Optional.of(Refusal.on("country", ReasonCode.UNKNOWN_COUNTRY, c.country()));
    }
    if (c.timeZone() != null && !zone(c.timeZone())) {
      return Optional.of(Refusal.on("timeZone", ReasonCode.UNKNOWN_TIME_ZONE, c.timeZone()));
    }
    if (c.annualTurnover() != null && !Decimals.within(c.annualTurnover(), MAX_TURNOVER, 2)) {
      return Optional.of(
          Refusal.on("turnover", ReasonCode.TURNOVER_OUT_OF_RANGE, MAX_TURNOVER.longValue()));
    }
    if (c.proposalWindowDays() != null
        && (c.proposalWindowDays() < MIN_PROPOSAL_WINDOW
            || c.proposalWindowDays() > MAX_PROPOSAL_WINDOW)) {
      return Optional.of(
          Refusal.on(
              "proposalWindow",
              ReasonCode.PROPOSAL_WINDOW_OUT_OF_RANGE,
              MIN_PROPOSAL_WINDOW,
              MAX_PROPOSAL_WINDOW));
    }
    return Optional.empty();
  }

  /** The same rules for the override of one country's sites. */
  public static Optional<Refusal> check(CountryOverride o) {
    if (o.country() == null || !country(o.country())) {
      return Optional.of(Refusal.on("country", ReasonCode.UNKNOWN_COUNTRY, o.country()));
    }
    if (o.yearlyAllowanceHours() == null
        && o.managerApproval() == null
        && o.hourlyRate() == null
        && o.currency() == null) {
      return Optional.of(Refusal.on("country", ReasonCode.OVERRIDE_EMPTY, o.country()));
    }
    // A currency alone would value the company's rate in another currency: 45 EUR read as 45 CHF.
    if (o.currency() != null && o.hourlyRate() == null) {
      return Optional.of(Refusal.on("rate", ReasonCode.CURRENCY_WITHOUT_RATE, o.currency()));
    }
    return check(
        new PolicyChange(
            o.yearlyAllowanceHours(),
            null,
            null,
            null,
            o.hourlyRate(),
            o.currency(),
            null,
            null,
            null,
            null));
  }

  /** An ISO 4217 code in capitals, such as EUR. */
  static boolean currency(String code) {
    if (!code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** An ISO 3166 alpha-2 code in capitals, such as LU. */
  static boolean country(String code) {
    return code.matches("[A-Z]{2}") && COUNTRIES.contains(code);
  }

  static boolean zone(String id) {
    try {
      ZoneId.of(id);
      return id.contains("/") || id.equals("UTC");
    } catch (DateTimeException e) {
      return false;
    }
  }
}
