package org.tandem.core.missions;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.associations.Associations;
import org.tandem.core.availability.Availability;
import org.tandem.core.availability.DayPart;
import org.tandem.core.calendar.SessionChanges;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.WaitingList;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.AdminAudit;
import org.tandem.core.people.Authority;
import org.tandem.core.skills.SkillTaxonomy;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/** Creating, editing, publishing, closing and cancelling missions, always within one tenant. */
@Service
public class Missions {

  static final int MAX_TITLE = 150;
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_CAPACITY = 1000;

  /** A weekly series for a year at most: a longer one is a new mission next year. */
  static final int MAX_SESSIONS = 52;

  /** Missions are planned at most this many years ahead: a later date is a typing mistake. */
  static final int MAX_YEARS_AHEAD = 3;

  private final MissionRepository repository;
  private final Associations associations;
  private final SkillTaxonomy skills;
  private final Tenants tenants;
  private final JdbcClient jdbc;
  private final EntityManager em;
  private final Authority authority;
  private final AdminAudit audit;
  private final SessionChanges changes;
  private final Clock clock;
  private final WaitingList waitingList;

  Missions(
      MissionRepository repository,
      Associations associations,
      SkillTaxonomy skills,
      Tenants tenants,
      JdbcClient jdbc,
      EntityManager em,
      Authority authority,
      AdminAudit audit,
      WaitingList waitingList,
      SessionChanges changes,
      Optional<Clock> clock) {
    this.repository = repository;
    this.associations = associations;
    this.skills = skills;
    this.tenants = tenants;
    this.jdbc = jdbc;
    this.em = em;
    this.authority = authority;
    this.audit = audit;
    this.waitingList = waitingList;
    this.changes = changes;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  @Transactional(readOnly = true)
  public Optional<Mission> find(TenantId tenant, long id) {
    return repository.findByIdAndTenantId(id, tenant.value());
  }

  @Transactional(readOnly = true)
  public List<Session> sessions(TenantId tenant, long missionId) {
    return jdbc.sql(
            """
            select starts_at, ends_at from mission_session
            where tenant_id = ? and mission_id = ? order by starts_at""")
        .params(tenant.value(), missionId)
        .query(
            (rs, n) -> new Session(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
        .list();
  }

  /** The sessions with their calendar identity (uid and sequence), in date order. */
  @Transactional(readOnly = true)
  public List<DatedSession> datedSessions(TenantId tenant, long missionId) {
    return jdbc.sql(
            """
            select uid, sequence, starts_at, ends_at from mission_session
            where tenant_id = ? and mission_id = ? order by starts_at""")
        .params(tenant.value(), missionId)
        .query(
            (rs, n) ->
                new DatedSession(
                    rs.getObject(1, java.util.UUID.class),
                    rs.getInt(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  /**
   * A CSR manager creates a mission, which they organise: open to commitments at once when {@code
   * publish}, else a draft. Refused for anyone else, and for a draft with a wrong field (named by
   * the refusal), such as a session that has passed or lies more than three years ahead.
   */
  @Transactional
  public Outcome<Mission> create(
      TenantId tenant, long organiserId, MissionDraft draft, boolean publish) {
    Optional<Refusal> no =
        authority
            .refusal(tenant, organiserId, Authority.Action.CREATE_MISSION)
            .or(() -> problem(tenant, draft, Set.of()))
            .or(() -> archived(tenant, draft));
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    return save(tenant, organiserId, draft, publish);
  }

  /**
   * An admin imports a mission (a company's history, a partner's catalogue): it has no organiser in
   * Tandem and its sessions may have passed; every other rule of a draft holds. Recorded in the
   * admin trail.
   */
  @Transactional
  public Outcome<Mission> imported(TenantId tenant, long importerId, MissionDraft draft) {
    Optional<Refusal> no =
        authority
            .refusal(tenant, importerId, Authority.Action.IMPORT)
            .or(() -> problem(tenant, draft, null));
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    Outcome<Mission> saved = save(tenant, null, draft, true);
    audit.record(
        tenant, importerId, AdminAudit.Kind.IMPORTED, java.util.Map.of("mission", draft.title()));
    return saved;
  }

  private Outcome<Mission> save(
      TenantId tenant, Long createdBy, MissionDraft draft, boolean publish) {
    Mission mission = new Mission(tenant, createdBy);
    apply(tenant, mission, draft);
    repository.saveAndFlush(mission);
    writeSessions(tenant, mission.id(), draft.sessions());
    if (!publish) {
      setStatus(tenant, mission.id(), MissionStatus.DRAFT);
    } else {
      published(tenant, mission.id());
    }
    em.refresh(mission);
    return Outcome.done(mission);
  }

  /**
   * Its organiser or a CSR manager edits a mission. Capacity cannot go below the seats already
   * taken; sessions it already had may stay in the past, new ones may not. Sessions keep their
   * calendar identity ({@link SessionEdit}); the people committed are told at once of a session
   * moved or removed ({@link SessionChanges}), in this transaction.
   */
  @Transactional
  public Outcome<Mission> edit(TenantId tenant, long editorId, long id, MissionDraft draft) {
    Optional<Mission> found = lock(tenant, id);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    Mission mission = found.get();
    Set<java.time.Instant> held = new java.util.HashSet<>();
    sessions(tenant, id).forEach(s -> held.add(s.startsAt()));
    Optional<Refusal> no =
        authority
            .refusal(
                tenant,
                editorId,
                Authority.Action.EDIT_MISSION,
                Authority.Subject.organisedBy(mission.createdBy()))
            .or(() -> problem(tenant, draft, held));
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (draft.capacity() < mission.seatsTaken()) {
      return Outcome.refusedOn("capacity", ReasonCode.INVALID_INPUT, "capacity");
    }
    apply(tenant, mission, draft);
    repository.saveAndFlush(mission);
    SessionEdit sessionsEdited = writeSessions(tenant, id, draft.sessions());
    changes.edited(tenant, id, sessionsEdited, clock.instant());
    // Seats a larger capacity adds go to the people waiting (offered in turn) before anyone new.
    waitingList.serve(tenant, id);
    // A larger capacity reopens a full mission; a capacity reached closes an open one to new seats.
    jdbc.sql(
            """
            update mission set status = case
                when status = 'FULL' and seats_taken < capacity then 'OPEN'
                when status = 'OPEN' and seats_taken >= capacity then 'FULL'
                else status end
            where tenant_id = ? and id = ?""")
        .params(tenant.value(), id)
        .update();
    em.refresh(mission);
    return Outcome.done(mission);
  }

  /** Its organiser or a CSR manager opens a draft to commitments. */
  @Transactional
  public Outcome<Mission> publish(TenantId tenant, long actorId, long id) {
    Outcome<Mission> done =
        transition(tenant, actorId, id, EnumSet.of(MissionStatus.DRAFT), MissionStatus.OPEN);
    if (done.isDone()) {
      published(tenant, id);
    }
    return done;
  }

  /** Stamps when a mission opened, by the application's clock: the weekly digest's "new". */
  private void published(TenantId tenant, long id) {
    jdbc.sql("update mission set published_at = ? where tenant_id = ? and id = ?")
        .params(java.sql.Timestamp.from(clock.instant()), tenant.value(), id)
        .update();
  }

  /** Its organiser or a CSR manager closes a mission to new commitments. */
  @Transactional
  public Outcome<Mission> close(TenantId tenant, long actorId, long id) {
    return transition(
        tenant,
        actorId,
        id,
        EnumSet.of(MissionStatus.OPEN, MissionStatus.FULL),
        MissionStatus.CLOSED);
  }

  /**
   * Its organiser or a CSR manager cancels a mission; the people committed are told at once, with
   * cancelling calendar files ({@link SessionChanges}), in this transaction.
   */
  @Transactional
  public Outcome<Mission> cancel(TenantId tenant, long actorId, long id) {
    Outcome<Mission> done =
        transition(
            tenant,
            actorId,
            id,
            EnumSet.of(MissionStatus.DRAFT, MissionStatus.OPEN, MissionStatus.FULL),
            MissionStatus.CANCELLED);
    if (done.isDone()) {
      changes.cancelled(tenant, id, clock.instant());
    }
    return done;
  }

  private Outcome<Mission> transition(
      TenantId tenant, long actorId, long id, Set<MissionStatus> from, MissionStatus to) {
    Optional<Mission> found = lock(tenant, id);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    Mission m = found.get();
    Optional<Refusal> no =
        authority.refusal(
            tenant,
            actorId,
            Authority.Action.EDIT_MISSION,
            Authority.Subject.organisedBy(m.createdBy()));
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (m.status() == MissionStatus.CANCELLED) {
      return Outcome.refused(ReasonCode.MISSION_CANCELLED);
    }
    if (!from.contains(m.status())) {
      return Outcome.refused(ReasonCode.MISSION_NOT_OPEN);
    }
    MissionStatus target =
        to == MissionStatus.OPEN && m.seatsTaken() >= m.capacity() ? MissionStatus.FULL : to;
    setStatus(tenant, id, target);
    em.refresh(m);
    return Outcome.done(m);
  }

  private Optional<Mission> lock(TenantId tenant, long id) {
    return jdbc.sql("select id from mission where tenant_id = ? and id = ? for update")
        .params(tenant.value(), id)
        .query(Long.class)
        .optional()
        .flatMap(x -> repository.findByIdAndTenantId(x, tenant.value()));
  }

  private void setStatus(TenantId tenant, long id, MissionStatus status) {
    jdbc.sql("update mission set status = ? where tenant_id = ? and id = ?")
        .params(status.name(), tenant.value(), id)
        .update();
  }

  private void apply(TenantId tenant, Mission mission, MissionDraft d) {
    ZoneId zone = ZoneId.of(tenants.find(tenant).orElseThrow().timeZone());
    Set<String> sdgs =
        new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    for (Cause c : d.causes()) {
      c.sdgs().forEach(g -> sdgs.add(Integer.toString(g)));
    }
    Availability slots = d.flexibleSlots();
    LocalDate first = null;
    LocalDate last = null;
    if (d.schedule() != Schedule.FLEXIBLE) {
      int bits = 0;
      for (Session s : d.sessions()) {
        var local = s.startsAt().atZone(zone);
        bits |= Availability.bit(local.getDayOfWeek(), DayPart.of(local.toLocalTime()));
        LocalDate day = local.toLocalDate();
        first = first == null || day.isBefore(first) ? day : first;
        last = last == null || day.isAfter(last) ? day : last;
      }
      slots = new Availability(bits);
    }
    mission.apply(d, List.copyOf(sdgs), slots, first, last);
  }

  /**
   * Rewrites the mission's sessions, each keeping its calendar identity as {@link SessionEdit}
   * pairs them (a new mission's are all new).
   */
  private SessionEdit writeSessions(TenantId tenant, long missionId, List<Session> sessions) {
    SessionEdit edit = SessionEdit.of(datedSessions(tenant, missionId), sessions);
    jdbc.sql("delete from mission_session where tenant_id = ? and mission_id = ?")
        .params(tenant.value(), missionId)
        .update();
    for (DatedSession s : edit.after()) {
      jdbc.sql(
              """
              insert into mission_session (tenant_id, mission_id, starts_at, ends_at, uid, sequence)
              values (?, ?, ?, ?, ?, ?)""")
          .params(
              tenant.value(),
              missionId,
              java.sql.Timestamp.from(s.startsAt()),
              java.sql.Timestamp.from(s.endsAt()),
              s.uid(),
              s.sequence())
          .update();
    }
    return edit;
  }

  /**
   * The first field that is wrong, if any. Sessions must lie between today and three years ahead in
   * the tenant's time zone, except those in {@code kept} (an edit keeps sessions that have passed);
   * null {@code kept}: an import, whose sessions may all have passed.
   */
  private Optional<Refusal> problem(TenantId tenant, MissionDraft d, Set<java.time.Instant> kept) {
    Optional<String> field = field(tenant, d);
    if (field.isPresent()) {
      return Optional.of(Refusal.on(field.get(), ReasonCode.INVALID_INPUT, field.get()));
    }
    ZoneId zone = ZoneId.of(tenants.find(tenant).orElseThrow().timeZone());
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate latest = today.plusYears(MAX_YEARS_AHEAD);
    for (Session s : d.sessions()) {
      LocalDate day = s.startsAt().atZone(zone).toLocalDate();
      if (day.isAfter(latest) || s.endsAt().atZone(zone).toLocalDate().isAfter(latest)) {
        return Optional.of(Refusal.on("firstDate", ReasonCode.MISSION_DATE_TOO_FAR, day, latest));
      }
      if (kept != null && day.isBefore(today) && !kept.contains(s.startsAt())) {
        return Optional.of(Refusal.on("firstDate", ReasonCode.MISSION_DATE_PASSED, day));
      }
    }
    return Optional.empty();
  }

  /** A new mission is for an association still active (an edit keeps an archived one's). */
  private Optional<Refusal> archived(TenantId tenant, MissionDraft d) {
    return associations
        .find(tenant, d.associationId())
        .filter(org.tandem.core.associations.Association::archived)
        .map(a -> Refusal.on("association", ReasonCode.ASSOCIATION_ARCHIVED));
  }

  private Optional<String> field(TenantId tenant, MissionDraft d) {
    if (d.title() == null || d.title().isBlank() || d.title().length() > MAX_TITLE) {
      return Optional.of("title");
    }
    if (d.description() != null && d.description().length() > MAX_DESCRIPTION) {
      return Optional.of("description");
    }
    if (associations.find(tenant, d.associationId()).isEmpty()) {
      return Optional.of("association");
    }
    if (d.mode() == null) {
      return Optional.of("mode");
    }
    if (d.mode() != MissionMode.REMOTE && d.place() == null) {
      return Optional.of("place");
    }
    if (d.link() != null && d.mode() != MissionMode.ONSITE && !MissionLink.valid(d.link())) {
      return Optional.of("link");
    }
    if (!d.skills().stream().allMatch(skills::isKnown)) {
      return Optional.of("skills");
    }
    if (d.capacity() < 1 || d.capacity() > MAX_CAPACITY) {
      return Optional.of("capacity");
    }
    BigDecimal h = d.hoursPerSession();
    if (h == null
        || h.signum() <= 0
        || h.compareTo(BigDecimal.valueOf(24)) > 0
        || h.multiply(BigDecimal.valueOf(4)).stripTrailingZeros().scale() > 0) {
      return Optional.of("hoursPerSession");
    }
    if (d.schedule() == null
        || d.sessions().size() > MAX_SESSIONS
        || (d.schedule() == Schedule.ONE_DATE && d.sessions().size() != 1)
        || (d.schedule() == Schedule.SERIES && d.sessions().size() < 2)
        || (d.schedule() == Schedule.FLEXIBLE && !d.sessions().isEmpty())) {
      return Optional.of("sessions");
    }
    return Optional.empty();
  }
}
