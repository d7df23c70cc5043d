package org.tandem.bot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.MovableClock;
import org.tandem.core.associations.Association;
import org.tandem.core.calendar.SessionReminders;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.DatedSession;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Missions;
import org.tandem.core.missions.Session;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.notifications.Topic;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * A company fresh from a Slack install: its CSR manager publishes a Monday session in Esch; three
 * volunteers in Luxembourg (French), New York (English) and Kolkata (German) commit. Each gets
 * their reminder on the Friday before, in their language and zone, with the session's calendar file
 * uploaded into their conversation, read back here with ical4j; once only, and not to a volunteer
 * who turned reminders off. A session removed the night before reaches a volunteer at once, in her
 * quiet hours, with its cancelling calendar file.
 */
@BotTest
class SessionRemindersInSlackTest {

  static final FakeSlackApi slack = new FakeSlackApi();
  static final ZoneId LUX = Fixtures.LUXEMBOURG;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    slack.configure(registry, "calendar-secret", "xoxb-calendar");
    // The test runs the jobs itself.
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.reminders.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Missions missions;
  @Autowired Commitments commitments;
  @Autowired SessionReminders reminders;
  @Autowired NotificationSettings settings;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

  private Employee volunteer(TenantId tenant, String name, Locale language, ZoneId zone) {
    return people.enrol(
        tenant,
        IdentityKind.SLACK,
        "U0" + name.toUpperCase(Locale.ROOT) + suffix,
        new NewPerson(name, null, language, zone));
  }

  private List<FakeSlackApi.Call> postsTo(Employee e) {
    String user = "U0" + e.displayName().toUpperCase(Locale.ROOT) + suffix;
    return slack.calls("chat.postMessage").stream()
        .filter(c -> user.equals(c.param("channel")))
        .toList();
  }

  @Test
  void eachVolunteerIsRemindedOnFridayFromEightTheirTimeWithTheSessionsCalendarFile() {
    // Thursday 6 March 2025: the week the United States move their clocks (Sunday 9 March).
    clock.set(Instant.parse("2025-03-06T10:00:00Z"));
    Fixtures.Installed co = fixtures.slackInstall(Locale.FRENCH);
    TenantId tenant = co.tenant();
    Association a = fixtures.association(tenant, "Épicerie solidaire " + suffix, Cause.HEALTH);
    Instant monday = LocalDateTime.of(2025, 3, 10, 14, 0).atZone(LUX).toInstant();
    Mission m =
        missions
            .create(
                tenant,
                co.admin().id(),
                Fixtures.draft(
                    a.id(),
                    "Tri des dons; <équipe> *A*",
                    List.of(),
                    MissionMode.ONSITE,
                    fixtures.place("Esch-sur-Alzette"),
                    10,
                    new Session(monday, monday.plusSeconds(3 * 3600))),
                true)
            .value();
    DatedSession session = missions.datedSessions(tenant, m.id()).get(0);

    Employee lea = volunteer(tenant, "Lea", Locale.FRENCH, LUX);
    Employee sam = volunteer(tenant, "Sam", Locale.ENGLISH, ZoneId.of("America/New_York"));
    Employee jonas = volunteer(tenant, "Jonas", Locale.GERMAN, ZoneId.of("Asia/Kolkata"));
    Employee quiet = volunteer(tenant, "Quiet", Locale.ENGLISH, LUX);
    for (Employee e : List.of(lea, sam, jonas, quiet)) {
      assertThat(commitments.commit(tenant, e.id(), m.id(), false).isDone()).isTrue();
    }
    settings.receive(tenant, quiet.id(), Topic.REMINDERS, false);

    // Friday 07:59 in Luxembourg: only Jonas (08:00 in Kolkata was 02:30 UTC) is due.
    clock.set(LocalDateTime.of(2025, 3, 7, 7, 59).atZone(LUX).toInstant());
    reminders.enqueueDue(clock.instant());
    dispatcher.dispatch();
    assertThat(postsTo(jonas)).hasSize(1);
    assertThat(postsTo(lea)).isEmpty();
    assertThat(postsTo(jonas).get(0).param("text"))
        // The title as typed, escaped for Slack: no markup of its own.
        .contains("Ihr nächster Termin: Tri des dons; &lt;équipe&gt;")
        .doesNotContain("<équipe>")
        .contains("Wir sehen uns am Montag, 10. März 2025 um 18:30.")
        .contains("Esch-sur-Alzette (LU)");

    // Friday 13:00 UTC: 08:00 in New York; Léa's is due since 08:00 in Luxembourg.
    clock.set(Instant.parse("2025-03-07T13:00:00Z"));
    reminders.enqueueDue(clock.instant());
    dispatcher.dispatch();
    assertThat(postsTo(lea)).hasSize(1);
    assertThat(postsTo(sam)).hasSize(1);
    assertThat(postsTo(lea).get(0).param("text"))
        .contains("Votre prochaine séance\u00a0: Tri des dons")
        .contains("Rendez-vous lundi 10 mars 2025 à 14:00.");
    assertThat(postsTo(sam).get(0).param("text"))
        .contains("Your next session: Tri des dons")
        // Monday 14:00 in Luxembourg is 09:00 in New York, on summer time from Sunday.
        .contains("See you on Monday, 10 March 2025 at 09:00.");
    assertThat(postsTo(sam).get(0).param("blocks"))
        .contains("mission.details")
        .contains("commitment.cancel");
    assertThat(postsTo(quiet)).as("reminders turned off").isEmpty();

    // The files: one per volunteer reminded, named by the session's day and time in their zone.
    assertThat(slack.calls("files.getUploadURLExternal"))
        .extracting(c -> c.param("filename"))
        .contains(
            "tandem-2025-03-10-1400.ics",
            "tandem-2025-03-10-0900.ics",
            "tandem-2025-03-10-1830.ics");
    List<Calendars> files =
        slack.uploads().values().stream()
            .filter(
                b ->
                    new String(b, java.nio.charset.StandardCharsets.UTF_8)
                        .contains(session.uid().toString()))
            .map(Calendars::read)
            .toList();
    assertThat(files).hasSize(3);
    for (Calendars ics : files) {
      assertThat(ics.method()).isEqualTo("REQUEST");
      assertThat(ics.uid()).isEqualTo(session.uid() + "@tandem");
      assertThat(ics.sequence()).isZero();
      assertThat(ics.tzid()).isEqualTo("Europe/Luxembourg");
      assertThat(ics.start().toLocalDateTime()).isEqualTo(LocalDateTime.of(2025, 3, 10, 14, 0));
      assertThat(ics.start().toInstant()).isEqualTo(monday);
      assertThat(ics.end().toInstant()).isEqualTo(monday.plusSeconds(3 * 3600));
      assertThat(ics.property("SUMMARY")).isEqualTo("Tri des dons; <équipe> *A*");
      assertThat(ics.property("LOCATION")).isEqualTo("Esch-sur-Alzette (LU)");
      assertThat(ics.property("STATUS")).isNull();
    }

    // Later runs (and a second instance) write and send nothing more.
    int messages = slack.calls("chat.postMessage").size();
    clock.set(Instant.parse("2025-03-07T16:00:00Z"));
    reminders.enqueueDue(clock.instant());
    dispatcher.dispatch();
    assertThat(slack.calls("chat.postMessage")).hasSize(messages);
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from notification
                    where tenant_id = ? and kind = 'SESSION_REMINDER'""")
                .params(tenant.value())
                .query(Integer.class)
                .single())
        .isEqualTo(4);
  }

  private static Session evening(int day) {
    Instant start = LocalDateTime.of(2025, 3, day, 18, 0).atZone(LUX).toInstant();
    return new Session(start, start.plusSeconds(2 * 3600));
  }

  @Test
  void aSessionRemovedTheNightBeforeReachesSlackAtOnceWithACancellingFile() {
    // Tuesday 11 March 2025: a repair café on Wednesday evening and the next.
    clock.set(LocalDateTime.of(2025, 3, 11, 10, 0).atZone(LUX).toInstant());
    Fixtures.Installed co = fixtures.slackInstall(Locale.FRENCH);
    TenantId tenant = co.tenant();
    Association a = fixtures.association(tenant, "Repair Café " + suffix, Cause.ENVIRONMENT);
    Mission m =
        missions
            .create(
                tenant,
                co.admin().id(),
                Fixtures.draft(
                    a.id(),
                    "Repair café",
                    List.of(),
                    MissionMode.ONSITE,
                    fixtures.place("Esch-sur-Alzette"),
                    5,
                    evening(12),
                    evening(19)),
                true)
            .value();
    List<DatedSession> planned = missions.datedSessions(tenant, m.id());
    Employee lea = volunteer(tenant, "Lea", Locale.FRENCH, LUX);
    assertThat(commitments.commit(tenant, lea.id(), m.id(), false).isDone()).isTrue();
    settings.quietHours(tenant, lea.id(), LocalTime.of(19, 0), LocalTime.of(8, 0), true);

    // 22:00, Léa's quiet hours: tomorrow's evening is dropped. She is told at once.
    clock.set(LocalDateTime.of(2025, 3, 11, 22, 0).atZone(LUX).toInstant());
    assertThat(
            missions
                .edit(
                    tenant,
                    co.admin().id(),
                    m.id(),
                    Fixtures.draft(
                        a.id(),
                        "Repair café",
                        List.of(),
                        MissionMode.ONSITE,
                        fixtures.place("Esch-sur-Alzette"),
                        5,
                        evening(19)))
                .isDone())
        .isTrue();
    dispatcher.dispatch();
    assertThat(postsTo(lea)).hasSize(1);
    assertThat(postsTo(lea).get(0).param("text"))
        .contains("Une séance de Repair café est annulée")
        .contains("La séance du mercredi 12 mars 2025 à 18:00 n")
        .contains("aura pas lieu.")
        .contains("La retirer de votre agenda");
    List<Calendars> cancelling =
        slack.uploads().values().stream()
            .filter(
                b ->
                    new String(b, StandardCharsets.UTF_8).contains(planned.get(0).uid().toString()))
            .map(Calendars::read)
            .toList();
    assertThat(cancelling).hasSize(1);
    Calendars ics = cancelling.get(0);
    assertThat(ics.method()).isEqualTo("CANCEL");
    assertThat(ics.property("STATUS")).isEqualTo("CANCELLED");
    assertThat(ics.uid()).isEqualTo(planned.get(0).uid() + "@tandem");
    assertThat(ics.sequence()).isEqualTo(1);
    assertThat(ics.tzid()).isEqualTo("Europe/Luxembourg");
    assertThat(ics.start().toLocalDateTime()).isEqualTo(LocalDateTime.of(2025, 3, 12, 18, 0));
    // The next evening is unchanged: same identity, nothing said about it.
    assertThat(missions.datedSessions(tenant, m.id())).containsExactly(planned.get(1));
  }
}
