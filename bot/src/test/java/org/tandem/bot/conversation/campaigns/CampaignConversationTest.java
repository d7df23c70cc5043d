package org.tandem.bot.conversation.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.MovableClock;
import org.tandem.core.campaigns.Audience;
import org.tandem.core.campaigns.CampaignDraft;
import org.tandem.core.campaigns.Campaigns;
import org.tandem.core.missions.Mission;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.notifications.Topic;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * Campaigns in the conversation, in a company a Slack install made: a non-CSR is refused in their
 * language, whatever they press; a campaign launched for a day reaches each person from 08:00 in
 * their own time zone, once, and nobody who turned campaigns off.
 */
@BotTest
class CampaignConversationTest {

  static final FakeSlackApi slack = new FakeSlackApi();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    slack.configure(registry, "secret", "xoxb-test-token");
    // The test runs the jobs itself.
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.campaigns.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @Autowired Fixtures fixtures;
  @Autowired ConversationEngine engine;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired CampaignPosting posting;
  @Autowired Campaigns campaigns;
  @Autowired MovableClock clock;
  @Autowired People people;
  @Autowired NotificationSettings settings;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void reset() {
    clock.reset();
    slack.reset();
  }

  private String slackId(Employee e) {
    return jdbc.sql(
            "select external_id from chat_identity where employee_id = ? and kind = 'SLACK'")
        .param(e.id())
        .query(String.class)
        .single();
  }

  @Test
  void someoneWhoIsNotACsrManagerIsRefusedInTheirLanguageWhateverTheyPress() {
    Fixtures.Installed company = fixtures.slackInstall(Locale.ENGLISH);
    TenantId tenant = company.tenant();
    Employee ana = fixtures.person(tenant, "Ana Lopes");
    Mission workshop = fixtures.workshopInEsch(tenant, 5);
    long id =
        campaigns
            .launch(
                tenant,
                company.admin().id(),
                new CampaignDraft(
                    "Giving week",
                    "Join us",
                    List.of(workshop.id()),
                    Audience.EVERYONE,
                    null,
                    LocalDate.now(Fixtures.LUXEMBOURG).plusDays(5)),
                clock.instant())
            .value()
            .id();
    Map<Locale, String[]> words =
        Map.of(
            Locale.ENGLISH,
            new String[] {"campaign", "reserved for CSR managers"},
            Locale.FRENCH,
            new String[] {"campagne", "réservé aux responsables RSE"},
            Locale.GERMAN,
            new String[] {"kampagne", "den CSR-Verantwortlichen vorbehalten"});
    words.forEach(
        (language, w) -> {
          Chat chat = new Chat(engine, ana, language);
          Chat.assertNotice(chat.say(w[0]), Reply.Notice.Level.WARNING, w[1]);
          Chat.assertNotice(chat.say(w[0] + " Giving week"), Reply.Notice.Level.WARNING, w[1]);
          Chat.assertNotice(
              chat.click("campaign.cancel", Map.of("campaign", Long.toString(id))),
              Reply.Notice.Level.WARNING,
              w[1]);
          Chat.assertNotice(
              chat.submit(
                  CampaignForm.ID,
                  Map.of(
                      "name", List.of("Mine"),
                      "message", List.of("Hi"),
                      "missions", List.of(Long.toString(workshop.id())),
                      "audience", List.of("EVERYONE")),
                  Map.of()),
              Reply.Notice.Level.WARNING,
              w[1]);
        });
    assertThat(campaigns.find(tenant, id).orElseThrow().status().name()).isEqualTo("SCHEDULED");
    assertThat(campaigns.list(tenant, company.admin().id(), 10).value()).hasSize(1);
  }

  @Test
  void aCampaignForADayReachesEachPersonFrom8InTheirOwnTimeZoneOnce() {
    Fixtures.Installed company = fixtures.slackInstall(Locale.FRENCH);
    TenantId tenant = company.tenant();
    Employee ana = fixtures.person(tenant, "Ana Lopes");
    Employee nina = fixtures.person(tenant, "Nina Park");
    jdbc.sql("update employee set time_zone = 'America/New_York' where id = ?")
        .param(nina.id())
        .update();
    // Omar turned campaigns off: the outbox keeps his message unsent.
    Employee omar = fixtures.person(tenant, "Omar Haddad");
    settings.receive(tenant, omar.id(), Topic.CAMPAIGNS, false);
    Mission workshop = fixtures.workshopInEsch(tenant, 10);
    LocalDate day = LocalDate.of(2027, 3, 3); // a Wednesday
    clock.set(at(day.minusDays(2), 10, 0, "Europe/Luxembourg"));

    Chat claire = new Chat(engine, company.admin(), Locale.FRENCH);
    assertThat(Chat.form(claire.say("campagne")).title()).isEqualTo("Nouvelle campagne");
    Reply launched =
        claire.submitForm(
            Map.of(
                "name", List.of("Semaine solidaire"),
                "message", List.of("Rejoignez-nous <vite> & *nombreux*"),
                "missions", List.of(Long.toString(workshop.id())),
                "audience", List.of("EVERYONE"),
                "date", List.of(day.toString())));
    Chat.assertNotice(
        launched,
        Reply.Notice.Level.SUCCESS,
        "part le mercredi 3 mars, à partir de 08:00 dans le fuseau horaire de chacun");

    // 07:59 in Luxembourg: nobody yet.
    clock.set(at(day, 7, 59, "Europe/Luxembourg"));
    posting.run();
    dispatcher.dispatch();
    assertThat(received(ana)).isZero();

    // 08:00 in Luxembourg: Ana (and Claire), not Nina in New York.
    clock.set(at(day, 8, 0, "Europe/Luxembourg"));
    posting.run();
    dispatcher.dispatch();
    FakeSlackApi.Call message =
        slack.await("chat.postMessage", c -> slackId(ana).equals(c.param("channel")));
    assertThat(message.param("text")).contains("Semaine solidaire");
    // What Claire typed is shown as typed: Slack's own characters escaped, her stars too.
    assertThat(message.param("blocks"))
        .contains("Rejoignez-nous &lt;vite&gt; &amp;")
        .doesNotContain("<vite>")
        .contains("\"campaign\\\":\\\"");
    assertThat(received(nina)).isZero();
    assertThat(received(omar)).isZero();

    clock.set(at(day, 8, 0, "America/New_York"));
    posting.run();
    dispatcher.dispatch();
    slack.await("chat.postMessage", c -> slackId(nina).equals(c.param("channel")));

    // Once: later runs send nothing more.
    clock.set(at(day.plusDays(1), 12, 0, "Europe/Luxembourg"));
    posting.run();
    dispatcher.dispatch();
    assertThat(received(ana)).isEqualTo(1);
    assertThat(received(nina)).isEqualTo(1);
    assertThat(received(omar)).isZero();
  }

  private long received(Employee e) {
    String id = slackId(e);
    return slack.calls("chat.postMessage").stream()
        .filter(c -> id.equals(c.param("channel")))
        .count();
  }

  private static java.time.Instant at(LocalDate day, int hour, int minute, String zone) {
    return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(ZoneId.of(zone)).toInstant();
  }
}
