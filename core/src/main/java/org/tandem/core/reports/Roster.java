package org.tandem.core.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * Who is signed up for one mission, for its logistics: names and emails, the state of each
 * commitment, the hours logged and the sessions missed. Only the mission's organiser and CSR
 * managers see it.
 */
public record Roster(
    long missionId,
    String title,
    String association,
    LocalDate firstDate,
    LocalDate lastDate,
    int capacity,
    List<Entry> entries) {

  public Roster {
    entries = List.copyOf(entries);
  }

  /** One person; {@code noShows}: sessions they said they did not go to. */
  public record Entry(
      String name,
      String email,
      String status,
      long approvedMinutes,
      long pendingMinutes,
      int noShows) {}
}
