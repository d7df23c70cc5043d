package org.tandem.bot.channels;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches: requests acknowledged and not answered yet ({@code
 * tandem_inbox_waiting}), the age of the oldest one ({@code tandem_inbox_oldest_seconds}), and
 * requests given up ({@code tandem_inbox_failed}, the last 24 hours). Read from PostgreSQL when the
 * metrics are scraped, so every instance reports the cluster's inbox.
 */
@Component
class InboxMetrics {

  InboxMetrics(JdbcClient jdbc, MeterRegistry registry) {
    Gauge.builder(
            "tandem.inbox.waiting",
            jdbc,
            j ->
                j.sql("select count(*) from inbox where status in ('NEW', 'ANSWERED')")
                    .query(Long.class)
                    .single())
        .description("Requests acknowledged to Slack or Teams and not answered yet")
        .register(registry);
    Gauge.builder(
            "tandem.inbox.oldest",
            jdbc,
            j ->
                j.sql(
                        "select coalesce(extract(epoch from now() - min(received_at)), 0)"
                            + " from inbox where status in ('NEW', 'ANSWERED')")
                    .query(Double.class)
                    .single())
        .baseUnit("seconds")
        .description("Age of the oldest request not answered yet")
        .register(registry);
    Gauge.builder(
            "tandem.inbox.failed",
            jdbc,
            j ->
                j.sql(
                        "select count(*) from inbox where status = 'FAILED'"
                            + " and done_at > now() - interval '1 day'")
                    .query(Long.class)
                    .single())
        .description("Requests given up in the last 24 hours (see the log and inbox.last_error)")
        .register(registry);
  }
}
