/** Finding missions, their details, committing to one and saying "not for me". */
package org.tandem.bot.conversation.missions;
