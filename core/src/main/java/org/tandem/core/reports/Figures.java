package org.tandem.core.reports;

/**
 * The figures of a report, for the whole company or for one group of a breakdown. Commitments are
 * those made in the period (in the tenant's time zone) and what became of them; hours are those
 * worked in the period. {@code employeesReached} is null where it has no meaning (a cause has no
 * employees of its own). {@code noShows}: confirmed commitments whose mission is over without any
 * hour logged, and sessions a volunteer said they did not go to when their hours were proposed.
 */
public record Figures(
    int volunteers,
    Integer employeesReached,
    int commitmentsMade,
    int commitmentsCompleted,
    int commitmentsCancelled,
    int noShows,
    long approvedMinutes,
    long pendingMinutes,
    long workTimeMinutes,
    int associationsHelped) {

  /** Volunteers among the employees reached, 0..1; null without employees reached. */
  public Double participationRate() {
    if (employeesReached == null || employeesReached == 0) {
      return null;
    }
    return (double) volunteers / employeesReached;
  }

  /** Approved minutes per volunteer, 0 without volunteers. */
  public long averageMinutesPerVolunteer() {
    return volunteers == 0 ? 0 : Math.round((double) approvedMinutes / volunteers);
  }
}
