package org.tandem.core.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Whole months, from the first to the last included. Reports never cut a month in two. */
public record Period(YearMonth first, YearMonth last) {

  public Period {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("a period ends after it starts: " + first + ".." + last);
    }
  }

  public static Period month(YearMonth month) {
    return new Period(month, month);
  }

  public static Period year(int year) {
    return new Period(YearMonth.of(year, 1), YearMonth.of(year, 12));
  }

  public static Period quarterOf(LocalDate day) {
    int firstMonth = (day.getMonthValue() - 1) / 3 * 3 + 1;
    YearMonth first = YearMonth.of(day.getYear(), firstMonth);
    return new Period(first, first.plusMonths(2));
  }

  public int months() {
    return (int) ChronoUnit.MONTHS.between(first, last) + 1;
  }

  /** The period of the same length just before this one, for comparison. */
  public Period previous() {
    return new Period(first.minusMonths(months()), first.minusMonths(1));
  }

  public LocalDate firstDay() {
    return first.atDay(1);
  }

  /** The day after the period, exclusive bound for queries. */
  public LocalDate endExclusive() {
    return last.plusMonths(1).atDay(1);
  }

  public List<YearMonth> eachMonth() {
    List<YearMonth> all = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      all.add(m);
    }
    return all;
  }

  /** "2026-03", "2026" for a calendar year, "2026-01..2026-06" otherwise. */
  @Override
  public String toString() {
    if (first.equals(last)) {
      return first.toString();
    }
    if (first.getMonthValue() == 1
        && last.getMonthValue() == 12
        && first.getYear() == last.getYear()) {
      return Integer.toString(first.getYear());
    }
    return first + ".." + last;
  }
}
