package org.tandem.core.missions;

import java.time.Instant;

/** One dated session of a mission. */
public record Session(Instant startsAt, Instant endsAt) {
  public Session {
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a session ends after it starts");
    }
  }
}
