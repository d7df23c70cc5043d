package org.tandem.core.tenants;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.AdminAudit;
import org.tandem.core.people.Authority;

/** Creating tenants, finding them from a platform's id, and reading and setting their policy. */
@Service
public class Tenants {

  private final TenantRepository repository;
  private final JdbcClient jdbc;
  private final Authority authority;
  private final AdminAudit audit;

  Tenants(TenantRepository repository, JdbcClient jdbc, Authority authority, AdminAudit audit) {
    this.repository = repository;
    this.jdbc = jdbc;
    this.authority = authority;
    this.audit = audit;
  }

  /**
   * The tenant of a Slack team or Teams tenant, created on first contact. A workspace or tenant
   * linked to another company's tenant ({@link TenantLinks}) is found as that tenant.
   */
  @Transactional
  public Tenant findOrCreate(Platform platform, String externalId, String name, String country) {
    Optional<Tenant> known = repository.resolve(platform.name(), externalId);
    if (known.isPresent()) {
      return known.get();
    }
    // Creating waits for a link of the same id being made (TenantLinks takes this lock too), then
    // looks again: a linked id must never get a tenant of its own back.
    lockCreation(jdbc, platform, externalId);
    known = repository.resolve(platform.name(), externalId);
    if (known.isPresent()) {
      return known.get();
    }
    jdbc.sql(
            """
            insert into tenant (platform, external_id, name, country) values (?, ?, ?, ?)
            on conflict (platform, external_id) do nothing""")
        .params(platform.name(), externalId, name, country)
        .update();
    return repository.resolve(platform.name(), externalId).orElseThrow();
  }

  /** Serialises creating and linking one platform id, until the transaction ends. */
  static void lockCreation(JdbcClient jdbc, Platform platform, String externalId) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
        .param("tenant:" + platform.name() + ":" + externalId)
        .query((rs, n) -> 1)
        .list();
  }

  /** The tenant of a Slack team or Teams tenant, through its link to another tenant if any. */
  @Transactional(readOnly = true)
  public Optional<Tenant> find(Platform platform, String externalId) {
    return repository.resolve(platform.name(), externalId);
  }

  @Transactional(readOnly = true)
  public Optional<Tenant> find(TenantId id) {
    return repository.findById(id.value());
  }

  /**
   * Sets the policy without an acting person: configuration at install time, tests. The values meet
   * the same rules as an admin's; an invalid one is a programming error here.
   */
  @Transactional
  public Tenant change(TenantId id, PolicyChange change) {
    PolicyRules.check(change)
        .ifPresent(
            r -> {
              throw new IllegalArgumentException("invalid policy: " + r);
            });
    Tenant tenant = repository.findById(id.value()).orElseThrow();
    tenant.apply(change);
    return tenant;
  }

  /**
   * An admin of the tenant changes its policy. Refused, with nothing changed, for anyone else and
   * for a value out of bounds (the refusal names its field); recorded in the admin trail.
   */
  @Transactional
  public Outcome<Tenant> changePolicy(TenantId id, long adminId, PolicyChange change) {
    java.util.Optional<Refusal> no =
        authority
            .refusal(id, adminId, Authority.Action.EDIT_POLICY)
            .or(() -> PolicyRules.check(change));
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    Tenant tenant = repository.findById(id.value()).orElseThrow();
    java.util.Map<String, Object> changed = tenant.differences(change);
    tenant.apply(change);
    // A form saved as it was changes nothing and is not a change in the trail. Only the first
    // time is it recorded, as the admin confirming the policy as it stands (the setup checklist
    // counts that as the policy step done), with "confirmed" instead of an empty list of changes.
    if (!changed.isEmpty()) {
      audit.record(id, adminId, AdminAudit.Kind.POLICY_CHANGED, changed);
    } else if (!policyEverSaved(id)) {
      audit.record(
          id, adminId, AdminAudit.Kind.POLICY_CHANGED, java.util.Map.of("confirmed", "true"));
    }
    return Outcome.done(tenant);
  }

  private boolean policyEverSaved(TenantId id) {
    return jdbc.sql(
            "select exists (select 1 from admin_audit where tenant_id = ? and action = 'POLICY_CHANGED')")
        .param(id.value())
        .query(Boolean.class)
        .single();
  }

  /** The chat platform uninstalled Tandem: the data is kept for the retention period. */
  @Transactional
  public void uninstalled(TenantId id) {
    jdbc.sql("update tenant set uninstalled_at = coalesce(uninstalled_at, now()) where id = ?")
        .param(id.value())
        .update();
  }

  /**
   * One workspace or tenant uninstalled Tandem. A company linked across Slack and Teams keeps its
   * data: Tandem does not track each platform's installation apart, so the retention clock starts
   * only for a tenant on one platform.
   */
  @Transactional
  public void uninstalled(Platform platform, String externalId) {
    find(platform, externalId)
        .ifPresent(
            t -> {
              audit.recordPlatform(
                  t.id(),
                  platform.displayName(),
                  AdminAudit.Kind.UNINSTALLED,
                  java.util.Map.of("workspace", externalId));
              if (!linked(t.id())) {
                uninstalled(t.id());
              }
            });
  }

  /** Whether another platform's workspace or tenant is linked to this tenant. */
  @Transactional(readOnly = true)
  public boolean linked(TenantId id) {
    return jdbc.sql("select exists (select 1 from tenant_alias where tenant_id = ?)")
        .param(id.value())
        .query(Boolean.class)
        .single();
  }

  /** Installed again: nothing will be purged. */
  @Transactional
  public void reinstalled(TenantId id) {
    jdbc.sql("update tenant set uninstalled_at = null where id = ?").param(id.value()).update();
  }

  @Transactional
  public void retention(TenantId id, int days) {
    if (days < 0 || days > 3650) {
      throw new IllegalArgumentException("retention is 0 to 3650 days, got " + days);
    }
    jdbc.sql("update tenant set retention_days = ? where id = ?").params(days, id.value()).update();
  }

  /**
   * Deletes every tenant uninstalled for longer than its retention period, with all its rows,
   * children first. Returns how many tenants were purged. Safe to run on every instance.
   */
  @Transactional
  public int purgeExpired() {
    java.util.List<Long> expired =
        jdbc.sql(
                """
                select id from tenant where uninstalled_at is not null
                  and uninstalled_at < now() - make_interval(days => retention_days)
                for update skip locked""")
            .query(Long.class)
            .list();
    for (long id : expired) {
      // The report rollups go too (hour_month here, the others with the tenant): their triggers,
      // off for the purge, would otherwise update them for every hour entry and commitment.
      jdbc.sql("select set_config('tandem.report_rebuild', 'on', true)")
          .query(String.class)
          .single();
      for (String table :
          java.util.List.of(
              "hour_entry",
              "hour_month",
              "commitment",
              "mission_dismissal",
              "mission_skill_index",
              "mission_session",
              "mission",
              "association",
              "chat_identity",
              "employee",
              "tenant_country_policy")) {
        jdbc.sql("delete from " + table + " where tenant_id = ?").param(id).update();
      }
      jdbc.sql("delete from tenant where id = ?").param(id).update();
      jdbc.sql("select set_config('tandem.report_rebuild', '', true)").query(String.class).single();
    }
    return expired.size();
  }

  /**
   * Sets the override of one country's sites without an acting person (configuration, tests); the
   * values meet the same rules as an admin's.
   */
  @Transactional
  public void override(TenantId id, CountryOverride override) {
    PolicyRules.check(override)
        .ifPresent(
            r -> {
              throw new IllegalArgumentException("invalid country override: " + r);
            });
    save(id, override);
  }

  /**
   * An admin sets (adds or replaces) the override of one country: every field as given, null ones
   * inheriting the company's policy. Refused, with nothing changed, for anyone else and for an
   * invalid value (the refusal names its field); recorded in the admin trail.
   */
  @Transactional
  public Outcome<CountryOverride> override(TenantId id, long adminId, CountryOverride override) {
    java.util.Optional<Refusal> no =
        authority
            .refusal(id, adminId, Authority.Action.EDIT_POLICY)
            .or(() -> PolicyRules.check(override));
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    lockPolicy(id);
    CountryOverride was = overrideOf(id, override.country()).orElse(null);
    java.util.Map<String, Object> changed = new java.util.LinkedHashMap<>();
    changed.put("country", override.country());
    changed.putAll(override.differences(was));
    save(id, override);
    audit.record(id, adminId, AdminAudit.Kind.COUNTRY_OVERRIDE, changed);
    return Outcome.done(override);
  }

  /** An admin removes a country's override: its people follow the company's policy again. */
  @Transactional
  public Outcome<String> removeOverride(TenantId id, long adminId, String country) {
    java.util.Optional<Refusal> no = authority.refusal(id, adminId, Authority.Action.EDIT_POLICY);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    lockPolicy(id);
    if (country == null || overrideOf(id, country).isEmpty()) {
      return Outcome.refused(org.tandem.core.common.ReasonCode.NOT_FOUND);
    }
    jdbc.sql("delete from tenant_country_policy where tenant_id = ? and country = ?")
        .params(id.value(), country)
        .update();
    audit.record(
        id,
        adminId,
        AdminAudit.Kind.COUNTRY_OVERRIDE,
        java.util.Map.of("country", country, "removed", "true"));
    return Outcome.done(country);
  }

  /** The tenant's country overrides, by country code. */
  @Transactional(readOnly = true)
  public java.util.List<CountryOverride> overrides(TenantId id) {
    return jdbc.sql(
            """
            select country, yearly_allowance_hours, manager_approval, hourly_rate, currency
            from tenant_country_policy where tenant_id = ? order by country""")
        .params(id.value())
        .query((rs, n) -> overrideRow(rs))
        .list();
  }

  private java.util.Optional<CountryOverride> overrideOf(TenantId id, String country) {
    return jdbc.sql(
            """
            select country, yearly_allowance_hours, manager_approval, hourly_rate, currency
            from tenant_country_policy where tenant_id = ? and country = ?""")
        .params(id.value(), country)
        .query((rs, n) -> overrideRow(rs))
        .optional();
  }

  private static CountryOverride overrideRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CountryOverride(
        rs.getString(1).strip(),
        rs.getBigDecimal(2),
        (Boolean) rs.getObject(3),
        rs.getBigDecimal(4),
        rs.getString(5) == null ? null : rs.getString(5).strip());
  }

  /** Two admins editing the same country at once: one after the other, each audited truly. */
  private void lockPolicy(TenantId id) {
    jdbc.sql("select id from tenant where id = ? for no key update")
        .param(id.value())
        .query(Long.class)
        .single();
  }

  private void save(TenantId id, CountryOverride override) {
    jdbc.sql(
            """
            insert into tenant_country_policy
              (tenant_id, country, yearly_allowance_hours, manager_approval, hourly_rate, currency)
            values (?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, country) do update set
              yearly_allowance_hours = excluded.yearly_allowance_hours,
              manager_approval = excluded.manager_approval,
              hourly_rate = excluded.hourly_rate,
              currency = excluded.currency""")
        .params(
            id.value(),
            override.country(),
            override.yearlyAllowanceHours(),
            override.managerApproval(),
            override.hourlyRate(),
            override.currency())
        .update();
  }

  /** The policy for a person whose site is in {@code country} (null: the tenant's own). */
  @Transactional(readOnly = true)
  public Policy policyFor(TenantId id, String country) {
    Policy base = repository.findById(id.value()).orElseThrow().policy();
    if (country == null) {
      return base;
    }
    return overrideOf(id, country).map(o -> o.over(base)).orElse(base);
  }
}
