/**
 * People: employees of a tenant, the chat identities they are known by on Slack and Teams, their
 * roles, and the profile the matcher reads (skills, place, travel range, causes, availability).
 */
package org.tandem.core.people;
