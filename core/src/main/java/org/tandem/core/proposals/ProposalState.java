package org.tandem.core.proposals;

/**
 * Where a proposal of hours stands: waiting for the person, or answered (by them or the window).
 */
public enum ProposalState {
  PROPOSED,
  CONFIRMED,
  CORRECTED,
  /** "I did not go": no hours, counted as a no-show by reports. */
  NO_SHOW,
  /** Unanswered within the policy's window: its default stood (hours logged, or nothing). */
  STOOD
}
