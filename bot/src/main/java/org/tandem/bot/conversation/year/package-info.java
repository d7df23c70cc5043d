/** "My year": hours given, allowance left, causes and associations helped. */
package org.tandem.bot.conversation.year;
