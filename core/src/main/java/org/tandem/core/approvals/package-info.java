/**
 * Approvals that reach the approver: a commitment or hours waiting for a decision are put to the
 * line manager (or the CSR managers), reminded after 2 working days and escalated after 5, through
 * the outbox in the transaction that made them wait.
 */
package org.tandem.core.approvals;
