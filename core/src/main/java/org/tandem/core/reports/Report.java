package org.tandem.core.reports;

import java.util.List;

/**
 * A participation report: the period and dimension asked for, the company's figures and those of
 * the previous period of the same length, the breakdown (no group under {@link
 * Reports#MIN_GROUP_SIZE} people; largest first, "other" last) and the valuation.
 */
public record Report(
    String tenantName,
    Period period,
    Dimension dimension,
    Figures totals,
    Figures previous,
    List<Group> groups,
    Valuation valuation,
    long workTimeAllowanceMinutes) {

  public Report {
    groups = List.copyOf(groups);
  }

  /**
   * Work-time hours as a share of the allowance the volunteers had over the period, 0..1 (more than
   * 1 when some went over); null when the policy gives no allowance.
   */
  public Double allowanceUse() {
    return workTimeAllowanceMinutes == 0
        ? null
        : (double) totals.workTimeMinutes() / workTimeAllowanceMinutes;
  }
}
