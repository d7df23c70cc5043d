/** Campaigns a CSR manager launches to an audience or a channel, and their figures. */
package org.tandem.core.campaigns;
