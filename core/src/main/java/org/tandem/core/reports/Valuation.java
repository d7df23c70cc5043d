package org.tandem.core.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the time given is worth: approved hours valued at the rate of the country each person's site
 * was in when they logged them (the country's override, else the company's rate), one amount per
 * currency, never added across currencies; the company's currency comes first. For a French
 * company, the estimated tax reduction for skills-based sponsorship on the euro amount (null
 * otherwise), and the turnover it was computed with (null when no turnover is set).
 */
public record Valuation(
    List<Amount> amounts, BigDecimal taxReductionEstimate, BigDecimal turnover) {

  public Valuation {
    amounts = List.copyOf(amounts);
    if (amounts.isEmpty()) {
      throw new IllegalArgumentException("a valuation has at least the company's currency");
    }
  }

  /**
   * The hours valued in one currency: their value, how many minutes, and the lowest and highest
   * hourly rate they were valued at (equal when one rate applies).
   */
  public record Amount(
      String currency,
      BigDecimal value,
      long minutes,
      BigDecimal lowestRate,
      BigDecimal highestRate) {

    public boolean oneRate() {
      return lowestRate.compareTo(highestRate) == 0;
    }
  }

  /** The company's currency: the first amount's. */
  public String currency() {
    return amounts.get(0).currency();
  }

  /** The value in the company's currency (other currencies are in {@link #amounts()}). */
  public BigDecimal value() {
    return amounts.get(0).value();
  }

  /**
   * The one rate every hour of the report is valued at, or null when countries value at different
   * rates or in other currencies (then no group can be valued from its hours alone).
   */
  public BigDecimal uniformRate() {
    return amounts.size() == 1 && amounts.get(0).oneRate() ? amounts.get(0).lowestRate() : null;
  }
}
