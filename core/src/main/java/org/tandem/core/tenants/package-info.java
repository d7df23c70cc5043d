/**
 * Tenants: one Slack workspace or Teams tenant each, with the company's volunteering policy
 * (allowance, approvals, valuation), overridable per country for multinational companies.
 */
package org.tandem.core.tenants;
