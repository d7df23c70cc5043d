package org.tandem.core.reports;

/**
 * What a report breaks its figures down by. A mission counts under its main cause, SDG and skill
 * family (the first one given), so the groups of a breakdown add up to the totals.
 */
public enum Dimension {
  SITE,
  DEPARTMENT,
  CAUSE,
  SDG,
  ASSOCIATION,
  SKILL_FAMILY,
  MISSION,
  MONTH,
  /**
   * The campaign a commitment was made from ({@code *unset}: from none); hours count under the
   * campaign of the commitment they are logged on.
   */
  CAMPAIGN;

  /** Site and department belong to people; every other dimension to the mission. */
  public boolean ofPeople() {
    return this == SITE || this == DEPARTMENT;
  }
}
