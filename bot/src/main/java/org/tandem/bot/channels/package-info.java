/** What every chat channel shares: remembering the deliveries already processed. */
package org.tandem.bot.channels;
