/**
 * The channel-neutral brain: what arrived ({@link org.tandem.bot.conversation.Inbound}), who sent
 * it, and the {@link org.tandem.bot.conversation.Reply} each channel renders in its own idiom.
 * Intents and dialogs live here; nothing about missions, hours or reports is decided in an adapter.
 */
package org.tandem.bot.conversation;
