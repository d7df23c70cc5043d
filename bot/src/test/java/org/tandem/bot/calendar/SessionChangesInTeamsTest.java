package org.tandem.bot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.MovableClock;
import org.tandem.bot.support.TeamsActivities;
import org.tandem.core.associations.Association;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.DatedSession;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionDraft;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Missions;
import org.tandem.core.missions.Session;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A Teams company from its install: Iris (its installer, CSR manager) runs a remote tutoring
 * mission with two Wednesday evenings; Tom commits and keeps the default quiet hours. At 23:00 Iris
 * moves both sessions: Tom is told at once, in his quiet hours, of tomorrow's (within 24 hours)
 * with the updated calendar file (same UID, SEQUENCE 1, the new time, the link as location), while
 * next week's waits for the morning. Iris then cancels the mission, still at night: Tom is told at
 * once with a cancelling file per session. In the morning the held message is not sent: the mission
 * it would move is cancelled.
 */
@BotTest
class SessionChangesInTeamsTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000ca1e0";
  static final FakeBotConnector teams = new FakeBotConnector();
  static final ZoneId LUX = Fixtures.LUXEMBOURG;
  static final Pattern FILE =
      Pattern.compile(
          "https://tandem\\.example\\.com(/reports/files/[A-Za-z0-9_-]+/[\\w.-]+\\.ics)");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    teams.configure(registry, APP_ID);
    registry.add("TANDEM_PUBLIC_URL", () -> "https://tandem.example.com/");
    registry.add("tandem.outbox.every", () -> "PT1H");
    registry.add("tandem.reminders.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    teams.close();
  }

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Missions missions;
  @Autowired Commitments commitments;
  @Autowired NotificationSettings settings;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private static Instant lux(int day, int hour) {
    return LocalDateTime.of(2025, 3, day, hour, 0).atZone(LUX).toInstant();
  }

  private static Session evening(int day, int hour) {
    return new Session(lux(day, hour), lux(day, hour + 2));
  }

  private static MissionDraft tutoring(long association, String link, Session... sessions) {
    MissionDraft d =
        Fixtures.draft(
            association, "Soutien scolaire", List.of(), MissionMode.REMOTE, null, 5, sessions);
    return new MissionDraft(
        d.associationId(),
        d.title(),
        d.description(),
        d.skills(),
        d.causes(),
        d.languages(),
        d.mode(),
        d.place(),
        d.schedule(),
        d.sessions(),
        d.flexibleSlots(),
        d.hoursPerSession(),
        d.capacity(),
        d.teamSize(),
        link);
  }

  /** What Tandem sent to Tom's personal conversation so far. */
  private List<String> toTom() {
    return teams.sent.stream().filter(s -> s[0].contains("a:conv-tom")).map(s -> s[1]).toList();
  }

  private List<Calendars> files(String message) throws Exception {
    List<Calendars> found = new ArrayList<>();
    Matcher m = FILE.matcher(message);
    while (m.find()) {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + m.group(1))).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
      found.add(Calendars.read(r.body()));
    }
    return found;
  }

  @Test
  void aMoveAndACancellationAtNightReachTomAtOnceWithTheirCalendarFiles() throws Exception {
    clock.set(lux(11, 10)); // Tuesday 11 March 2025, 10:00
    String aad = "aad-calendar-" + UUID.randomUUID();
    TeamsActivities in = new TeamsActivities(port, APP_ID, teams, jdbc);
    assertThat(in.post(in.installationUpdate(aad, "iris", "aad-iris", "personal")).statusCode())
        .isEqualTo(200);
    assertThat(in.post(in.message(aad, "tom", "aad-tom", "help")).statusCode()).isEqualTo(200);
    TenantId company = tenants.find(Platform.TEAMS, aad).orElseThrow().id();
    Employee iris = people.identify(company, IdentityKind.TEAMS, "aad-iris").orElseThrow();
    Employee tom = people.identify(company, IdentityKind.TEAMS, "aad-tom").orElseThrow();
    settings.quietHours(company, tom.id(), LocalTime.of(19, 0), LocalTime.of(8, 0), true);

    Association a = fixtures.association(company, "Lire et écrire", Cause.EDUCATION);
    String link = "https://meet.example.com/soutien?room=7&lang=fr";
    Mission m =
        missions
            .create(
                company, iris.id(), tutoring(a.id(), link, evening(12, 18), evening(19, 18)), true)
            .value();
    List<DatedSession> planned = missions.datedSessions(company, m.id());
    assertThat(commitments.commit(company, tom.id(), m.id(), false).isDone()).isTrue();

    // 23:00, Tom's quiet hours: tomorrow's evening moves an hour later, next week's a day later.
    clock.set(lux(11, 23));
    int before = toTom().size();
    assertThat(
            missions
                .edit(
                    company,
                    iris.id(),
                    m.id(),
                    tutoring(a.id(), link, evening(12, 19), evening(20, 18)))
                .isDone())
        .isTrue();
    dispatcher.dispatch();
    assertThat(toTom()).hasSize(before + 1);
    String moved = toTom().get(before);
    assertThat(moved)
        .contains("A session of Soutien scolaire moved")
        .contains(
            "It was on Wednesday, 12 March 2025 at 18:00. It is now on Wednesday, 12 March 2025 at 19:00.")
        .contains("Update your calendar");
    List<Calendars> updated = files(moved);
    assertThat(updated).hasSize(1);
    Calendars ics = updated.get(0);
    assertThat(ics.method()).isEqualTo("REQUEST");
    assertThat(ics.uid()).isEqualTo(planned.get(0).uid() + "@tandem");
    assertThat(ics.sequence()).isEqualTo(1);
    assertThat(ics.tzid()).isEqualTo("Europe/Luxembourg");
    assertThat(ics.start().toLocalDateTime()).isEqualTo(LocalDateTime.of(2025, 3, 12, 19, 0));
    assertThat(ics.end().toInstant()).isEqualTo(lux(12, 21));
    assertThat(ics.property("LOCATION")).isEqualTo(link);
    assertThat(ics.property("URL")).isEqualTo(link);
    // Next week's move waits for the end of Tom's quiet hours, 08:00.
    assertThat(
            jdbc.sql(
                    """
                    select next_attempt_at from notification
                    where tenant_id = ? and employee_id = ? and kind = 'SESSION_CHANGED'
                      and sent_at is null""")
                .params(company.value(), tom.id())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single())
        .isEqualTo(lux(12, 8));

    // 23:30: the mission is cancelled; tomorrow's session is within 24 hours: told at once.
    clock.set(lux(11, 23).plusSeconds(1800));
    assertThat(missions.cancel(company, iris.id(), m.id()).isDone()).isTrue();
    dispatcher.dispatch();
    assertThat(toTom()).hasSize(before + 2);
    String cancelled = toTom().get(before + 1);
    assertThat(cancelled)
        .contains("Soutien scolaire is cancelled")
        .contains("Its 2 sessions to come will not take place.");
    List<Calendars> cancelling = files(cancelled);
    assertThat(cancelling).hasSize(2);
    assertThat(cancelling)
        .extracting(Calendars::uid)
        .containsExactlyInAnyOrder(
            planned.get(0).uid() + "@tandem", planned.get(1).uid() + "@tandem");
    for (Calendars c : cancelling) {
      assertThat(c.method()).isEqualTo("CANCEL");
      assertThat(c.property("STATUS")).isEqualTo("CANCELLED");
      assertThat(c.sequence()).isEqualTo(2);
    }

    // Wednesday 08:30: the move held for the morning is not sent, the mission being cancelled.
    clock.set(lux(12, 8).plusSeconds(1800));
    dispatcher.dispatch();
    assertThat(toTom()).hasSize(before + 2);
  }
}
