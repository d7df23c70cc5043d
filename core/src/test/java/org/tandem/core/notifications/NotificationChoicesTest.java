package org.tandem.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.people.Employee;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;

/** What a person may choose in "notifications", as the form sends it, decided in core. */
@DatabaseTest
class NotificationChoicesTest {

  @Autowired Fixtures fixtures;
  @Autowired NotificationSettings settings;

  @Test
  void quietHoursAreReadAsPeopleWriteThemAndABadTimeIsRefusedOnItsField() {
    Fixtures.Installed company = fixtures.slackInstall(Locale.FRENCH);
    Employee ana = fixtures.person(company.tenant(), "Ana");
    QuietHours read = settings.readQuietHours("21h30", "7:00", false).value();
    assertThat(read).isEqualTo(new QuietHours(LocalTime.of(21, 30), LocalTime.of(7, 0), false));
    settings.quietHours(company.tenant(), ana.id(), read.from(), read.until(), false).value();
    for (String bad : new String[] {"25:00", "19:10", "seven", "", "19:00:30"}) {
      Outcome<QuietHours> refused = settings.readQuietHours(bad, "08:00", true);
      assertThat(refused.refusal().code()).as(bad).isEqualTo(ReasonCode.QUIET_HOURS_INVALID);
      assertThat(refused.refusal().field()).isEqualTo("from");
    }
    assertThat(settings.readQuietHours("22:00", "8h99", true).refusal().field()).isEqualTo("until");
    assertThat(settings.of(company.tenant(), ana.id()).orElseThrow().quiet())
        .isEqualTo(new QuietHours(LocalTime.of(21, 30), LocalTime.of(7, 0), false));
  }

  @Test
  void onlyCsrManagersChooseAboutTheMonthlyReport() {
    Fixtures.Installed company = fixtures.slackInstall(Locale.ENGLISH);
    Employee ana = fixtures.person(company.tenant(), "Ana");
    Employee claire = fixtures.csrManager(company.tenant(), "Claire");
    assertThat(settings.topicsFor(company.tenant(), ana.id()))
        .doesNotContain(Topic.MONTHLY_REPORT)
        .contains(Topic.WAITLIST, Topic.CHANGES, Topic.ADMIN);
    assertThat(settings.topicsFor(company.tenant(), claire.id())).contains(Topic.MONTHLY_REPORT);
    assertThat(
            settings
                .receive(company.tenant(), ana.id(), Topic.MONTHLY_REPORT, false)
                .refusal()
                .code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(
            settings.receive(company.tenant(), claire.id(), Topic.MONTHLY_REPORT, false).isDone())
        .isTrue();
    assertThat(settings.of(company.tenant(), claire.id()).orElseThrow().wants(Topic.MONTHLY_REPORT))
        .isFalse();
  }
}
