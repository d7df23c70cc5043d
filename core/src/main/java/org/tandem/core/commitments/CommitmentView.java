package org.tandem.core.commitments;

import java.time.Instant;
import java.time.LocalDate;
import org.tandem.core.missions.MissionMode;

/**
 * A commitment as its owner sees it in "my commitments", with what to show of the mission; {@code
 * offerExpiresAt} is set while a seat is offered to them.
 */
public record CommitmentView(
    long id,
    long missionId,
    String missionTitle,
    String associationName,
    MissionMode mode,
    String placeName,
    CommitmentStatus status,
    Instant nextSession,
    LocalDate firstDate,
    int waitlistPosition,
    Instant offerExpiresAt) {}
