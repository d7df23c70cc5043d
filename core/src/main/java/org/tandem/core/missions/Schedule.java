package org.tandem.core.missions;

/** When a mission happens: one date, a series of dated sessions, or whenever suits. */
public enum Schedule {
  ONE_DATE,
  SERIES,
  FLEXIBLE
}
