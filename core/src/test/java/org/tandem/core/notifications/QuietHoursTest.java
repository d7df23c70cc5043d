package org.tandem.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  static Instant at(String local, ZoneId zone) {
    return ZonedDateTime.of(LocalDateTime.parse(local), zone).toInstant();
  }

  @Test
  void aWeekdayEveningWaitsForEightTheNextMorningInThePersonsOwnZone() {
    QuietHours q = QuietHours.DEFAULT;
    // Tuesday 2026-12-01, 20:30 in each zone.
    for (ZoneId zone : new ZoneId[] {LUXEMBOURG, NEW_YORK, KOLKATA}) {
      Instant evening = at("2026-12-01T20:30", zone);
      assertThat(q.isQuiet(evening, zone)).isTrue();
      assertThat(q.nextAwake(evening, zone)).isEqualTo(at("2026-12-02T08:00", zone));
    }
  }

  @Test
  void theSameInstantIsQuietInOneZoneAndAwakeInAnother() {
    // 14:00 UTC on a Tuesday: 15:00 in Luxembourg, 09:00 in New York, 19:30 in Kolkata.
    Instant t = Instant.parse("2026-12-01T14:00:00Z");
    assertThat(QuietHours.DEFAULT.isQuiet(t, LUXEMBOURG)).isFalse();
    assertThat(QuietHours.DEFAULT.isQuiet(t, NEW_YORK)).isFalse();
    assertThat(QuietHours.DEFAULT.isQuiet(t, KOLKATA)).isTrue();
    assertThat(QuietHours.DEFAULT.nextAwake(t, KOLKATA)).isEqualTo(at("2026-12-02T08:00", KOLKATA));
  }

  @Test
  void aFridayEveningWaitsForMonday() {
    Instant friday = at("2026-12-04T19:00", LUXEMBOURG);
    assertThat(QuietHours.DEFAULT.nextAwake(friday, LUXEMBOURG))
        .isEqualTo(at("2026-12-07T08:00", LUXEMBOURG));
    QuietHours workingWeekends = new QuietHours(LocalTime.of(19, 0), LocalTime.of(8, 0), false);
    assertThat(workingWeekends.nextAwake(friday, LUXEMBOURG))
        .isEqualTo(at("2026-12-05T08:00", LUXEMBOURG));
  }

  @Test
  void earlyMorningWaitsForTheSameDaysEnd() {
    Instant early = at("2026-12-02T06:15", NEW_YORK);
    assertThat(QuietHours.DEFAULT.nextAwake(early, NEW_YORK))
        .isEqualTo(at("2026-12-02T08:00", NEW_YORK));
    Instant awake = at("2026-12-02T08:00", NEW_YORK);
    assertThat(QuietHours.DEFAULT.nextAwake(awake, NEW_YORK)).isEqualTo(awake);
  }

  @Test
  void twentyFourAwakeHoursFromFridayAfternoonEndOnTuesdayEvening() {
    Instant offered = at("2026-12-04T17:00", LUXEMBOURG);
    // 2 h on Friday, 11 h on Monday, 11 h on Tuesday.
    assertThat(QuietHours.DEFAULT.afterAwake(offered, Duration.ofHours(24), LUXEMBOURG))
        .isEqualTo(at("2026-12-08T19:00", LUXEMBOURG));
    // Offered at night in Kolkata: the count starts at 08:00.
    Instant night = at("2026-12-01T23:00", KOLKATA);
    assertThat(QuietHours.DEFAULT.afterAwake(night, Duration.ofHours(3), KOLKATA))
        .isEqualTo(at("2026-12-02T11:00", KOLKATA));
  }

  @Test
  void equalBoundsMeanNoQuietTimeInTheDayAndADaytimeWindowWorksToo() {
    QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0), false);
    assertThat(none.isQuiet(at("2026-12-05T03:00", LUXEMBOURG), LUXEMBOURG)).isFalse();
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), false);
    assertThat(lunch.isQuiet(at("2026-12-01T12:30", LUXEMBOURG), LUXEMBOURG)).isTrue();
    assertThat(lunch.nextAwake(at("2026-12-01T12:30", LUXEMBOURG), LUXEMBOURG))
        .isEqualTo(at("2026-12-01T14:00", LUXEMBOURG));
    assertThat(lunch.isQuiet(at("2026-12-01T19:30", LUXEMBOURG), LUXEMBOURG)).isFalse();
  }

  @Test
  void aDaylightSavingChangeKeepsEightInTheMorningLocal() {
    // Europe moves its clocks on Sunday 2027-03-28; Monday's morning is 08:00 summer time.
    Instant saturday = at("2027-03-27T10:00", LUXEMBOURG);
    assertThat(QuietHours.DEFAULT.nextAwake(saturday, LUXEMBOURG))
        .isEqualTo(at("2027-03-29T08:00", LUXEMBOURG));
    assertThat(at("2027-03-29T08:00", LUXEMBOURG)).isEqualTo(Instant.parse("2027-03-29T06:00:00Z"));
  }
}
