/**
 * Sessions in people's calendars: the reminder on the last working day before a session and the
 * messages of a session moved or removed or a mission cancelled, each with its iCalendar file, and
 * the recurring job that writes the reminders due.
 */
package org.tandem.bot.calendar;
