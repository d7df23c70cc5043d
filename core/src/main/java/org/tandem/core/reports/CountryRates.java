package org.tandem.core.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.tenants.CountryOverride;
import org.tandem.core.tenants.Policy;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.TenantId;

/**
 * Values a period's approved hours at the rate of the country each person's site was in when they
 * logged them: the country's override when it sets a rate (in its currency, else the company's),
 * otherwise the company's rate. Without any rate override every hour is worth the company's rate,
 * and the monthly minutes of the report are enough; with some, the minutes per month and country
 * come from {@code report_country_month} (V18), a few rows per month.
 */
final class CountryRates {

  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  private CountryRates() {}

  /** Approved minutes of one country in one month. */
  private record Cell(String country, YearMonth month, long minutes) {}

  /** What one currency adds up to while the cells are read. */
  private static final class Sum {
    BigDecimal rateTimesMinutes = BigDecimal.ZERO;
    long minutes;
    BigDecimal lowest;
    BigDecimal highest;

    void add(BigDecimal rate, long m) {
      rateTimesMinutes = rateTimesMinutes.add(rate.multiply(BigDecimal.valueOf(m)));
      minutes += m;
      lowest = lowest == null || rate.compareTo(lowest) < 0 ? rate : lowest;
      highest = highest == null || rate.compareTo(highest) > 0 ? rate : highest;
    }
  }

  static Valuation value(
      JdbcClient jdbc,
      TenantId tenant,
      Tenant t,
      List<CountryOverride> overrides,
      Period period,
      Map<YearMonth, Long> minutesByMonth) {
    Policy company = t.policy();
    Map<String, CountryOverride> rated = new HashMap<>();
    for (CountryOverride o : overrides) {
      if (o.hourlyRate() != null) {
        rated.put(o.country(), o);
      }
    }
    List<Cell> cells = new ArrayList<>();
    if (rated.isEmpty()) {
      minutesByMonth.forEach((month, minutes) -> cells.add(new Cell("", month, minutes)));
    } else {
      jdbc.sql(
              """
              select country, month, approved_min from report_country_month
              where tenant_id = ? and month >= ? and month <= ? and approved_min <> 0""")
          .params(tenant.value(), Reports.index(period.first()), Reports.index(period.last()))
          .query(
              rs -> {
                cells.add(new Cell(rs.getString(1), Reports.month(rs.getInt(2)), rs.getLong(3)));
              });
    }
    Map<String, Sum> byCurrency = new TreeMap<>();
    Map<Integer, BigDecimal> euroByYear = new TreeMap<>();
    for (Cell c : cells) {
      CountryOverride o = rated.get(c.country());
      BigDecimal rate = o == null ? company.hourlyRate() : o.hourlyRate();
      String currency = o == null || o.currency() == null ? company.currency() : o.currency();
      byCurrency.computeIfAbsent(currency, k -> new Sum()).add(rate, c.minutes());
      if ("EUR".equals(currency)) {
        euroByYear.merge(
            c.month().getYear(),
            rate.multiply(BigDecimal.valueOf(c.minutes())).divide(SIXTY, 2, RoundingMode.HALF_UP),
            BigDecimal::add);
      }
    }
    List<Valuation.Amount> amounts = new ArrayList<>();
    Sum own = byCurrency.remove(company.currency());
    amounts.add(
        own == null
            ? new Valuation.Amount(
                company.currency(),
                BigDecimal.ZERO.setScale(2),
                0,
                company.hourlyRate(),
                company.hourlyRate())
            : amount(company.currency(), own));
    byCurrency.forEach((currency, sum) -> amounts.add(amount(currency, sum)));
    BigDecimal reduction = null;
    if ("FR".equals(t.country()) && "EUR".equals(company.currency())) {
      reduction = FrenchSponsorshipReduction.estimate(euroByYear, t.annualTurnover());
    }
    return new Valuation(amounts, reduction, t.annualTurnover());
  }

  private static Valuation.Amount amount(String currency, Sum s) {
    return new Valuation.Amount(
        currency,
        s.rateTimesMinutes.divide(SIXTY, 2, RoundingMode.HALF_UP),
        s.minutes,
        s.lowest,
        s.highest);
  }
}
