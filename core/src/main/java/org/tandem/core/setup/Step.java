package org.tandem.core.setup;

/** The steps of a company's setup, in the order the checklist shows them. */
public enum Step {
  /** The policy: allowance, approvals, hourly rate and currency, country, sector. */
  POLICY,
  /** The directory: a SCIM token, an imported file, or skipped. */
  DIRECTORY,
  /** At least one association. */
  ASSOCIATIONS,
  /** At least one mission. */
  MISSION,
  /** The announcement to post in a channel, shown to an admin. */
  ANNOUNCEMENT;

  /** Whether an admin may mark the step themselves (the others are done by doing them). */
  public boolean markable() {
    return this == DIRECTORY || this == ANNOUNCEMENT;
  }
}
