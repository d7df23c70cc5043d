package org.tandem.core.missions;

/** How many employees work together on each assignment of the mission. */
public enum TeamSize {
  SINGLE,
  PAIR,
  TRIO
}
