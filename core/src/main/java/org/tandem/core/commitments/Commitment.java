package org.tandem.core.commitments;

import java.time.Instant;

/**
 * An employee's commitment to a mission. {@code repeated} is true when the request found a
 * commitment it had already made; {@code waitlistPosition} is 1-based, 0 when not waitlisted;
 * {@code offerExpiresAt} is when a seat offered to them runs out (null when none is offered).
 */
public record Commitment(
    long id,
    long missionId,
    long employeeId,
    CommitmentStatus status,
    Instant createdAt,
    boolean repeated,
    int waitlistPosition,
    Instant offerExpiresAt) {

  /** The same commitment, found again by a repeated request. */
  Commitment again() {
    return new Commitment(
        id, missionId, employeeId, status, createdAt, true, waitlistPosition, offerExpiresAt);
  }
}
