package org.tandem.core.hours;

/** Hours wait for approval, then count, or are rejected and count for nothing. */
public enum HourStatus {
  PENDING,
  APPROVED,
  REJECTED
}
