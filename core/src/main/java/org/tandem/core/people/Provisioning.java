package org.tandem.core.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * The company directory pushed by an identity provider (SCIM): accounts created, read, listed,
 * changed and deleted, each one a person of the company. The rules are the people's own: the site,
 * department and country go through {@link People#setWorkplace}, the manager through {@link
 * People#setManager}, deactivation through {@link People#deactivate}; a refusal of any of them
 * changes nothing. An account finds a person already there by email (someone who talked to Tandem
 * first, or whose account was deleted and is provisioned again), and a person provisioned first is
 * found by email on their first message (see {@link People#enrol}).
 */
@Service
public class Provisioning {

  /** How the admin trail names the identity provider. */
  public static final String DIRECTORY = "SCIM";

  private static final String SELECT =
      """
      select s.id::text, s.employee_id, s.user_name, s.external_id, s.given_name, s.family_name,
             e.display_name, e.email, e.locale, e.deactivated_at is null, e.department, e.site,
             e.country, m.id::text, me.display_name, s.created_at, s.updated_at
      from scim_user s
      join employee e on e.tenant_id = s.tenant_id and e.id = s.employee_id
      left join scim_user m on m.tenant_id = e.tenant_id and m.employee_id = e.manager_id
      left join employee me on me.tenant_id = e.tenant_id and me.id = e.manager_id
      """;

  private final People people;
  private final EmployeeRepository employees;
  private final Tenants tenants;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  Provisioning(
      People people,
      EmployeeRepository employees,
      Tenants tenants,
      JdbcClient jdbc,
      TransactionTemplate tx) {
    this.people = people;
    this.employees = employees;
    this.tenants = tenants;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /**
   * A new account. Its userName must be free; a person with its email who has no account yet
   * becomes its person (with their history), otherwise a new person is made.
   */
  public Outcome<DirectoryAccount> create(TenantId tenant, DirectoryAccount.Draft draft) {
    return inTransaction(
        () -> {
          DirectoryAccount.Draft d = clean(draft);
          Optional<Refusal> invalid = invalid(d);
          if (invalid.isPresent()) {
            return Outcome.refused(invalid.get());
          }
          lock("scim-user:" + tenant.value() + ":" + d.userName().toLowerCase(Locale.ROOT));
          if (d.email() != null) {
            // The same key as a first contact's, so the two never make two people.
            lock("email:" + tenant.value() + ":" + d.email().toLowerCase(Locale.ROOT));
          }
          if (userNameTaken(tenant, d.userName(), null)) {
            return Outcome.refusedOn("userName", ReasonCode.USER_NAME_TAKEN, d.userName());
          }
          Optional<Employee> known =
              d.email() == null ? Optional.empty() : people.byEmail(tenant, d.email());
          if (known.isPresent() && hasAccount(tenant, known.get().id())) {
            return Outcome.refusedOn("emails", ReasonCode.EMAIL_TAKEN, d.email());
          }
          Employee e =
              known.orElseGet(
                  () ->
                      employees.saveAndFlush(
                          new Employee(
                              tenant,
                              displayName(d),
                              d.email(),
                              locale(d.locale()),
                              ZoneId.of(tenants.find(tenant).orElseThrow().timeZone()))));
          if (known.isPresent()) {
            // The directory names the person from now on.
            e.displayName(displayName(d));
            if (d.locale() != null) {
              e.locale(locale(d.locale()));
            }
          }
          String id = UUID.randomUUID().toString();
          jdbc.sql(
                  """
                  insert into scim_user (tenant_id, id, employee_id, user_name, external_id,
                                         given_name, family_name)
                  values (?, ?::uuid, ?, ?, ?, ?, ?)""")
              .params(
                  tenant.value(),
                  id,
                  e.id(),
                  d.userName(),
                  d.externalId(),
                  d.givenName(),
                  d.familyName())
              .update();
          return apply(tenant, id, e, d, null);
        });
  }

  /** The account with this id in the company; empty for an unknown or malformed id. */
  public Optional<DirectoryAccount> find(TenantId tenant, String id) {
    Optional<UUID> uuid = uuid(id);
    if (uuid.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(SELECT + " where s.tenant_id = ? and s.id = ?")
        .params(tenant.value(), uuid.get())
        .query(Provisioning::account)
        .optional();
  }

  /**
   * The accounts matching {@code query}, oldest first: {@code count} of them from the {@code
   * startIndex}th (1 is the first), and how many match in all.
   */
  public DirectoryQuery.Page search(
      TenantId tenant, DirectoryQuery query, int startIndex, int count) {
    List<Object> params = new ArrayList<>();
    params.add(tenant.value());
    String where = " where s.tenant_id = ? and " + sql(query, params);
    int total =
        jdbc.sql(
                "select count(*) from scim_user s join employee e"
                    + " on e.tenant_id = s.tenant_id and e.id = s.employee_id"
                    + where)
            .params(params)
            .query(Integer.class)
            .single();
    if (count <= 0) {
      return new DirectoryQuery.Page(List.of(), total);
    }
    params.add(Math.max(0, startIndex - 1));
    params.add(count);
    List<DirectoryAccount> page =
        jdbc.sql(SELECT + where + " order by s.seq offset ? limit ?")
            .params(params)
            .query(Provisioning::account)
            .list();
    return new DirectoryQuery.Page(page, total);
  }

  /** Everything the account says, replaced (SCIM PUT). */
  public Outcome<DirectoryAccount> replace(
      TenantId tenant, String id, DirectoryAccount.Draft draft) {
    return update(tenant, id, old -> draft);
  }

  /**
   * The account changed by {@code change}, which gets the account as it is now, under a lock of the
   * account, so two changes of one account apply one after the other (SCIM PATCH). An exception
   * thrown by {@code change} changes nothing and reaches the caller.
   */
  public Outcome<DirectoryAccount> update(
      TenantId tenant,
      String id,
      java.util.function.Function<DirectoryAccount, DirectoryAccount.Draft> change) {
    return inTransaction(
        () -> {
          Optional<Long> employeeId = lockAccount(tenant, id);
          if (employeeId.isEmpty()) {
            return Outcome.refused(ReasonCode.NOT_FOUND);
          }
          DirectoryAccount now = find(tenant, id).orElseThrow();
          DirectoryAccount.Draft d = clean(change.apply(now));
          Optional<Refusal> invalid = invalid(d);
          if (invalid.isPresent()) {
            return Outcome.refused(invalid.get());
          }
          if (userNameTaken(tenant, d.userName(), id)) {
            return Outcome.refusedOn("userName", ReasonCode.USER_NAME_TAKEN, d.userName());
          }
          Employee e =
              employees.findByIdAndTenantId(employeeId.get(), tenant.value()).orElseThrow();
          if (d.email() != null
              && people.byEmail(tenant, d.email()).filter(o -> o.id() != e.id()).isPresent()) {
            return Outcome.refusedOn("emails", ReasonCode.EMAIL_TAKEN, d.email());
          }
          jdbc.sql(
                  """
                  update scim_user set user_name = ?, external_id = ?, given_name = ?,
                         family_name = ?, updated_at = now()
                  where tenant_id = ? and id = ?::uuid""")
              .params(
                  d.userName(), d.externalId(), d.givenName(), d.familyName(), tenant.value(), id)
              .update();
          e.displayName(displayName(d));
          e.email(d.email());
          if (d.locale() != null) {
            e.locale(locale(d.locale()));
          }
          return apply(tenant, id, e, d, now);
        });
  }

  /**
   * The account is gone (SCIM DELETE): its person is deactivated, keeps their history and is found
   * again by email if the identity provider provisions them anew.
   */
  public Outcome<String> delete(TenantId tenant, String id) {
    return inTransaction(
        () -> {
          Optional<Long> employeeId = lockAccount(tenant, id);
          if (employeeId.isEmpty()) {
            return Outcome.refused(ReasonCode.NOT_FOUND);
          }
          people.deactivate(tenant, employeeId.get(), DIRECTORY);
          jdbc.sql("delete from scim_user where tenant_id = ? and id = ?::uuid")
              .params(tenant.value(), id)
              .update();
          return Outcome.done(id);
        });
  }

  /**
   * The directory's site, department, country, manager and status, through the people's rules.
   * {@code seen}: the account as the identity provider last saw it (null on a first POST). What it
   * never saw, it cannot clear by leaving it out: a person known by email keeps the site a file or
   * the chat gave them when the first POST has no address, and a manager without a SCIM account
   * (set by a file or {@code person NAME}) stays when a PATCH or PUT names none.
   */
  private Outcome<DirectoryAccount> apply(
      TenantId tenant, String id, Employee e, DirectoryAccount.Draft d, DirectoryAccount seen) {
    String site = seen == null && d.site() == null ? e.site() : d.site();
    String department = seen == null && d.department() == null ? e.department() : d.department();
    String country =
        seen == null && d.country() == null
            ? e.country() == null ? null : e.country().strip()
            : d.country();
    if (!Objects.equals(site, e.site())
        || !Objects.equals(department, e.department())
        || !Objects.equals(country, e.country() == null ? null : e.country().strip())) {
      Outcome<Employee> done = people.setWorkplace(tenant, e.id(), site, department, country);
      if (!done.isDone()) {
        return Outcome.refused(onField(done.refusal(), "addresses"));
      }
    }
    boolean managerUnseen = seen == null || seen.managerId() == null;
    if (d.managerId() == null && managerUnseen) {
      return finish(tenant, id, e, d);
    }
    Long manager = null;
    if (d.managerId() != null) {
      Optional<Long> found = accountsPerson(tenant, d.managerId());
      if (found.isEmpty()) {
        return Outcome.refusedOn("manager", ReasonCode.NOT_FOUND);
      }
      manager = found.get();
    }
    if (!Objects.equals(manager, e.managerId())) {
      Outcome<Employee> done = people.setManager(tenant, e.id(), manager);
      if (!done.isDone()) {
        return Outcome.refused(onField(done.refusal(), "manager"));
      }
    }
    return finish(tenant, id, e, d);
  }

  private Outcome<DirectoryAccount> finish(
      TenantId tenant, String id, Employee e, DirectoryAccount.Draft d) {
    if (d.active() && !e.active()) {
      people.reactivate(tenant, e.id(), DIRECTORY);
    } else if (!d.active() && e.active()) {
      people.deactivate(tenant, e.id(), DIRECTORY);
    }
    employees.flush();
    return Outcome.done(find(tenant, id).orElseThrow());
  }

  private static Refusal onField(Refusal r, String field) {
    return r.field() != null ? r : new Refusal(r.code(), r.args(), field);
  }

  /** Runs a use case in one transaction, rolled back when it refuses. */
  private <T> Outcome<T> inTransaction(java.util.function.Supplier<Outcome<T>> work) {
    return tx.execute(
        s -> {
          Outcome<T> o = work.get();
          if (!o.isDone()) {
            s.setRollbackOnly();
          }
          return o;
        });
  }

  private static final int MAX_NAME = 256;
  private static final int MAX_TEXT = DirectoryRules.MAX_NAME;

  /** Blank is absent; text is stripped; the country is upper case. */
  private static DirectoryAccount.Draft clean(DirectoryAccount.Draft d) {
    return new DirectoryAccount.Draft(
        text(d.userName()),
        text(d.externalId()),
        text(d.givenName()),
        text(d.familyName()),
        text(d.displayName()),
        text(d.email()),
        text(d.locale()),
        d.active(),
        text(d.department()),
        text(d.site()),
        d.country() == null ? null : text(d.country().toUpperCase(Locale.ROOT)),
        text(d.managerId()));
  }

  /** As the directory's rules read text: control characters out, spaces folded, blank is null. */
  private static String text(String s) {
    return DirectoryRules.text(s);
  }

  private static Optional<Refusal> invalid(DirectoryAccount.Draft d) {
    if (d.userName() == null) {
      return Optional.of(Refusal.on("userName", ReasonCode.INVALID_INPUT, "userName"));
    }
    if (d.userName().length() > MAX_NAME
        || (d.externalId() != null && d.externalId().length() > MAX_NAME)) {
      return Optional.of(Refusal.on("userName", ReasonCode.INVALID_INPUT, "userName"));
    }
    for (String[] field :
        new String[][] {
          {"name.givenName", d.givenName()},
          {"name.familyName", d.familyName()},
          {"displayName", d.displayName()},
          {"preferredLanguage", d.locale()}
        }) {
      if (field[1] != null && field[1].length() > MAX_TEXT) {
        return Optional.of(Refusal.on(field[0], ReasonCode.INVALID_INPUT, field[0]));
      }
    }
    if (d.email() != null && !DirectoryRules.validEmail(d.email())) {
      return Optional.of(Refusal.on("emails", ReasonCode.INVALID_INPUT, d.email()));
    }
    return Optional.empty();
  }

  /** The name people see: the directory's display name, else the given and family names. */
  private static String displayName(DirectoryAccount.Draft d) {
    if (d.displayName() != null) {
      return d.displayName();
    }
    String full =
        ((d.givenName() == null ? "" : d.givenName())
                + " "
                + (d.familyName() == null ? "" : d.familyName()))
            .strip();
    return full.isEmpty() ? d.userName() : full;
  }

  /** "fr-FR", "de_DE", "en": the language of the tag; none given, English. */
  private static Locale locale(String tag) {
    if (tag == null) {
      return Locale.ENGLISH;
    }
    String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
    return language.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(language);
  }

  private boolean userNameTaken(TenantId tenant, String userName, String except) {
    return jdbc.sql(
            """
            select exists (select 1 from scim_user where tenant_id = ? and lower(user_name) = lower(?)
                           and (?::uuid is null or id <> ?::uuid))""")
        .params(tenant.value(), userName, except, except)
        .query(Boolean.class)
        .single();
  }

  private boolean hasAccount(TenantId tenant, long employeeId) {
    return jdbc.sql(
            "select exists (select 1 from scim_user where tenant_id = ? and employee_id = ?)")
        .params(tenant.value(), employeeId)
        .query(Boolean.class)
        .single();
  }

  /**
   * The person of the account a manager value names: its id (Entra ID sends it), else its
   * externalId, else its userName (Okta sends what its profile holds, often one of these).
   */
  private Optional<Long> accountsPerson(TenantId tenant, String value) {
    Optional<UUID> uuid = uuid(value);
    if (uuid.isPresent()) {
      Optional<Long> byId =
          jdbc.sql("select employee_id from scim_user where tenant_id = ? and id = ?")
              .params(tenant.value(), uuid.get())
              .query(Long.class)
              .optional();
      if (byId.isPresent()) {
        return byId;
      }
    }
    return jdbc.sql(
            """
            select employee_id from scim_user where tenant_id = ?
            and (external_id = ? or lower(user_name) = lower(?))
            order by (external_id = ?) desc nulls last limit 1""")
        .params(tenant.value(), value, value, value)
        .query(Long.class)
        .optional();
  }

  private Optional<Long> lockAccount(TenantId tenant, String id) {
    Optional<UUID> uuid = uuid(id);
    if (uuid.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select employee_id from scim_user where tenant_id = ? and id = ? for no key update")
        .params(tenant.value(), uuid.get())
        .query(Long.class)
        .optional();
  }

  private void lock(String key) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
        .param(key)
        .query((rs, n) -> 1)
        .list();
  }

  private static Optional<UUID> uuid(String id) {
    if (id == null || id.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static DirectoryAccount account(ResultSet rs, int n) throws SQLException {
    return new DirectoryAccount(
        rs.getString(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getBoolean(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13) == null ? null : rs.getString(13).strip(),
        rs.getString(14),
        rs.getString(15),
        rs.getTimestamp(16).toInstant(),
        rs.getTimestamp(17).toInstant());
  }

  /** The query as SQL over {@code s} (scim_user) and {@code e} (employee), values as parameters. */
  private static String sql(DirectoryQuery q, List<Object> params) {
    if (q instanceof DirectoryQuery.All all) {
      return all.of().isEmpty()
          ? "true"
          : "(" + String.join(" and ", all.of().stream().map(x -> sql(x, params)).toList()) + ")";
    }
    if (q instanceof DirectoryQuery.Any any) {
      return any.of().isEmpty()
          ? "false"
          : "(" + String.join(" or ", any.of().stream().map(x -> sql(x, params)).toList()) + ")";
    }
    DirectoryQuery.Compare c = (DirectoryQuery.Compare) q;
    if (c.field() == DirectoryQuery.Field.ACTIVE) {
      if (c.op() == DirectoryQuery.Op.PRESENT) {
        return "true";
      }
      params.add(Boolean.parseBoolean(c.value()));
      return "((e.deactivated_at is null) = ?)";
    }
    boolean exact = c.field() == DirectoryQuery.Field.EXTERNAL_ID;
    String column =
        switch (c.field()) {
          case USER_NAME -> "s.user_name";
          case EXTERNAL_ID -> "s.external_id";
          case DISPLAY_NAME -> "e.display_name";
          case EMAIL -> "e.email";
          case ID -> "s.id::text";
          case ACTIVE -> throw new IllegalStateException("handled above");
        };
    if (c.op() == DirectoryQuery.Op.PRESENT) {
      return "(" + column + " is not null)";
    }
    String value = c.value() == null ? "" : c.value();
    String compared = exact ? column : "lower(" + column + ")";
    String param = exact ? "?" : "lower(?)";
    return switch (c.op()) {
      case EQ -> {
        params.add(value);
        yield "(" + compared + " = " + param + ")";
      }
      case SW -> {
        params.add(like(value) + "%");
        yield "(" + compared + " like " + param + " escape '\\')";
      }
      case CO -> {
        params.add("%" + like(value) + "%");
        yield "(" + compared + " like " + param + " escape '\\')";
      }
      case PRESENT -> throw new IllegalStateException("handled above");
    };
  }

  private static String like(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
