/**
 * Tenants: one company each, on a Slack workspace, a Teams tenant, or both once an admin links
 * them; with the company's volunteering policy (allowance, approvals, valuation), overridable per
 * country for multinational companies.
 */
package org.tandem.core.tenants;
