package org.tandem.core.calendar;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.tandem.core.missions.DatedSession;

/**
 * What an outbox message about one session carries: the mission, the session as it was when the
 * message was written (uid, sequence, dates) and, for a move, its dates before. A removed session
 * is gone from the database when its message is sent, so the message keeps all it needs.
 */
public record SessionPayload(long missionId, DatedSession session, Instant beforeStart) {

  public String encode() {
    return missionId
        + "|"
        + session.uid()
        + "|"
        + session.sequence()
        + "|"
        + session.startsAt().getEpochSecond()
        + "|"
        + session.endsAt().getEpochSecond()
        + "|"
        + (beforeStart == null ? "" : Long.toString(beforeStart.getEpochSecond()));
  }

  /** The payload written by {@link #encode()}, or empty for anything else. */
  public static Optional<SessionPayload> parse(String payload) {
    if (payload == null) {
      return Optional.empty();
    }
    String[] p = payload.split("\\|", -1);
    if (p.length != 6) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SessionPayload(
              Long.parseLong(p[0]),
              new DatedSession(
                  UUID.fromString(p[1]),
                  Integer.parseInt(p[2]),
                  Instant.ofEpochSecond(Long.parseLong(p[3])),
                  Instant.ofEpochSecond(Long.parseLong(p[4]))),
              p[5].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(p[5]))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
