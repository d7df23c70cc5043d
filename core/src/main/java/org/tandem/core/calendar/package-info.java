/**
 * Sessions in people's calendars: reminders on the last working day before a session, and a session
 * moved or removed, or its mission cancelled, told at once to the people committed, each with what
 * a calendar file needs (the session's stable uid and its sequence).
 */
package org.tandem.core.calendar;
