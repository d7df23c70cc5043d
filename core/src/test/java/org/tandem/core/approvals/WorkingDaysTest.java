package org.tandem.core.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Working days are Monday to Friday in the approver's own zone. */
class WorkingDaysTest {

  static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static Instant at(int day, int hour, ZoneId zone) {
    return LocalDateTime.of(2026, 12, day, hour, 0).atZone(zone).toInstant();
  }

  @Test
  void twoWorkingDaysFromMondayIsWednesdayAndFromFridayIsTuesday() {
    assertThat(WorkingDays.after(at(7, 10, LUXEMBOURG), 2, LUXEMBOURG))
        .isEqualTo(at(9, 10, LUXEMBOURG));
    assertThat(WorkingDays.after(at(11, 15, LUXEMBOURG), 2, LUXEMBOURG))
        .isEqualTo(at(15, 15, LUXEMBOURG));
  }

  @Test
  void fiveWorkingDaysSkipOneWeekendAndASaturdayStartsOnMonday() {
    assertThat(WorkingDays.after(at(7, 10, LUXEMBOURG), 5, LUXEMBOURG))
        .isEqualTo(at(14, 10, LUXEMBOURG));
    assertThat(WorkingDays.after(at(12, 18, LUXEMBOURG), 2, LUXEMBOURG))
        .isEqualTo(at(16, 0, LUXEMBOURG));
  }

  @Test
  void theWeekendIsTheApproversOwn() {
    // Friday 23:00 in Luxembourg is still Friday 17:00 in New York: Tuesday 17:00 there.
    Instant friday = at(11, 23, LUXEMBOURG);
    assertThat(WorkingDays.after(friday, 2, NEW_YORK)).isEqualTo(at(15, 17, NEW_YORK));
    // Read in Luxembourg, the same moment is Tuesday 23:00.
    assertThat(WorkingDays.after(friday, 2, LUXEMBOURG)).isEqualTo(at(15, 23, LUXEMBOURG));
  }
}
