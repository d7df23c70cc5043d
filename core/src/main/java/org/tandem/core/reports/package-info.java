/**
 * Read side for CSR managers: participation, hours and valuation by period and dimension, with the
 * small-group rule, the audit log and per-mission rosters.
 */
package org.tandem.core.reports;
