package org.tandem.core.commitments;

/** A commitment's life. PENDING_APPROVAL and CONFIRMED hold a seat; WAITLISTED waits for one. */
public enum CommitmentStatus {
  PENDING_APPROVAL,
  CONFIRMED,
  WAITLISTED,
  CANCELLED,
  COMPLETED;

  public boolean holdsSeat() {
    return this == PENDING_APPROVAL || this == CONFIRMED;
  }
}
