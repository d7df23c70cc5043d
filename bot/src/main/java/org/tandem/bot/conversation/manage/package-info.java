/** For CSR managers and line managers: approvals, and creating and editing missions. */
package org.tandem.bot.conversation.manage;
