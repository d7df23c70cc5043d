package org.tandem.bot.channels;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Connect and read timeouts of every call to Slack's Web API, response URLs and the Bot Connector
 * ({@code tandem.http.connect-timeout}, {@code tandem.http.read-timeout}): a hanging platform holds
 * a worker at most this long, and the call is retried later.
 */
@Component
public class HttpTimeouts {

  private final Duration connect;
  private final Duration read;

  HttpTimeouts(
      @Value("${tandem.http.connect-timeout:PT3S}") Duration connect,
      @Value("${tandem.http.read-timeout:PT10S}") Duration read) {
    this.connect = connect;
    this.read = read;
  }

  public Duration connect() {
    return connect;
  }

  public Duration read() {
    return read;
  }
}
