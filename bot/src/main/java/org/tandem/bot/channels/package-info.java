/** What every chat channel shares: remembering the deliveries already processed, inbound checks. */
package org.tandem.bot.channels;
