package org.tandem.core.commitments;

import java.time.Instant;

/**
 * An employee's commitment to a mission. {@code repeated} is true when the request found a
 * commitment it had already made; {@code waitlistPosition} is 1-based, 0 when not waitlisted.
 */
public record Commitment(
    long id,
    long missionId,
    long employeeId,
    CommitmentStatus status,
    Instant createdAt,
    boolean repeated,
    int waitlistPosition) {}
