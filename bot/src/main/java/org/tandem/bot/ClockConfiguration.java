package org.tandem.bot;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of scheduled work (what is due, quiet hours, offers running out): tests move a
 * clock of their own in its place, so time-dependent behaviour is tested without waiting.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
