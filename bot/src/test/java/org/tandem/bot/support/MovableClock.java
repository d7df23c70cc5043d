package org.tandem.bot.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests (core's use cases and the scheduled work read it): the real time
 * until a test sets it, so a test can put the scheduled work on a Friday evening in Luxembourg,
 * then move it to Monday morning. A test that moves it calls {@link #reset()} after (the context,
 * and so the clock, is shared by every test).
 */
public class MovableClock extends Clock {

  private volatile Instant fixed;

  /** Fixes the time at {@code at}. */
  public void set(Instant at) {
    fixed = at;
  }

  /** Moves the fixed time on (from now, when not fixed yet). */
  public void advance(Duration by) {
    fixed = instant().plus(by);
  }

  /** Back to the real time. */
  public void reset() {
    fixed = null;
  }

  @Override
  public Instant instant() {
    Instant f = fixed;
    return f != null ? f : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock read in another zone (a company's "today"). */
  @Override
  public Clock withZone(ZoneId zone) {
    MovableClock self = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return self.instant();
      }

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }
    };
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }
}
