package org.tandem.core.notifications;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a person does not want to hear from Tandem, in their own time zone: every day from {@code
 * from} to {@code until} (19:00 to 08:00 by default, across midnight when {@code from} is later
 * than {@code until}; equal bounds mean none) and, when {@code weekends}, all of Saturday and
 * Sunday.
 */
public record QuietHours(LocalTime from, LocalTime until, boolean weekends) {

  public static final QuietHours DEFAULT =
      new QuietHours(LocalTime.of(19, 0), LocalTime.of(8, 0), true);

  /** Never more than this far ahead: a week holds at least one awake moment unless all is quiet. */
  private static final int MAX_DAYS = 9;

  /**
   * Reads {@code 19:00-08:00} (or {@code none}: no quiet time in the day) as a deployment's
   * default.
   */
  public static QuietHours parse(String hours, boolean weekends) {
    String h = hours.strip();
    if (h.equalsIgnoreCase("none")) {
      return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, weekends);
    }
    String[] bounds = h.split("-", 2);
    if (bounds.length != 2) {
      throw new IllegalArgumentException("Quiet hours read HH:MM-HH:MM or none, not " + hours);
    }
    return new QuietHours(
        LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip()), weekends);
  }

  public QuietHours {
    from = from.withSecond(0).withNano(0);
    until = until.withSecond(0).withNano(0);
  }

  /** Whether this local moment is quiet. */
  public boolean isQuiet(LocalDateTime t) {
    if (weekends && weekend(t.getDayOfWeek())) {
      return true;
    }
    LocalTime time = t.toLocalTime();
    if (from.equals(until)) {
      return false;
    }
    return from.isBefore(until)
        ? !time.isBefore(from) && time.isBefore(until)
        : !time.isBefore(from) || time.isBefore(until);
  }

  public boolean isQuiet(Instant now, ZoneId zone) {
    return isQuiet(LocalDateTime.ofInstant(now, zone));
  }

  /** The first moment from {@code now} that is not quiet ({@code now} itself when it is not). */
  public Instant nextAwake(Instant now, ZoneId zone) {
    LocalDateTime t = LocalDateTime.ofInstant(now, zone);
    if (!isQuiet(t)) {
      return now;
    }
    LocalDateTime candidate = t.toLocalDate().atTime(until);
    if (!candidate.isAfter(t)) {
      candidate = candidate.plusDays(1);
    }
    for (int i = 0; i < MAX_DAYS && isQuiet(candidate); i++) {
      candidate = candidate.toLocalDate().plusDays(1).atTime(until);
    }
    return ZonedDateTime.of(candidate, zone).toInstant();
  }

  /**
   * The moment when {@code awake} of not-quiet time has passed from {@code start}: a waiting-list
   * offer of 24 hours made on Friday at 17:00 runs out on Tuesday at 19:00 with the defaults (2
   * hours on Friday, 11 on Monday, 11 on Tuesday).
   */
  public Instant afterAwake(Instant start, Duration awake, ZoneId zone) {
    Instant t = nextAwake(start, zone);
    Duration left = awake;
    for (int i = 0; i < 1000 && !left.isNegative() && !left.isZero(); i++) {
      Instant quietAt = nextQuiet(t, zone);
      Duration stretch = Duration.between(t, quietAt);
      if (stretch.compareTo(left) >= 0) {
        return t.plus(left);
      }
      left = left.minus(stretch);
      t = nextAwake(quietAt, zone);
    }
    return t;
  }

  /** The next moment after an awake {@code now} when quiet hours begin (far ahead when never). */
  private Instant nextQuiet(Instant now, ZoneId zone) {
    LocalDateTime t = LocalDateTime.ofInstant(now, zone);
    LocalDateTime best = t.plusDays(MAX_DAYS);
    if (!from.equals(until)) {
      LocalDateTime evening = t.toLocalDate().atTime(from);
      if (!evening.isAfter(t)) {
        evening = evening.plusDays(1);
      }
      best = evening;
    }
    if (weekends) {
      LocalDateTime day = t.toLocalDate().plusDays(1).atStartOfDay();
      while (!weekend(day.getDayOfWeek())) {
        day = day.plusDays(1);
      }
      if (day.isBefore(best)) {
        best = day;
      }
    }
    return ZonedDateTime.of(best, zone).toInstant();
  }

  private static boolean weekend(DayOfWeek d) {
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }
}
