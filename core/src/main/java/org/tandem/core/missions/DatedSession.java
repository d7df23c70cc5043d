package org.tandem.core.missions;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as stored, with the identity a calendar knows it by: {@code uid} (the event's UID, kept
 * through edits) and {@code sequence} (the event's SEQUENCE, raised each time it moves).
 */
public record DatedSession(UUID uid, int sequence, Instant startsAt, Instant endsAt) {

  public Session session() {
    return new Session(startsAt, endsAt);
  }
}
