package org.tandem.core.commitments;

/**
 * A commitment's life. PENDING_APPROVAL, CONFIRMED and COMPLETED hold a seat (a completed
 * commitment used its seat; it does not free it); WAITLISTED waits for one; OFFERED holds a freed
 * seat for the first person waiting until they accept it, pass, or the offer runs out.
 */
public enum CommitmentStatus {
  PENDING_APPROVAL,
  CONFIRMED,
  WAITLISTED,
  OFFERED,
  CANCELLED,
  COMPLETED;

  public boolean holdsSeat() {
    return this == PENDING_APPROVAL || this == CONFIRMED || this == OFFERED || this == COMPLETED;
  }
}
