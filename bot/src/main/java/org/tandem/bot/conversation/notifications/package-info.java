/** "notifications": what Tandem sends a person on its own, their quiet hours and digest day. */
package org.tandem.bot.conversation.notifications;
