package org.tandem.core.tenants;

/** Public bodies ask each volunteer to declare no conflict of interest when committing. */
public enum Sector {
  PRIVATE,
  PUBLIC
}
