package org.tandem.core.associations;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.AdminAudit;
import org.tandem.core.people.Authority;
import org.tandem.core.tenants.TenantId;

/**
 * Registering, editing, archiving and finding associations, always within one tenant.
 *
 * <p>A duplicate is refused with the association already there: the same legal identifier (a SIRET
 * by its SIREN), or the same name once folded (case, accents, punctuation and the legal forms
 * {@code association, asbl, aisbl, vzw, e.V., Verein, gGmbH, gemeinnützige(r)} set aside). Both
 * keys are computed by the database ({@code V14}) and unique per tenant; writes of one tenant's
 * associations take a transaction lock first, so two registrations of the same association at the
 * same moment end with one registered and the other offered it.
 */
@Service
public class Associations {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  static final int MAX_NAME = 200;
  static final int MAX_TEXT = 200;
  static final int MAX_DESCRIPTION = 3000;
  static final int MAX_WEBSITE = 300;

  /** One page of a search, whether more follow, and how many match in all. */
  public record Page(List<Association> items, int offset, boolean more, int total) {}

  private final AssociationRepository repository;
  private final Authority authority;
  private final AdminAudit audit;
  private final JdbcClient jdbc;
  private Clock clock = Clock.systemUTC();

  Associations(
      AssociationRepository repository, Authority authority, AdminAudit audit, JdbcClient jdbc) {
    this.repository = repository;
    this.authority = authority;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  @Autowired(required = false)
  void clock(Clock clock) {
    this.clock = clock;
  }

  /** A CSR manager or an admin registers an association. */
  @Transactional
  public Outcome<Association> register(TenantId tenant, long actorId, AssociationDraft draft) {
    Optional<Refusal> no = authority.refusal(tenant, actorId, Authority.Action.MANAGE_ASSOCIATIONS);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    return save(tenant, null, draft);
  }

  /** An admin imports an association (a company's history, a partner's list); recorded. */
  @Transactional
  public Outcome<Association> imported(TenantId tenant, long importerId, AssociationDraft draft) {
    Optional<Refusal> no = authority.refusal(tenant, importerId, Authority.Action.IMPORT);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    Outcome<Association> saved = save(tenant, null, draft);
    if (saved.isDone()) {
      audit.record(
          tenant, importerId, AdminAudit.Kind.IMPORTED, Map.of("association", draft.name()));
    }
    return saved;
  }

  /** A CSR manager or an admin edits an association. */
  @Transactional
  public Outcome<Association> edit(TenantId tenant, long actorId, long id, AssociationDraft draft) {
    Optional<Refusal> no = authority.refusal(tenant, actorId, Authority.Action.MANAGE_ASSOCIATIONS);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (repository.findByIdAndTenantId(id, tenant.value()).isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    return save(tenant, id, draft);
  }

  /**
   * Archives an association (or brings it back): hidden from the mission form and searches, its
   * missions and their history kept.
   */
  @Transactional
  public Outcome<Association> archive(TenantId tenant, long actorId, long id, boolean archived) {
    Optional<Refusal> no = authority.refusal(tenant, actorId, Authority.Action.MANAGE_ASSOCIATIONS);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    return repository
        .findByIdAndTenantId(id, tenant.value())
        .map(
            a -> {
              if (archived && !a.archived()) {
                a.archive(clock.instant());
              } else if (!archived) {
                a.unarchive();
              }
              return Outcome.done(a);
            })
        .orElseGet(() -> Outcome.refused(ReasonCode.NOT_FOUND));
  }

  private Outcome<Association> save(TenantId tenant, Long id, AssociationDraft raw) {
    Outcome<AssociationDraft> valid = validate(raw);
    if (!valid.isDone()) {
      return Outcome.refused(valid.refusal());
    }
    AssociationDraft draft = valid.value();
    // One writer of this tenant's associations at a time: the duplicate check below then sees
    // every association registered before, and the unique indexes never have to say no.
    jdbc.sql("select pg_advisory_xact_lock(14, cast(? as int))")
        .param(tenant.value())
        .query((rs, n) -> 1)
        .list();
    Optional<Refusal> duplicate = duplicate(tenant, id, draft);
    if (duplicate.isPresent()) {
      return Outcome.refused(duplicate.get());
    }
    if (id == null) {
      return Outcome.done(repository.saveAndFlush(new Association(tenant, draft)));
    }
    Association a = repository.findByIdAndTenantId(id, tenant.value()).orElseThrow();
    a.apply(draft);
    repository.flush();
    return Outcome.done(a);
  }

  /** The association this one would duplicate, as a refusal naming it (its name, then its id). */
  private Optional<Refusal> duplicate(TenantId tenant, Long id, AssociationDraft d) {
    LegalId legal = d.legalId();
    Optional<Association> sameId =
        legal == null
            ? Optional.empty()
            : jdbc.sql(
                    "select id from association where tenant_id = ? and id <> ?"
                        + " and legal_key = association_legal_key(?, ?)")
                .params(tenant.value(), id == null ? -1 : id, legal.kind().name(), legal.value())
                .query(Long.class)
                .optional()
                .flatMap(other -> repository.findByIdAndTenantId(other, tenant.value()));
    if (sameId.isPresent()) {
      return Optional.of(
          Refusal.on(
              "registrationId",
              ReasonCode.ASSOCIATION_SAME_LEGAL_ID,
              sameId.get().name(),
              sameId.get().id()));
    }
    return jdbc.sql(
            "select id from association where tenant_id = ? and id <> ?"
                + " and folded_name = association_fold(?)")
        .params(tenant.value(), id == null ? -1 : id, d.name())
        .query(Long.class)
        .optional()
        .flatMap(other -> repository.findByIdAndTenantId(other, tenant.value()))
        .map(a -> Refusal.on("name", ReasonCode.ASSOCIATION_SAME_NAME, a.name(), a.id(), d.name()));
  }

  /** The association a refusal of {@link #register} or {@link #edit} says is already there. */
  public Optional<Association> existing(TenantId tenant, Refusal refusal) {
    if ((refusal.code() == ReasonCode.ASSOCIATION_SAME_LEGAL_ID
            || refusal.code() == ReasonCode.ASSOCIATION_SAME_NAME)
        && refusal.args().length > 1
        && refusal.args()[1] instanceof Long id) {
      return find(tenant, id);
    }
    return Optional.empty();
  }

  @Transactional(readOnly = true)
  public Optional<Association> find(TenantId tenant, long id) {
    return repository.findByIdAndTenantId(id, tenant.value());
  }

  /** Every association of the tenant, archived ones too (reports, history). */
  @Transactional(readOnly = true)
  public List<Association> all(TenantId tenant) {
    return repository.findByTenantIdOrderByName(tenant.value());
  }

  /**
   * Associations not archived whose folded name starts with, or contains, the folded query (those
   * that start with it first, then by name); all of them for an empty query. {@code limit} items
   * from {@code offset}.
   */
  @Transactional(readOnly = true)
  public Page search(TenantId tenant, String query, int offset, int limit) {
    return search(tenant, query, offset, limit, false);
  }

  /** The same search among the archived associations ({@code archived}) or the others. */
  @Transactional(readOnly = true)
  public Page search(TenantId tenant, String query, int offset, int limit, boolean archived) {
    int from = Math.max(0, offset);
    int size = Math.max(1, Math.min(limit, 100));
    record Row(long id, int total) {}
    List<Row> rows =
        jdbc.sql(
                """
                with q as (select association_fold(?) as f)
                select a.id, cast(count(*) over () as int) as total from association a, q
                where a.tenant_id = ? and (a.archived_at is not null) = ?
                  and (q.f = '' or a.folded_name like '%' || q.f || '%')
                order by (q.f <> '' and a.folded_name like q.f || '%') desc,
                         a.folded_name, a.id
                offset ? limit ?
                """)
            .params(query == null ? "" : query.strip(), tenant.value(), archived, from, size + 1)
            .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2)))
            .list();
    boolean more = rows.size() > size;
    List<Long> page = rows.stream().limit(size).map(Row::id).toList();
    Map<Long, Association> byId =
        repository.findAllById(page).stream()
            .filter(a -> a.tenantId().equals(tenant))
            .collect(java.util.stream.Collectors.toMap(Association::id, a -> a));
    return new Page(
        page.stream().map(byId::get).toList(),
        from,
        more,
        rows.isEmpty() ? 0 : rows.get(0).total());
  }

  /** Checks the values and returns them normalised (legal id read, website with its scheme). */
  private static Outcome<AssociationDraft> validate(AssociationDraft d) {
    if (d.name() == null
        || d.name().isBlank()
        || d.name().strip().length() > MAX_NAME
        || d.name().codePoints().noneMatch(Character::isLetterOrDigit)) {
      return Outcome.refusedOn("name", ReasonCode.INVALID_INPUT, "name");
    }
    if (d.description() != null && d.description().length() > MAX_DESCRIPTION) {
      return Outcome.refusedOn("description", ReasonCode.INVALID_INPUT, "description");
    }
    if (d.registrationId() != null && !d.registrationId().isBlank()) {
      LegalId.Reading r = LegalId.read(d.legalIdKind(), d.registrationId());
      if (r.problem() != null) {
        return switch (r.problem()) {
          case KIND_NEEDED -> Outcome.refusedOn("legalIdKind", ReasonCode.LEGAL_ID_KIND_NEEDED);
          case BAD_FORMAT ->
              Outcome.refusedOn(
                  "registrationId",
                  ReasonCode.LEGAL_ID_FORMAT,
                  d.legalIdKind() == null ? "" : d.legalIdKind().name());
          case BAD_CHECK_DIGIT ->
              Outcome.refusedOn("registrationId", ReasonCode.LEGAL_ID_CHECK_DIGIT);
        };
      }
    }
    String website = null;
    if (d.website() != null && !d.website().isBlank()) {
      Optional<String> w = website(d.website());
      if (w.isEmpty()) {
        return Outcome.refusedOn("website", ReasonCode.WEBSITE_INVALID);
      }
      website = w.get();
    }
    if (tooLong(d.coordinatorName()) || tooLong(d.address())) {
      return Outcome.refusedOn(
          tooLong(d.address()) ? "address" : "coordinatorName", ReasonCode.INVALID_INPUT, "name");
    }
    if (d.coordinatorEmail() != null
        && !d.coordinatorEmail().isBlank()
        && (!EMAIL.matcher(d.coordinatorEmail().strip()).matches()
            || d.coordinatorEmail().length() > MAX_TEXT)) {
      return Outcome.refusedOn(
          "coordinatorEmail", ReasonCode.INVALID_INPUT, d.coordinatorEmail().strip());
    }
    return Outcome.done(
        new AssociationDraft(
            d.name().strip(),
            d.description(),
            d.causes(),
            blankToNull(d.address()),
            d.place(),
            d.legalIdKind(),
            blankToNull(d.registrationId()),
            website,
            blankToNull(d.coordinatorName()),
            blankToNull(d.coordinatorEmail())));
  }

  /** An http or https address with a host; "caritas.lu" reads as "https://caritas.lu". */
  static Optional<String> website(String typed) {
    String s = typed.strip();
    if (s.length() > MAX_WEBSITE || s.chars().anyMatch(c -> c <= ' ')) {
      return Optional.empty();
    }
    if (!s.contains("://")) {
      s = "https://" + s;
    }
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      boolean ok =
          (scheme.equals("http") || scheme.equals("https"))
              && host != null
              && host.contains(".")
              && !host.startsWith(".")
              && !host.endsWith(".")
              && uri.getUserInfo() == null;
      return ok ? Optional.of(s) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean tooLong(String s) {
    return s != null && s.strip().length() > MAX_TEXT;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
