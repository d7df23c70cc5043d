package org.tandem.bot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.core.notifications.FirstWorkingDay;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * On the first working day of a month, each CSR manager who has not opted out receives last month's
 * report in their conversation with Tandem, once, through the outbox.
 */
@BotTest
class MonthlyReportTest {

  static final FakeSlackApi slack = new FakeSlackApi();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    slack.configure(registry, "secret", "xoxb-test-token");
    // The test runs the jobs itself.
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.monthly-reports.cron", () -> "0 0 0 1 1 *");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Notifications notifications;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired JdbcClient jdbc;

  private Employee slackPerson(TenantId tenant, String userId, String name, Locale locale) {
    return people.enrol(
        tenant, IdentityKind.SLACK, userId, new NewPerson(name, null, locale, Fixtures.LUXEMBOURG));
  }

  private int queued(TenantId tenant) {
    return jdbc.sql("select count(*) from notification where tenant_id = ?")
        .params(tenant.value())
        .query(Integer.class)
        .single();
  }

  @Test
  void managersGetLastMonthsReportOnceOnTheFirstWorkingDay() {
    TenantId tenant = fixtures.company();
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    Employee sophie = slackPerson(tenant, "U0SOPHIE" + suffix, "Sophie Muller", Locale.FRENCH);
    people.bootstrap(tenant, sophie.id(), Role.CSR_MANAGER);
    Employee martine = slackPerson(tenant, "U0MARTINE" + suffix, "Martine Wagner", Locale.ENGLISH);
    people.bootstrap(tenant, martine.id(), Role.CSR_MANAGER);
    people.monthlyReport(tenant, martine.id(), false);
    slackPerson(tenant, "U0DAVID" + suffix, "David Reuter", Locale.ENGLISH);

    LocalDate firstWorkingDay = FirstWorkingDay.of(LocalDate.now(Fixtures.LUXEMBOURG));
    var before = firstWorkingDay.atTime(7, 0).atZone(Fixtures.LUXEMBOURG).toInstant();
    var morning = firstWorkingDay.atTime(9, 0).atZone(Fixtures.LUXEMBOURG).toInstant();
    var secondDay =
        firstWorkingDay.plusDays(1).atTime(9, 0).atZone(Fixtures.LUXEMBOURG).toInstant();

    notifications.enqueueMonthlyReports(before);
    notifications.enqueueMonthlyReports(secondDay);
    assertThat(queued(tenant)).isZero();

    notifications.enqueueMonthlyReports(morning);
    notifications.enqueueMonthlyReports(morning.plusSeconds(3600));
    assertThat(queued(tenant)).as("Sophie only, once").isEqualTo(1);

    dispatcher.dispatch();
    FakeSlackApi.Call message =
        slack.await("chat.postMessage", c -> ("U0SOPHIE" + suffix).equals(c.param("channel")));
    assertThat(message.param("text")).contains("Voici le rapport de bénévolat du mois dernier");
    String lastMonth = YearMonth.now(Fixtures.LUXEMBOURG).minusMonths(1).toString();
    assertThat(
            jdbc.sql(
                    "select count(*) from notification where tenant_id = ? and sent_at is not null"
                        + " and payload = ?")
                .params(tenant.value(), lastMonth)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from report_audit where tenant_id = ? and kind = 'MONTHLY'"
                        + " and employee_id = ?")
                .params(tenant.value(), sophie.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // Delivered once: a second run finds nothing due.
    int messages = slack.calls("chat.postMessage").size();
    dispatcher.dispatch();
    assertThat(slack.calls("chat.postMessage")).hasSize(messages);
    assertThat(slack.calls("chat.postMessage"))
        .noneMatch(c -> ("U0MARTINE" + suffix).equals(c.param("channel")));
  }

  @Test
  void aReportWhoseFilesFailedOrWhoseSenderDiedIsResumedNotPostedAgain() {
    TenantId tenant = fixtures.company();
    String user =
        "U0RESUME" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    Employee manager = slackPerson(tenant, user, "Paul Weber", Locale.ENGLISH);
    people.bootstrap(tenant, manager.id(), Role.CSR_MANAGER);
    LocalDate firstWorkingDay = FirstWorkingDay.of(LocalDate.now(Fixtures.LUXEMBOURG));
    notifications.enqueueMonthlyReports(
        firstWorkingDay.atTime(9, 0).atZone(Fixtures.LUXEMBOURG).toInstant());
    long id =
        jdbc.sql("select id from notification where employee_id = ?")
            .param(manager.id())
            .query(Long.class)
            .single();

    // The message goes out, its files do not: the next attempt sends the files only.
    slack.fail("files.getUploadURLExternal", 500, 1);
    dispatcher.dispatch();
    assertThat(posts(user)).isEqualTo(1);
    due(id);
    dispatcher.dispatch();
    assertThat(posts(user)).isEqualTo(1);
    assertThat(
            jdbc.sql("select sent_at is not null from notification where id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();

    // The instance sending it died after posting, before recording anything (kill -9): the one
    // that takes over finds the message stamped with the delivery's id and does not post it again.
    jdbc.sql("update notification set sent_at = null, progress = null where id = ?")
        .param(id)
        .update();
    due(id);
    dispatcher.dispatch();
    assertThat(posts(user)).isEqualTo(1);
    assertThat(slack.calls("conversations.history")).isNotEmpty();
  }

  private long posts(String user) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> user.equals(c.param("channel")))
        .count();
  }

  private void due(long id) {
    jdbc.sql("update notification set next_attempt_at = now() where id = ?").param(id).update();
  }

  @Test
  void theFirstWorkingDaySkipsTheWeekend() {
    assertThat(FirstWorkingDay.of(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(FirstWorkingDay.of(LocalDate.of(2026, 8, 15))).isEqualTo(LocalDate.of(2026, 8, 3));
    assertThat(FirstWorkingDay.of(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 12, 1));
  }
}
