package org.tandem.core.tenants;

/** Where a tenant's people chat with Tandem. LOCAL is the try-it chat of the demo tenant. */
public enum Platform {
  SLACK("Slack"),
  TEAMS("Microsoft Teams"),
  LOCAL("Tandem try-it chat");

  private final String displayName;

  Platform(String displayName) {
    this.displayName = displayName;
  }

  /** The platform's own name, the same in every language. */
  public String displayName() {
    return displayName;
  }
}
