/**
 * The weekly digest in the conversation: its offer at the end of onboarding, the buttons that turn
 * it on and off, and the message itself, written when the outbox sends it.
 */
package org.tandem.bot.conversation.digest;
