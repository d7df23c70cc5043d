package org.tandem.bot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.delivery.Pacer;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.notifications.Reconsent;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * Every message delivered exactly once, counted in the fake Slack's posted messages and the fake
 * Bot Connector's activities: when the dispatcher that claimed them is stopped between the claim
 * and the send and killed (another takes them over once their lease has passed), and when two
 * dispatchers with their own pacers drain the same database at once.
 */
@BotTest
class OnceOnlyDeliveryTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000000ce";
  static final FakeSlackApi slack = new FakeSlackApi();
  static final FakeBotConnector teams = new FakeBotConnector();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    slack.configure(registry, "once-secret", "xoxb-once");
    teams.configure(registry, APP_ID);
    registry.add("tandem.outbox.every", () -> "PT1H");
    // Counting deliveries, not pacing them (PoliteDeliveryTest and PacerTest do that).
    registry.add("tandem.delivery.slack.workspace", () -> "100000/PT1M");
    registry.add("tandem.delivery.slack.conversation", () -> "1000/PT1S");
  }

  @AfterAll
  static void stop() {
    slack.close();
    teams.close();
  }

  @LocalServerPort int port;

  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Notifications notifications;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired List<Notifier> notifiers;
  @Autowired List<Notice> notices;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;

  /** {@code each} messages for each of {@code persons} people of {@code companies} installs. */
  List<Long> messages(int companies, int persons, int each) {
    List<Long> ids = new ArrayList<>();
    for (int c = 0; c < companies; c++) {
      var installed = fixtures.slackInstall(Locale.ENGLISH);
      List<Long> staff = new ArrayList<>(List.of(installed.admin().id()));
      while (staff.size() < persons) {
        staff.add(fixtures.person(installed.tenant(), "Person " + staff.size()).id());
      }
      for (int i = 0; i < each; i++) {
        for (long person : staff) {
          ids.add(tell(installed.tenant(), person));
        }
      }
    }
    return ids;
  }

  long tell(TenantId tenant, long to) {
    String key = "once:" + UUID.randomUUID();
    notifications.enqueue(
        tenant, to, Notification.RECONSENT, key, "SLACK|" + Reconsent.SLACK_FILES);
    return jdbc.sql("select id from notification where dedupe_key = ?")
        .param(key)
        .query(Long.class)
        .single();
  }

  OutboxDispatcher another(Duration lease, Pacer pacer) {
    return new OutboxDispatcher(notifications, notifiers, people, notices, clock, lease, 4, pacer);
  }

  int unsent(List<Long> ids) {
    return jdbc.sql("select count(*) from notification where id = any (?) and sent_at is null")
        .param(ids.toArray(new Long[0]))
        .query(Integer.class)
        .single();
  }

  @Test
  void messagesClaimedByADispatcherKilledBeforeSendingAreDeliveredOnceByAnother() throws Exception {
    List<Long> ids = messages(3, 10, 1);
    // And three for a person in Teams, who wrote to Tandem in their personal chat.
    TeamsActivities activities = new TeamsActivities(port, APP_ID, teams, jdbc);
    String user = "ana-" + UUID.randomUUID().toString().substring(0, 6);
    activities.post(activities.message(UUID.randomUUID().toString(), user, "aad-" + user, "help"));
    var ana =
        jdbc.sql("select tenant_id, employee_id from teams_conversation where conversation_id = ?")
            .param("a:conv-" + user)
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .single();
    int answered = teams.sent.size();
    List<Long> inTeams = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      inTeams.add(tell(new TenantId(ana[0]), ana[1]));
    }
    ids.addAll(inTeams);
    CountDownLatch stopped = new CountDownLatch(1);
    // The hook: the first dispatcher stops right after its claim, before its first send, and is
    // killed there (interrupted: it never sends, as after kill -9).
    Pacer hook =
        new Pacer() {
          @Override
          public synchronized Ticket take(Notifier.Lane lane) {
            stopped.countDown();
            try {
              wait();
            } catch (InterruptedException killed) {
              Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("killed between claim and send");
          }
        };
    // A long lease, ended by the test below: every cached test context shares this database and
    // db-scheduler's one "outbox" task, so a lease that ran out on its own could be taken over by
    // another context's dispatcher (whose fake Slack is gone) before this test's.
    OutboxDispatcher dying = another(Duration.ofHours(1), hook);
    ExecutorService instance = Executors.newSingleThreadExecutor();
    Future<Integer> run = instance.submit(dying::dispatch);
    assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
    instance.shutdownNow();
    assertThat(instance.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(run).isDone();
    assertThat(unsent(ids)).as("claimed, none sent").isEqualTo(ids.size());

    // While their lease lasts nobody else sends them; once it has passed, they are taken over.
    assertThat(dispatcher.dispatch()).isZero();
    jdbc.sql("update notification set next_attempt_at = now() where id = any (?)")
        .param(ids.toArray(new Long[0]))
        .update();
    for (int i = 0; i < 200 && unsent(ids) > 0; i++) {
      dispatcher.dispatch();
      Thread.sleep(50);
    }

    assertThat(unsent(ids)).isZero();
    assertThat(ids)
        .filteredOn(id -> !inTeams.contains(id))
        .allSatisfy(id -> assertThat(slack.posted("notification:" + id)).isOne());
    assertThat(teams.sent.subList(answered, teams.sent.size()))
        .as("three messages, three activities: none sent twice")
        .filteredOn(s -> s[0].contains("a:conv-" + user) && s[1].contains("files:read"))
        .hasSize(3);
  }

  @Test
  void twoDispatchersOnOneDatabaseDeliverEachOf500MessagesOnce() throws Exception {
    List<Long> ids = messages(4, 25, 5);
    assertThat(ids).hasSize(500);
    OutboxDispatcher second = another(Duration.ofMinutes(2), new Pacer());
    ExecutorService instances = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> one = instances.submit(dispatcher::dispatch);
      Future<Integer> two = instances.submit(second::dispatch);
      int sent = one.get(120, TimeUnit.SECONDS) + two.get(120, TimeUnit.SECONDS);
      assertThat(sent).isEqualTo(500);
    } finally {
      instances.shutdownNow();
    }
    assertThat(unsent(ids)).isZero();
    assertThat(ids).allSatisfy(id -> assertThat(slack.posted("notification:" + id)).isOne());
    assertThat(slack.calls("chat.postMessage")).hasSize(500);
  }
}
