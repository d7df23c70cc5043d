/** The company directory in chat: a shared file's preview and Confirm, admin directory, person. */
package org.tandem.bot.conversation.directory;
