package org.tandem.core.reports;

import java.time.YearMonth;
import java.util.Map;

/**
 * One group of a breakdown: its key (a site, a cause code, an SDG number, an association id...), a
 * label in the data's own words (an association's name, a mission's title; null when the key is a
 * code the reader translates), its figures, and its approved minutes per month for the chart. The
 * key {@link #OTHER} merges the groups too small to be shown on their own; {@link #UNSET} holds
 * people or missions without a value for the dimension.
 */
public record Group(
    String key, String label, Figures figures, Map<YearMonth, Long> approvedMinutesByMonth) {

  public static final String OTHER = "*other";
  public static final String UNSET = "*unset";

  public Group {
    approvedMinutesByMonth = Map.copyOf(approvedMinutesByMonth);
  }

  public boolean isOther() {
    return OTHER.equals(key);
  }
}
