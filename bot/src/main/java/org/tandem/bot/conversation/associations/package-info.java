/** Associations in chat: the list and its search, the association form, archiving. */
package org.tandem.bot.conversation.associations;
