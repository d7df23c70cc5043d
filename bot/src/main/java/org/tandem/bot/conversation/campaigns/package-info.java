/** Campaigns: the command, the form, the message people get, and the channel posts. */
package org.tandem.bot.conversation.campaigns;
