package org.tandem.core.people;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.tenants.TenantId;

/**
 * The company directory from a file, and one person's entry from the chat: admins only. A file is
 * previewed first (what it adds, updates and leaves out, line by line) and its rows kept for {@link
 * #PLAN_LIFE} under an id; the admin's Confirm plans them again against the directory as it is then
 * and applies every valid line in one transaction, so importing the same file twice changes nothing
 * the second time. The rules are {@link DirectoryRules} and {@link People}'s, the same for SCIM, a
 * file and the chat.
 */
@Service
public class Directory {

  /** How long a preview waits for its Confirm. */
  public static final Duration PLAN_LIFE = Duration.ofHours(24);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<DirectoryRow>> ROWS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final Authority authority;
  private final AdminAudit audit;
  private final People people;
  private final Clock clock;

  Directory(JdbcClient jdbc, Authority authority, AdminAudit audit, People people) {
    this.jdbc = jdbc;
    this.authority = authority;
    this.audit = audit;
    this.people = people;
    this.clock = Clock.systemUTC();
  }

  /**
   * Plans a file's rows and keeps them for the admin's Confirm; nothing in the directory changes.
   */
  @Transactional
  public Outcome<DirectoryPlan> preview(
      TenantId tenant, long adminId, String fileName, List<DirectoryRow> rows) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.IMPORT);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    DirectoryPlanner.Planned planned = DirectoryPlanner.plan(existing(tenant), rows);
    jdbc.sql("delete from directory_plan where expires_at < now()").update();
    UUID id = UUID.randomUUID();
    Instant expires = clock.instant().plus(PLAN_LIFE);
    jdbc.sql(
            """
            insert into directory_plan
              (id, tenant_id, admin_id, file_name, row_count, rows_gzip, expires_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            tenant.value(),
            adminId,
            name(fileName),
            rows.size(),
            gzip(rows),
            Timestamp.from(expires))
        .update();
    return Outcome.done(plan(id, name(fileName), planned, expires));
  }

  /**
   * Applies a preview: only by the admin who made it, in their company, before it expires, once.
   * Anyone else's Confirm (a crafted one included) finds no plan and changes nothing.
   */
  @Transactional
  public Outcome<DirectoryPlan> confirm(TenantId tenant, long adminId, UUID planId) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.IMPORT);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    record Stored(String fileName, byte[] rows) {}
    Optional<Stored> stored =
        jdbc.sql(
                """
                delete from directory_plan
                where id = ? and tenant_id = ? and admin_id = ? and expires_at > now()
                returning file_name, rows_gzip""")
            .params(planId, tenant.value(), adminId)
            .query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2)))
            .optional();
    if (stored.isEmpty()) {
      return Outcome.refused(ReasonCode.DIRECTORY_PLAN_EXPIRED);
    }
    people.lockDirectory(tenant);
    DirectoryPlanner.Planned planned =
        DirectoryPlanner.plan(existing(tenant), gunzip(stored.get().rows()));
    apply(tenant, planned);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("directory", stored.get().fileName());
    detail.put("added", planned.adds().size());
    detail.put("updated", planned.updates().size());
    detail.put("skipped", planned.errors().size());
    audit.record(tenant, adminId, AdminAudit.Kind.IMPORTED, detail);
    return Outcome.done(plan(planId, stored.get().fileName(), planned, null));
  }

  /** Forgets a preview the admin cancelled; another's is not theirs to cancel. */
  @Transactional
  public void cancel(TenantId tenant, long adminId, UUID planId) {
    jdbc.sql("delete from directory_plan where id = ? and tenant_id = ? and admin_id = ?")
        .params(planId, tenant.value(), adminId)
        .update();
  }

  /**
   * Up to {@code limit} people whose name or email holds the words asked (accents and case folded),
   * an exact email first; admins only.
   */
  @Transactional(readOnly = true)
  public Outcome<List<Employee>> search(TenantId tenant, long adminId, String query, int limit) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.EDIT_DIRECTORY);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    return Outcome.done(find(tenant, query, limit));
  }

  /** One person's entry, for an admin. */
  @Transactional(readOnly = true)
  public Outcome<Employee> person(TenantId tenant, long adminId, long personId) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.EDIT_DIRECTORY);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    return people
        .find(tenant, personId)
        .map(Outcome::done)
        .orElseGet(() -> Outcome.refused(ReasonCode.NOT_FOUND));
  }

  private static final String ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿß";
  private static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyys";

  /**
   * The search itself, for use cases that checked who asks: an exact email, else names (accents and
   * case ignored) and emails holding the words, whole names first.
   */
  List<Employee> find(TenantId tenant, String query, int limit) {
    String q = DirectoryRules.text(query);
    if (q == null) {
      return List.of();
    }
    Optional<Employee> exact = people.byEmail(tenant, q);
    if (exact.isPresent()) {
      return List.of(exact.get());
    }
    String plain = plain(q);
    String like = "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    String folded = "translate(lower(display_name), '" + ACCENTED + "', '" + PLAIN + "')";
    return jdbc
        .sql(
            "select id from employee where tenant_id = ? and ("
                + folded
                + " like ? or lower(coalesce(email, '')) like ?) order by ("
                + folded
                + " = ?) desc, display_name, id limit ?")
        .params(tenant.value(), like, like, plain, limit)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> people.find(tenant, id).orElseThrow())
        .toList();
  }

  private static String plain(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      int i = ACCENTED.indexOf(c);
      b.append(i < 0 ? c : PLAIN.charAt(i));
    }
    return b.toString();
  }

  /**
   * An admin sets one person's workplace and line manager (null: none) by the directory's rules; a
   * refusal names its field and changes nothing. Recorded in the admin trail with what changed.
   */
  @Transactional
  public Outcome<Employee> edit(
      TenantId tenant,
      long adminId,
      long personId,
      String site,
      String department,
      String country,
      Long managerId) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.EDIT_DIRECTORY);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    Outcome<DirectoryRules.Workplace> w = DirectoryRules.workplace(site, department, country);
    if (!w.isDone()) {
      return Outcome.refused(w.refusal());
    }
    Optional<Employee> before = people.find(tenant, personId);
    if (before.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("person", before.get().displayName());
    change(detail, "site", before.get().site(), w.value().site());
    change(detail, "department", before.get().department(), w.value().department());
    change(detail, "country", before.get().country(), w.value().country());
    Long oldManager = before.get().managerId();
    if (!Objects.equals(oldManager, managerId)) {
      Outcome<Employee> m = people.setManager(tenant, personId, managerId);
      if (!m.isDone()) {
        return m;
      }
      change(detail, "manager", managerName(tenant, oldManager), managerName(tenant, managerId));
    }
    Outcome<Employee> done =
        people.setWorkplace(
            tenant, personId, w.value().site(), w.value().department(), w.value().country());
    if (detail.size() > 1) {
      audit.record(tenant, adminId, AdminAudit.Kind.DIRECTORY_CHANGED, detail);
    }
    return done;
  }

  private String managerName(TenantId tenant, Long id) {
    return id == null ? "" : people.find(tenant, id).map(Employee::displayName).orElse("");
  }

  private static void change(Map<String, Object> detail, String field, String from, String to) {
    if (!Objects.equals(from, to)) {
      detail.put(field, (from == null ? "" : from) + " -> " + (to == null ? "" : to));
    }
  }

  private List<DirectoryPlanner.Existing> existing(TenantId tenant) {
    return jdbc.sql(
            """
            select id, email, display_name, site, department, country, manager_id
            from employee where tenant_id = ?""")
        .param(tenant.value())
        .query(
            (rs, n) ->
                new DirectoryPlanner.Existing(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    (Long) rs.getObject(7)))
        .list();
  }

  /**
   * Every valid line at once: new people inserted, the others updated, then the managers set by
   * email (a manager may be one of the new people). Set-based, so that 100,000 lines take seconds.
   */
  private void apply(TenantId tenant, DirectoryPlanner.Planned planned) {
    List<DirectoryPlanner.Change> adds = planned.adds();
    if (!adds.isEmpty()) {
      String[] zone = {"Europe/Luxembourg"};
      String[] country = {"LU"};
      jdbc.sql("select time_zone, country from tenant where id = ?")
          .param(tenant.value())
          .query(
              (rs, n) -> {
                zone[0] = rs.getString(1);
                country[0] = rs.getString(2);
                return 1;
              })
          .list();
      jdbc.sql(
              """
              insert into employee
                (tenant_id, display_name, email, locale, time_zone, site, department, country)
              select ?, u.n, u.e, ?, ?, u.s, u.d, u.c
              from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(n, e, s, d, c)""")
          .params(
              tenant.value(),
              language(country[0]),
              zone[0],
              adds.stream().map(DirectoryPlanner.Change::name).toArray(String[]::new),
              adds.stream().map(DirectoryPlanner.Change::email).toArray(String[]::new),
              adds.stream().map(DirectoryPlanner.Change::site).toArray(String[]::new),
              adds.stream().map(DirectoryPlanner.Change::department).toArray(String[]::new),
              adds.stream().map(DirectoryPlanner.Change::country).toArray(String[]::new))
          .update();
    }
    List<DirectoryPlanner.Change> updates = planned.updates();
    if (!updates.isEmpty()) {
      jdbc.sql(
              """
              update employee e set display_name = u.n, site = u.s, department = u.d, country = u.c
              from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                as u(id, n, s, d, c)
              where e.tenant_id = ? and e.id = u.id""")
          .params(
              updates.stream().map(DirectoryPlanner.Change::id).toArray(Long[]::new),
              updates.stream().map(DirectoryPlanner.Change::name).toArray(String[]::new),
              updates.stream().map(DirectoryPlanner.Change::site).toArray(String[]::new),
              updates.stream().map(DirectoryPlanner.Change::department).toArray(String[]::new),
              updates.stream().map(DirectoryPlanner.Change::country).toArray(String[]::new),
              tenant.value())
          .update();
    }
    List<DirectoryPlanner.Change> managers = new ArrayList<>();
    adds.stream().filter(DirectoryPlanner.Change::managerChanged).forEach(managers::add);
    updates.stream().filter(DirectoryPlanner.Change::managerChanged).forEach(managers::add);
    if (!managers.isEmpty()) {
      jdbc.sql(
              """
              update employee e set manager_id = m.id
              from unnest(?::text[], ?::text[]) as u(email, manager)
              left join employee m on m.tenant_id = ? and lower(m.email) = u.manager
              where e.tenant_id = ? and lower(e.email) = u.email""")
          .params(
              managers.stream().map(c -> c.email().toLowerCase(Locale.ROOT)).toArray(String[]::new),
              managers.stream().map(DirectoryPlanner.Change::managerEmail).toArray(String[]::new),
              tenant.value(),
              tenant.value())
          .update();
    }
  }

  /** People added by a file speak their company's language until their platform tells theirs. */
  private static String language(String country) {
    return switch (country == null ? "" : country) {
      case "FR", "LU", "BE", "MC" -> "fr";
      case "DE", "AT", "CH", "LI" -> "de";
      default -> "en";
    };
  }

  private static DirectoryPlan plan(
      UUID id, String fileName, DirectoryPlanner.Planned p, Instant expires) {
    return new DirectoryPlan(
        id, fileName, p.adds().size(), p.updates().size(), p.unchanged(), p.errors(), expires);
  }

  private static String name(String fileName) {
    String n = DirectoryRules.text(fileName);
    if (n == null) {
      return "directory";
    }
    return n.length() > 200 ? n.substring(0, 200) : n;
  }

  private static byte[] gzip(List<DirectoryRow> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      JSON.writeValue(out, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static List<DirectoryRow> gunzip(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return JSON.readValue(in, ROWS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
