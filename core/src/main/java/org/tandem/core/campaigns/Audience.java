package org.tandem.core.campaigns;

/**
 * Who a campaign is for: everyone of the company, the people of one site or one department, those
 * who receive the weekly digest, or one Slack or Teams channel (posted there once, not to each
 * person).
 */
public enum Audience {
  EVERYONE,
  SITE,
  DEPARTMENT,
  DIGEST,
  CHANNEL;

  /** Whether the audience names a value: the site, the department or the channel. */
  public boolean hasValue() {
    return this == SITE || this == DEPARTMENT || this == CHANNEL;
  }
}
