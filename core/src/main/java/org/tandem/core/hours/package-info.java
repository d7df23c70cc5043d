/**
 * Hours given: entries against one's own commitment, validated (quarter hours, at most 24 a day,
 * never in the future or before the mission), approved or rejected, and counted against the yearly
 * allowance on work time. Each person's entries are serialised by a row lock on them, so concurrent
 * entries cannot spend the same allowance twice.
 */
package org.tandem.core.hours;
