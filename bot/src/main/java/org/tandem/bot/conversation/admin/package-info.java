/** For admins: roles, and the company's volunteering policy. */
package org.tandem.bot.conversation.admin;
