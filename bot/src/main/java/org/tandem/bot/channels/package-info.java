/**
 * What every chat channel shares: inbound checks, the durable inbox of acknowledged deliveries and
 * the workers that answer them from PostgreSQL.
 */
package org.tandem.bot.channels;
