package org.tandem.core.proposals;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The hours of one session proposed to one volunteer: the session's day (in their time zone) and
 * its length in quarter hours, until when it waits for an answer, and what came of it: the hours it
 * logged ({@code hourEntryId}, null when none) or why nothing could stand ({@code outcomeNote}, in
 * the person's language, null otherwise).
 */
public record HoursProposal(
    long id,
    long commitmentId,
    long employeeId,
    long missionId,
    Instant sessionStarts,
    LocalDate date,
    int minutes,
    ProposalState state,
    Instant standsAt,
    Long hourEntryId,
    String outcomeNote) {

  /** Whether the person may still change what came of it: while it waits, or after it stood. */
  public boolean correctable() {
    return state == ProposalState.PROPOSED || state == ProposalState.STOOD;
  }
}
