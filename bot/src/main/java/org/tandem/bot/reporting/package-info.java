/**
 * Report rendering: group labels in the reader's language, the chart (PNG), the CSV, and the
 * expiring links that serve them.
 */
package org.tandem.bot.reporting;
