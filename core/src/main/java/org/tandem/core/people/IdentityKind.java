package org.tandem.core.people;

/**
 * How a person is known: a Slack user id, a Teams AAD object id, an email, a try-it chat handle.
 */
public enum IdentityKind {
  SLACK,
  TEAMS,
  EMAIL,
  LOCAL
}
