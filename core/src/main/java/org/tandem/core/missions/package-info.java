/**
 * Missions posted by associations: skills needed, causes and SDGs, mode (on-site, remote, hybrid),
 * schedule (one date, a series of sessions, flexible), capacity and status.
 */
package org.tandem.core.missions;
