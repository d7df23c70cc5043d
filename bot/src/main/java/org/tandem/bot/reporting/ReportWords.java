package org.tandem.bot.reporting;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tandem.bot.i18n.Messages;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;

/** The words of reports ({@code i18n/reports*.properties}) and their numbers, in one language. */
public final class ReportWords {

  private final Locale locale;
  private final Messages messages;

  private ReportWords(Locale locale) {
    this.messages = Messages.of("i18n/reports", locale);
    this.locale = messages.locale();
  }

  public static ReportWords of(Locale locale) {
    return new ReportWords(locale);
  }

  public Locale locale() {
    return locale;
  }

  public String t(String key, Object... args) {
    return messages.t(key, args);
  }

  public String dimension(Dimension d) {
    return t("dimension." + d.name().toLowerCase(Locale.ROOT));
  }

  /** "March 2026", "2026", "January 2026 – June 2026". */
  public String period(Period p) {
    DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
    if (p.first().equals(p.last())) {
      return p.first().format(month);
    }
    if (p.first().getMonthValue() == 1 && p.months() == 12) {
      return Integer.toString(p.first().getYear());
    }
    return p.first().format(month) + " – " + p.last().format(month);
  }

  public String month(YearMonth m) {
    return m.format(DateTimeFormatter.ofPattern("MMM yy", locale));
  }

  public String longMonth(YearMonth m) {
    return m.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
  }

  /** Minutes as hours, to one decimal at most, the way the language writes numbers. */
  public String hours(long minutes) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMaximumFractionDigits(1);
    return f.format(minutes / 60.0);
  }

  public String number(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  public String percent(double share) {
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMaximumFractionDigits(1);
    return f.format(share);
  }

  public String money(java.math.BigDecimal amount, String currency) {
    NumberFormat f = NumberFormat.getCurrencyInstance(locale);
    try {
      f.setCurrency(java.util.Currency.getInstance(currency));
    } catch (IllegalArgumentException e) {
      return amount.toPlainString() + " " + currency;
    }
    f.setMaximumFractionDigits(0);
    return f.format(amount);
  }
}
