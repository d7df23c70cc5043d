package org.tandem.core.tenants;

/**
 * What stands when a person leaves the hours Tandem proposed after a session unanswered for the
 * policy's window: the proposed hours, logged as if they had confirmed them (approval applies), or
 * nothing.
 */
public enum ProposalDefault {
  HOURS,
  NOTHING
}
