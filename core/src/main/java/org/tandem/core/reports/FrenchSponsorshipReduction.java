package org.tandem.core.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The tax reduction a French company may claim for skills-based sponsorship (article 238 bis of the
 * French tax code): 60 % of the valued cost of the time given, the cost being taken within the
 * higher of 20,000 EUR and 0.5 % of the turnover (excluding tax), each year. An estimate: the
 * company's tax adviser has the last word (the 40 % rate above 2 million EUR, carry-forwards and
 * the valuation method are theirs to apply).
 */
public final class FrenchSponsorshipReduction {

  static final BigDecimal RATE = new BigDecimal("0.60");
  static final BigDecimal FLOOR_EUR = new BigDecimal("20000");
  static final BigDecimal TURNOVER_SHARE = new BigDecimal("0.005");

  private FrenchSponsorshipReduction() {}

  /** The yearly ceiling of the valued cost taken into account. */
  public static BigDecimal ceiling(BigDecimal turnover) {
    if (turnover == null) {
      return FLOOR_EUR;
    }
    return FLOOR_EUR.max(turnover.multiply(TURNOVER_SHARE));
  }

  /** The estimate over a period, given the value of the time given in EUR in each year. */
  public static BigDecimal estimate(Map<Integer, BigDecimal> valueByYear, BigDecimal turnover) {
    BigDecimal ceiling = ceiling(turnover);
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal value : valueByYear.values()) {
      total = total.add(value.min(ceiling).multiply(RATE));
    }
    return total.setScale(2, RoundingMode.HALF_UP);
  }
}
