/** A person's own data ("my data") and an admin erasing a person ("admin erase NAME"). */
package org.tandem.bot.conversation.privacy;
