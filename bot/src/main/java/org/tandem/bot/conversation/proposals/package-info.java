/**
 * Hours that log themselves, in chat: the proposal after a session and what stood after its window
 * ({@link org.tandem.bot.conversation.Notice}s), the buttons that answer them, and the job that
 * proposes and lets proposals stand.
 */
package org.tandem.bot.conversation.proposals;
