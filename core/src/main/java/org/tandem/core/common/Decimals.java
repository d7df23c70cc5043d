package org.tandem.core.common;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decimal numbers as people type them in a form: digits, one decimal comma or point, spaces or
 * apostrophes between thousands, a minus sign (so that a negative amount is refused for what it
 * is). No exponent: {@code new BigDecimal("1E-999999999")} parses into a number nothing downstream
 * can print or store, so such text is not a number here.
 */
public final class Decimals {

  /** Longer text is no amount anyone types into a form. */
  static final int MAX_LENGTH = 24;

  private static final Pattern PLAIN = Pattern.compile("-?\\d{1,18}(?:[.,]\\d{1,6})?");
  private static final Pattern GROUPING =
      Pattern.compile("(?<=\\d)[\\s\\u00A0\\u202F'’](?=\\d{3})");

  private Decimals() {}

  /** The number typed, or empty when the text is not a plain decimal number. */
  public static Optional<BigDecimal> parse(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String s = typed.strip();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    s = GROUPING.matcher(s).replaceAll("");
    if (!PLAIN.matcher(s).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(s.replace(',', '.')));
  }

  /**
   * Whether a value lies in [0, max] with at most {@code decimals} decimals, the shape a column
   * {@code numeric(p, decimals)} stores exactly.
   */
  public static boolean within(BigDecimal value, BigDecimal max, int decimals) {
    return value != null
        && value.signum() >= 0
        && value.compareTo(max) <= 0
        && value.stripTrailingZeros().scale() <= decimals;
  }

  /** Typed text as it may be quoted back in a message: bounded, so a refusal stays short. */
  public static String quoted(String typed) {
    String s = typed == null ? "" : typed.strip();
    return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "…" : s;
  }
}
