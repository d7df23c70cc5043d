package org.tandem.bot.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.reporting.ReportFiles;
import org.tandem.core.associations.Association;
import org.tandem.core.associations.Associations;
import org.tandem.core.calendar.SessionPayload;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.DatedSession;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.MissionStatus;
import org.tandem.core.missions.Missions;
import org.tandem.core.notifications.Notification;
import org.tandem.core.people.Employee;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * A session's reminder, a session moved or removed, a mission cancelled: the message with the
 * session's time and place (or link) in the reader's language and zone, buttons to see the mission
 * or cancel the commitment, and the calendar file (Slack uploads it, Teams links to it). Built when
 * sent: a message whose session moved again since, or whose person is no longer committed, is not
 * sent (a later message tells the newer state).
 */
@Component
class SessionNotices implements Notice {

  private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");

  private final Missions missions;
  private final Commitments commitments;
  private final Associations associations;
  private final Tenants tenants;
  private final ReportFiles files;
  private final Clock clock;

  SessionNotices(
      Missions missions,
      Commitments commitments,
      Associations associations,
      Tenants tenants,
      ReportFiles files,
      Clock clock) {
    this.missions = missions;
    this.commitments = commitments;
    this.associations = associations;
    this.tenants = tenants;
    this.files = files;
    this.clock = clock;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(
        Notification.SESSION_REMINDER,
        Notification.SESSION_CHANGED,
        Notification.SESSION_CANCELLED,
        Notification.MISSION_CANCELLED);
  }

  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    if (Notification.MISSION_CANCELLED.equals(n.kind())) {
      return missionCancelled(n, to, texts);
    }
    Optional<SessionPayload> p = SessionPayload.parse(n.payload());
    if (p.isEmpty()) {
      return Optional.empty();
    }
    Optional<Mission> mission = missions.find(n.tenant(), p.get().missionId());
    Optional<Commitment> c =
        mission.flatMap(m -> commitments.live(n.tenant(), m.id(), to.id())).filter(x -> holds(x));
    if (c.isEmpty()) {
      return Optional.empty();
    }
    Mission m = mission.get();
    DatedSession s = p.get().session();
    Instant now = clock.instant();
    if (Notification.SESSION_CANCELLED.equals(n.kind())) {
      return Optional.of(
          card(
                  m,
                  texts.t("calendar.cancelled.title", m.title()),
                  texts.t("calendar.cancelled.text", texts.dateTime(s.startsAt(), to.timeZone())),
                  null,
                  List.of(details(m, texts)),
                  texts,
                  to)
              .then(file(n.tenant(), to, m, s, true, "calendar.file.cancel", texts, now)));
    }
    // A reminder or a move: only while the session is as the message says.
    boolean current =
        missions.datedSessions(n.tenant(), m.id()).stream()
            .anyMatch(x -> x.uid().equals(s.uid()) && x.sequence() == s.sequence());
    if (!current || m.status() == MissionStatus.CANCELLED) {
      return Optional.empty();
    }
    List<Button> buttons = List.of(details(m, texts), cancel(c.get(), texts));
    if (Notification.SESSION_REMINDER.equals(n.kind())) {
      if (c.get().status() != CommitmentStatus.CONFIRMED || !s.startsAt().isAfter(now)) {
        return Optional.empty();
      }
      return Optional.of(
          card(
                  m,
                  texts.t("calendar.reminder.title", m.title()),
                  texts.t("calendar.reminder.text", texts.dateTime(s.startsAt(), to.timeZone())),
                  s,
                  buttons,
                  texts,
                  to)
              .then(file(n.tenant(), to, m, s, false, "calendar.file.add", texts, now)));
    }
    String before =
        p.get().beforeStart() == null ? "" : texts.dateTime(p.get().beforeStart(), to.timeZone());
    return Optional.of(
        card(
                m,
                texts.t("calendar.changed.title", m.title()),
                texts.t(
                    "calendar.changed.text", before, texts.dateTime(s.startsAt(), to.timeZone())),
                s,
                buttons,
                texts,
                to)
            .then(file(n.tenant(), to, m, s, false, "calendar.file.update", texts, now)));
  }

  private Optional<Reply> missionCancelled(Notification n, Employee to, Texts texts) {
    OptionalLong id = Ids.parse(n.payload());
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<Mission> mission = missions.find(n.tenant(), id.getAsLong());
    if (mission.isEmpty()
        || commitments.live(n.tenant(), id.getAsLong(), to.id()).filter(x -> holds(x)).isEmpty()) {
      return Optional.empty();
    }
    Mission m = mission.get();
    Instant now = clock.instant();
    List<DatedSession> toCome =
        missions.datedSessions(n.tenant(), m.id()).stream()
            .filter(s -> s.endsAt().isAfter(now))
            .toList();
    Reply reply =
        card(
            m,
            texts.t("calendar.mission.cancelled.title", m.title()),
            texts.t("calendar.mission.cancelled.text", toCome.size()),
            null,
            List.of(Button.primary(texts.t("button.find"), "missions.find", Map.of())),
            texts,
            to);
    for (DatedSession s : toCome) {
      reply = reply.then(file(n.tenant(), to, m, s, true, "calendar.file.cancel", texts, now));
    }
    return Optional.of(reply);
  }

  /** A seat not used yet: confirmed or waiting for approval. */
  private static boolean holds(Commitment c) {
    return c.status() == CommitmentStatus.CONFIRMED
        || c.status() == CommitmentStatus.PENDING_APPROVAL;
  }

  private Reply card(
      Mission m,
      String title,
      String text,
      DatedSession session,
      List<Button> buttons,
      Texts texts,
      Employee to) {
    List<Fact> facts = new ArrayList<>();
    if (session != null) {
      facts.add(
          new Fact(texts.t("mission.when"), texts.dateTime(session.startsAt(), to.timeZone())));
      facts.add(new Fact(texts.t("mission.where"), where(m, texts)));
      if (m.link() != null) {
        facts.add(new Fact(texts.t("calendar.link"), m.link()));
      }
    }
    String association =
        associations.find(m.tenantId(), m.associationId()).map(Association::name).orElse(null);
    return Reply.of(
        new Reply.Card(
            title,
            association,
            facts.stream().map(f -> f.withColon(texts.colon())).toList(),
            text,
            buttons,
            null));
  }

  /** Where the session is: the mission's place, or for a remote one its link. */
  private static String where(Mission m, Texts texts) {
    if (m.mode() == MissionMode.REMOTE || m.place() == null) {
      return m.link() != null ? m.link() : texts.t("mode.remote");
    }
    return m.place().label();
  }

  private static Button details(Mission m, Texts texts) {
    return Button.of(
        texts.t("button.details"), "mission.details", Map.of("missionId", Long.toString(m.id())));
  }

  private static Button cancel(Commitment c, Texts texts) {
    return new Button(
        texts.t("button.cancel"),
        "commitment.cancel",
        Map.of("commitmentId", Long.toString(c.id())),
        Button.Style.DANGER);
  }

  /**
   * The session's calendar file, kept (behind its unguessable link, for Teams) until a day after
   * the session, and erased with the person.
   */
  private Reply.File file(
      TenantId tenant,
      Employee to,
      Mission m,
      DatedSession s,
      boolean cancel,
      String titleKey,
      Texts texts,
      Instant now) {
    ZoneId zone = ZoneId.of(tenants.find(tenant).orElseThrow().timeZone());
    String association =
        associations.find(tenant, m.associationId()).map(Association::name).orElse("");
    StringBuilder description = new StringBuilder(texts.t("calendar.ics.with", association));
    if (!m.description().isBlank()) {
      description.append("\n\n").append(m.description());
    }
    if (m.link() != null) {
      description.append("\n\n").append(m.link());
    }
    byte[] ics =
        SessionFile.write(
            new SessionFile.Event(
                s.uid() + "@tandem",
                s.sequence(),
                s.startsAt(),
                s.endsAt(),
                zone,
                m.title(),
                m.mode() == MissionMode.REMOTE || m.place() == null
                    ? where(m, texts)
                    : m.place().label(),
                org.tandem.bot.conversation.Markup.plain(description.toString()),
                m.link(),
                now,
                cancel));
    Duration kept = Duration.between(now, s.endsAt()).plusDays(1);
    var stored =
        files.storeFor(
            tenant,
            to.id(),
            "tandem-" + FILE_DATE.format(s.startsAt().atZone(to.timeZone())) + ".ics",
            SessionFile.CONTENT_TYPE,
            ics,
            kept.compareTo(Duration.ofDays(1)) < 0 ? Duration.ofDays(1) : kept);
    return new Reply.File(
        stored.name(), stored.contentType(), stored.content(), stored.path(), texts.t(titleKey));
  }
}
