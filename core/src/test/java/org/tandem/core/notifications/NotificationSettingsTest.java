package org.tandem.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.people.Employee;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

@DatabaseTest
class NotificationSettingsTest {

  @Autowired Fixtures fixtures;
  @Autowired Notifications notifications;
  @Autowired NotificationSettings settings;
  @Autowired JdbcClient jdbc;

  /** Tuesday 2026-12-01 at 10:00 and at 21:00 in Luxembourg (UTC+1 in winter). */
  static final Instant MORNING = Instant.parse("2026-12-01T09:00:00Z");

  static final Instant EVENING = Instant.parse("2026-12-01T20:00:00Z");

  private Notification claimed(TenantId tenant, String key) {
    jdbc.sql(
            "update notification set next_attempt_at = now() - interval '1 second' where dedupe_key = ?")
        .params(key)
        .update();
    List<Notification> mine =
        notifications.claim(500, java.time.Duration.ofMinutes(2)).stream()
            .filter(n -> n.tenant().equals(tenant))
            .toList();
    assertThat(mine).hasSize(1);
    return mine.get(0);
  }

  @Test
  void aNewPersonHasTheDefaultsAndNoDigest() {
    Fixtures.Installed company = fixtures.slackInstall(java.util.Locale.FRENCH);
    var s = settings.of(company.tenant(), company.admin().id()).orElseThrow();
    assertThat(s.quiet()).isEqualTo(QuietHours.DEFAULT);
    assertThat(s.digestDay()).isEmpty();
    assertThat(s.wants(Topic.DIGEST)).isFalse();
    assertThat(s.wants(Topic.REMINDERS)).isTrue();
  }

  @Test
  void aTopicTurnedOffDropsItsMessagesEvenOnesAlreadyQueued() {
    Fixtures.Installed company = fixtures.slackInstall(java.util.Locale.ENGLISH);
    Employee ana = fixtures.person(company.tenant(), "Ana");
    String key = "test:" + ana.id();
    notifications.enqueue(company.tenant(), ana.id(), Notification.SESSION_REMINDER, key, "1");
    assertThat(settings.receive(company.tenant(), ana.id(), Topic.REMINDERS, false).isDone())
        .isTrue();
    Notification n = claimed(company.tenant(), key);
    assertThat(notifications.admit(n, MORNING)).isInstanceOf(Notifications.Admission.Drop.class);

    settings.receive(company.tenant(), ana.id(), Topic.REMINDERS, true);
    assertThat(notifications.admit(n, MORNING)).isInstanceOf(Notifications.Admission.Send.class);
  }

  @Test
  void changesToASessionCannotBeTurnedOff() {
    Fixtures.Installed company = fixtures.slackInstall(java.util.Locale.GERMAN);
    var refused = settings.receive(company.tenant(), company.admin().id(), Topic.CHANGES, false);
    assertThat(refused.isDone()).isFalse();
    assertThat(refused.refusal().code()).isEqualTo(ReasonCode.TOPIC_ALWAYS_ON);
  }

  @Test
  void quietHoursDelayAMessageToTheMorningButNotAnUrgentOne() {
    Fixtures.Installed company = fixtures.slackInstall(java.util.Locale.ENGLISH);
    Employee ana = fixtures.person(company.tenant(), "Ana");
    notifications.enqueue(
        company.tenant(), ana.id(), Notification.HOURS_PROPOSED, "test:p:" + ana.id(), "1");
    Notification n = claimed(company.tenant(), "test:p:" + ana.id());
    var wait = notifications.admit(n, EVENING);
    assertThat(wait)
        .isEqualTo(new Notifications.Admission.Wait(Instant.parse("2026-12-02T07:00:00Z")));
    notifications.waitUntil(n.id(), Instant.parse("2026-12-02T07:00:00Z"));
    assertThat(
            jdbc.sql("select attempts from notification where id = ?")
                .params(n.id())
                .query(Integer.class)
                .single())
        .as("waiting for the morning is not a failed attempt")
        .isZero();

    notifications.enqueueUrgent(
        company.tenant(), ana.id(), Notification.SESSION_CHANGED, "test:u:" + ana.id(), "1");
    Notification urgent = claimed(company.tenant(), "test:u:" + ana.id());
    assertThat(urgent.urgent()).isTrue();
    assertThat(notifications.admit(urgent, EVENING))
        .isInstanceOf(Notifications.Admission.Send.class);
  }

  @Test
  void ownQuietHoursAndDigestDayAreKept() {
    Fixtures.Installed company = fixtures.slackInstall(java.util.Locale.ENGLISH);
    long me = company.admin().id();
    assertThat(
            settings
                .quietHours(company.tenant(), me, LocalTime.of(22, 0), LocalTime.of(7, 0), false)
                .isDone())
        .isTrue();
    assertThat(
            settings
                .quietHours(company.tenant(), me, LocalTime.of(22, 10), LocalTime.of(7, 0), false)
                .refusal()
                .code())
        .isEqualTo(ReasonCode.QUIET_HOURS_INVALID);
    settings.receive(company.tenant(), me, Topic.DIGEST, true);
    assertThat(settings.of(company.tenant(), me).orElseThrow().digestDay())
        .contains(DayOfWeek.MONDAY);
    settings.digestDay(company.tenant(), me, DayOfWeek.THURSDAY);
    var s = settings.of(company.tenant(), me).orElseThrow();
    assertThat(s.digestDay()).contains(DayOfWeek.THURSDAY);
    assertThat(s.quiet()).isEqualTo(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), false));
    // Evening at 21:00 is no longer quiet for them.
    assertThat(s.quiet().isQuiet(EVENING, s.zone())).isFalse();
  }

  @Test
  void anUnknownKindIsRefusedBeforeItIsStored() {
    TenantId tenant = fixtures.company();
    Employee ana = fixtures.person(tenant, "Ana");
    assertThatThrownBy(
            () -> notifications.enqueue(tenant, ana.id(), "NO_SUCH_KIND", "test:x:" + ana.id(), ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
