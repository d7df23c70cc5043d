/** Sending politely: each platform's limits per workspace and per conversation, and its 429s. */
package org.tandem.bot.delivery;
