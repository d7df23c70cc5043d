/** CSR reports in chat: "report last month by site", the monthly opt-out, and mission rosters. */
package org.tandem.bot.conversation.reports;
