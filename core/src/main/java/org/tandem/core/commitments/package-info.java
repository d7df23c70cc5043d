/**
 * Commitments of employees to missions: commit, waitlist, approve, cancel, complete. Seats are
 * decided by the database under a row lock on the mission, so the last seat goes to exactly one of
 * concurrent commits and a repeated request finds the commitment it already made.
 */
package org.tandem.core.commitments;
