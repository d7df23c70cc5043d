/** Logging hours: the form, and plain sentences such as "j'ai fait 3 h hier". */
package org.tandem.bot.conversation.hours;
