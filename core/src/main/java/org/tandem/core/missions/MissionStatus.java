package org.tandem.core.missions;

/** A mission's life. Only OPEN missions give seats; FULL ones take a waiting list. */
public enum MissionStatus {
  DRAFT,
  OPEN,
  FULL,
  CLOSED,
  CANCELLED
}
