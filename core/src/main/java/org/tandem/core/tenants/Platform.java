package org.tandem.core.tenants;

/** Where a tenant's people chat with Tandem. LOCAL is the try-it chat of the demo tenant. */
public enum Platform {
  SLACK,
  TEAMS,
  LOCAL
}
