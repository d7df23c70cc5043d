package org.tandem.core.commitments;

/**
 * A commitment's life. PENDING_APPROVAL, CONFIRMED and COMPLETED hold a seat (a completed
 * commitment used its seat; it does not free it); WAITLISTED waits for one.
 */
public enum CommitmentStatus {
  PENDING_APPROVAL,
  CONFIRMED,
  WAITLISTED,
  CANCELLED,
  COMPLETED;

  public boolean holdsSeat() {
    return this == PENDING_APPROVAL || this == CONFIRMED || this == COMPLETED;
  }
}
