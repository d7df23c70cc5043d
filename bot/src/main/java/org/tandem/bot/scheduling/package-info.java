/** Work that runs on a timetable: purging the data of tenants past their retention period. */
package org.tandem.bot.scheduling;
