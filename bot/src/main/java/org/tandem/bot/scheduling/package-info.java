/**
 * Work on a timetable, run by db-scheduler on PostgreSQL so each run happens once across a cluster:
 * monthly reports, the outbox dispatcher, and the nightly purge.
 */
package org.tandem.bot.scheduling;
