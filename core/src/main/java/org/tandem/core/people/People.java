package org.tandem.core.people;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.tenants.TenantId;

/** Finding people from their chat identity, enrolling them, their profiles and roles. */
@Service
public class People {

  private final EmployeeRepository employees;
  private final JdbcClient jdbc;
  private final Authority authority;
  private final AdminAudit audit;
  private final TransactionTemplate tx;

  People(
      EmployeeRepository employees,
      JdbcClient jdbc,
      Authority authority,
      AdminAudit audit,
      TransactionTemplate tx) {
    this.employees = employees;
    this.jdbc = jdbc;
    this.authority = authority;
    this.audit = audit;
    this.tx = tx;
  }

  @Transactional(readOnly = true)
  public Optional<Employee> find(TenantId tenant, long employeeId) {
    return employees.findByIdAndTenantId(employeeId, tenant.value());
  }

  @Transactional(readOnly = true)
  public Optional<Employee> identify(TenantId tenant, IdentityKind kind, String externalId) {
    return jdbc.sql(
            "select employee_id from chat_identity where tenant_id = ? and kind = ? and external_id = ?")
        .params(tenant.value(), kind.name(), externalId)
        .query(Long.class)
        .optional()
        .flatMap(id -> employees.findByIdAndTenantId(id, tenant.value()));
  }

  /**
   * The person behind a chat identity, created on first contact. A known email links the new
   * identity to the existing person instead of creating a second one.
   */
  @Transactional
  public Employee enrol(TenantId tenant, IdentityKind kind, String externalId, NewPerson who) {
    return identify(tenant, kind, externalId)
        .orElseGet(() -> create(tenant, kind, externalId, who));
  }

  /**
   * The same, asking {@code firstContact} what the platform says of the person only when they are
   * not known yet: a chat platform's user look-up is a network call, made once per person and never
   * inside a transaction (it would hold a connection while the platform answers, or not).
   * Concurrent first contacts of one person all get the same, single person.
   */
  public Employee enrol(
      TenantId tenant,
      IdentityKind kind,
      String externalId,
      java.util.function.Supplier<NewPerson> firstContact) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "enrol looks the person up on their platform: call it outside a transaction");
    }
    Optional<Employee> known = identify(tenant, kind, externalId);
    if (known.isPresent()) {
      return known.get();
    }
    NewPerson who = firstContact.get();
    return tx.execute(
        s ->
            identify(tenant, kind, externalId)
                .orElseGet(() -> create(tenant, kind, externalId, who)));
  }

  /**
   * Inside a transaction: the identity's (and the email's) creation is serialised by advisory
   * locks, so a second first contact waits for the first, then finds the person it made (the
   * email's unique index would otherwise fail all but one of them).
   */
  private Employee create(TenantId tenant, IdentityKind kind, String externalId, NewPerson who) {
    lock("identity:" + tenant.value() + ":" + kind.name() + ":" + externalId);
    Optional<Employee> known = identify(tenant, kind, externalId);
    if (known.isPresent()) {
      return known.get();
    }
    String email = Optional.ofNullable(who.email()).filter(e -> !e.isBlank()).orElse(null);
    if (email != null) {
      lock("email:" + tenant.value() + ":" + email.toLowerCase(java.util.Locale.ROOT));
    }
    Employee person =
        Optional.ofNullable(email)
            .flatMap(e -> byEmail(tenant, e))
            .orElseGet(
                () ->
                    employees.saveAndFlush(
                        new Employee(
                            tenant, who.displayName(), who.email(), who.locale(), who.timeZone())));
    int linked =
        jdbc.sql(
                """
                insert into chat_identity (tenant_id, employee_id, kind, external_id)
                values (?, ?, ?, ?) on conflict do nothing""")
            .params(tenant.value(), person.id(), kind.name(), externalId)
            .update();
    if (linked == 0) {
      // Enrolled meanwhile without the lock (a directory import): theirs wins.
      return identify(tenant, kind, externalId).orElseThrow();
    }
    return person;
  }

  private void lock(String key) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
        .param(key)
        .query((rs, n) -> 1)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<Employee> byEmail(TenantId tenant, String email) {
    return jdbc.sql("select id from employee where tenant_id = ? and lower(email) = lower(?)")
        .params(tenant.value(), email)
        .query(Long.class)
        .optional()
        .flatMap(id -> employees.findByIdAndTenantId(id, tenant.value()));
  }

  @Transactional(readOnly = true)
  public List<Employee> members(TenantId tenant) {
    return employees.findByTenantIdOrderByDisplayName(tenant.value());
  }

  @Transactional
  public Outcome<Employee> updateProfile(TenantId tenant, long employeeId, Profile profile) {
    return employees
        .findByIdAndTenantId(employeeId, tenant.value())
        .map(
            e -> {
              e.profile(profile);
              return Outcome.done(e);
            })
        .orElseGet(() -> Outcome.refused(ReasonCode.NOT_FOUND));
  }

  /**
   * Sets where a person works, by the directory's rules ({@link DirectoryRules}): texts trimmed and
   * bounded, the country an ISO 3166 code (normalised to upper case); a refusal is on its field and
   * changes nothing. The same rules for SCIM, a file and the chat.
   */
  @Transactional
  public Outcome<Employee> setWorkplace(
      TenantId tenant, long employeeId, String site, String department, String country) {
    Outcome<DirectoryRules.Workplace> w = DirectoryRules.workplace(site, department, country);
    if (!w.isDone()) {
      return Outcome.refused(w.refusal());
    }
    return employees
        .findByIdAndTenantId(employeeId, tenant.value())
        .map(
            e -> {
              e.workplace(w.value().site(), w.value().department(), w.value().country());
              return Outcome.done(e);
            })
        .orElseGet(() -> Outcome.refused(ReasonCode.NOT_FOUND));
  }

  /**
   * Sets (or, with null, clears) a person's line manager. Nobody manages themselves, and no chain
   * of managers may come back to where it started (A manages B manages A, at any length): line
   * managers approve, and a loop would let people approve each other's requests in a circle.
   * Manager changes of a tenant are serialised, so two concurrent changes cannot make a loop
   * together.
   */
  @Transactional
  public Outcome<Employee> setManager(TenantId tenant, long employeeId, Long managerId) {
    Optional<Employee> e = employees.findByIdAndTenantId(employeeId, tenant.value());
    if (e.isEmpty()
        || (managerId != null
            && employees.findByIdAndTenantId(managerId, tenant.value()).isEmpty())) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    if (managerId != null && managerId == employeeId) {
      return Outcome.refusedOn("manager", ReasonCode.SELF_MANAGER);
    }
    lockDirectory(tenant);
    if (managerId != null && reportsTo(tenant, managerId, employeeId)) {
      return Outcome.refusedOn(
          "manager",
          ReasonCode.MANAGER_LOOP,
          employees.findByIdAndTenantId(managerId, tenant.value()).orElseThrow().displayName());
    }
    e.get().manager(managerId);
    employees.flush();
    return Outcome.done(e.get());
  }

  /** Serialises the changes of a tenant's manager chains (this, and a file's import). */
  void lockDirectory(TenantId tenant) {
    lock("directory:" + tenant.value());
  }

  /** Whether {@code boss} is {@code person}, or above them in the chain of line managers. */
  private boolean reportsTo(TenantId tenant, long person, long boss) {
    return jdbc.sql(
            """
            with recursive chain(id) as (
              select ?::bigint
              union
              select e.manager_id from employee e join chain c on e.id = c.id
              where e.tenant_id = ? and e.manager_id is not null)
            select exists (select 1 from chain where id = ?)""")
        .params(person, tenant.value(), boss)
        .query(Boolean.class)
        .single();
  }

  /**
   * The company directory deactivates a person (SCIM {@code active: false} or DELETE): they keep
   * their commitments and hours for the reports, lose every role (an admin grants them again after
   * a reactivation), and Tandem no longer serves them. Recorded in the admin trail under {@code
   * by}, the directory that asked. Deactivating twice changes nothing.
   */
  @Transactional
  public Outcome<Employee> deactivate(TenantId tenant, long employeeId, String by) {
    Optional<Employee> found = employees.findByIdAndTenantId(employeeId, tenant.value());
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    Employee e = found.get();
    if (e.active()) {
      java.util.Set<Role> lost = e.roles();
      lost.remove(Role.EMPLOYEE);
      e.deactivate(java.time.Instant.now());
      audit.recordPlatform(
          tenant,
          by,
          AdminAudit.Kind.PERSON_DEACTIVATED,
          Map.of(
              "person",
              e.displayName(),
              "roles",
              String.join(",", lost.stream().map(Role::name).toList())));
    }
    return Outcome.done(e);
  }

  /** The directory lists a deactivated person again: they are an employee, with no other role. */
  @Transactional
  public Outcome<Employee> reactivate(TenantId tenant, long employeeId, String by) {
    Optional<Employee> found = employees.findByIdAndTenantId(employeeId, tenant.value());
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    Employee e = found.get();
    if (!e.active()) {
      e.reactivate();
      audit.recordPlatform(
          tenant, by, AdminAudit.Kind.PERSON_REACTIVATED, Map.of("person", e.displayName()));
    }
    return Outcome.done(e);
  }

  /**
   * Whether Tandem serves the person: false once the directory deactivated them, and every channel
   * then answers anything they send with the same polite "not available to you".
   */
  @Transactional(readOnly = true)
  public boolean serves(TenantId tenant, long employeeId) {
    return jdbc.sql("select deactivated_at is null from employee where tenant_id = ? and id = ?")
        .params(tenant.value(), employeeId)
        .query(Boolean.class)
        .optional()
        .orElse(true);
  }

  /** Whether a CSR manager receives last month's report on the first working day of a month. */
  @Transactional
  public void monthlyReport(TenantId tenant, long employeeId, boolean wanted) {
    jdbc.sql("update employee set monthly_report = ? where tenant_id = ? and id = ?")
        .params(wanted, tenant.value(), employeeId)
        .update();
  }

  /** An admin grants a role. The very first admin of a tenant is set by {@link #bootstrap}. */
  @Transactional
  public Outcome<Employee> grant(TenantId tenant, long adminId, long targetId, Role role) {
    return changeRole(tenant, adminId, targetId, role, true);
  }

  /** An admin revokes a role; the last admin of a tenant cannot revoke their own admin role. */
  @Transactional
  public Outcome<Employee> revoke(TenantId tenant, long adminId, long targetId, Role role) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.GRANT_ROLE);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (role == Role.ADMIN && adminId == targetId && adminCount(tenant) <= 1) {
      return Outcome.refused(ReasonCode.LAST_ADMIN);
    }
    return changeRole(tenant, adminId, targetId, role, false);
  }

  /**
   * The person who installed Tandem for the company runs it: admin and CSR manager, with no acting
   * admin needed.
   */
  @Transactional
  public Employee installedBy(TenantId tenant, long employeeId) {
    bootstrap(tenant, employeeId, Role.ADMIN);
    return bootstrap(tenant, employeeId, Role.CSR_MANAGER);
  }

  /**
   * Someone installed Tandem where anyone may install it (in Teams, every user adds the app for
   * themselves): only the very first person of a fresh tenant runs it, as with {@link
   * #installedBy}: no admin yet <em>and</em> nobody else enrolled. Whatever path an install arrives
   * by (a personal or team install, installationUpdate or conversationUpdate, in any order with
   * messages), a later installer finds someone there and nothing changes. The tenant's row is
   * locked, so two first installs make one admin.
   */
  @Transactional
  public Employee installedByFirst(TenantId tenant, long employeeId) {
    jdbc.sql("select id from tenant where id = ? for no key update")
        .param(tenant.value())
        .query(Long.class)
        .single();
    boolean alone =
        jdbc.sql("select not exists (select 1 from employee where tenant_id = ? and id <> ?)")
            .params(tenant.value(), employeeId)
            .query(Boolean.class)
            .single();
    if (alone && adminCount(tenant) == 0) {
      return installedBy(tenant, employeeId);
    }
    return employees.findByIdAndTenantId(employeeId, tenant.value()).orElseThrow();
  }

  /**
   * Makes someone an admin without an acting admin: at install time, from configuration. A role
   * newly given this way is recorded in the admin trail as an install.
   */
  @Transactional
  public Employee bootstrap(TenantId tenant, long employeeId, Role role) {
    Employee e = employees.findByIdAndTenantId(employeeId, tenant.value()).orElseThrow();
    // Someone the directory deactivated gets no role from an install or TANDEM_ADMINS (each of
    // their messages would otherwise grant it again and fill the admin trail).
    if (e.active() && !e.has(role)) {
      e.grant(role, true);
      audit.record(tenant, employeeId, AdminAudit.Kind.INSTALLED, Map.of("role", role.name()));
    }
    return e;
  }

  private Outcome<Employee> changeRole(
      TenantId tenant, long adminId, long targetId, Role role, boolean granted) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.GRANT_ROLE);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    Optional<Employee> target = employees.findByIdAndTenantId(targetId, tenant.value());
    // An erased person is a nameless row kept for the figures: nobody to give a role to.
    if (target.isEmpty() || target.get().erased()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    // The directory decides who works here: a role waits until it lists the person again.
    if (granted && !target.get().active()) {
      return Outcome.refused(ReasonCode.PERSON_DEACTIVATED, target.get().displayName());
    }
    // Nothing to change: say so rather than confirm a change that did not happen.
    if (target.get().has(role) == granted) {
      return Outcome.refused(
          granted ? ReasonCode.ROLE_ALREADY_HELD : ReasonCode.ROLE_NOT_HELD,
          target.get().displayName(),
          role.name());
    }
    target.get().grant(role, granted);
    audit.record(
        tenant,
        adminId,
        granted ? AdminAudit.Kind.ROLE_GRANTED : AdminAudit.Kind.ROLE_REVOKED,
        Map.of("person", target.get().displayName(), "role", role.name()));
    return Outcome.done(target.get());
  }

  private int adminCount(TenantId tenant) {
    return jdbc.sql("select count(*) from employee where tenant_id = ? and is_admin")
        .param(tenant.value())
        .query(Integer.class)
        .single();
  }
}
