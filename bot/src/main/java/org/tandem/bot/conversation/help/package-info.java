/** Help, and the short hint given when Tandem does not understand. */
package org.tandem.bot.conversation.help;
