/** Seats offered from a mission's waiting list: the messages, and accepting or passing one. */
package org.tandem.bot.conversation.waitlist;
