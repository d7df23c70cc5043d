package org.tandem.core.missions;

/** Where a mission happens. */
public enum MissionMode {
  ONSITE,
  REMOTE,
  HYBRID
}
