/**
 * Approvals that reach the approver: the request, its reminder and its escalation as direct
 * messages with Approve / Decline buttons, the outcome told to the employee, and the recurring job
 * that reminds and escalates.
 */
package org.tandem.bot.approvals;
