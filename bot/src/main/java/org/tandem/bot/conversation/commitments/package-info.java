/** "My commitments", and cancelling one. */
package org.tandem.bot.conversation.commitments;
