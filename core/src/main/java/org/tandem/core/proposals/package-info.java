/**
 * Hours that log themselves: after a dated session ends, its hours are proposed to each confirmed
 * volunteer who logged none for that day (Confirm / Correct / I did not go); left unanswered for
 * the policy's window, what the policy says stands, through {@code Hours.log} like any hours.
 */
package org.tandem.core.proposals;
