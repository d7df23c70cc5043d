package org.tandem.bot.channels;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers inbound deliveries by a unique key in PostgreSQL, so that a Slack retry, or the same
 * event delivered to two instances, is processed once: no double commitment, hours or message.
 */
@Component
public class ProcessedEvents {

  private final JdbcClient jdbc;

  ProcessedEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True the first time this key is seen on this channel, false on every repeat. */
  public boolean firstTime(String channel, String key) {
    if (key == null || key.isBlank()) {
      return true;
    }
    return jdbc.sql(
                "insert into processed_event (channel, event_key) values (?, ?) on conflict do nothing")
            .params(channel, key)
            .update()
        == 1;
  }
}
