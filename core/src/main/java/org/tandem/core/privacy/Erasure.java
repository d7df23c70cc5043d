package org.tandem.core.privacy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Erasing a person: their name, contacts, chat identities, profile and the free texts that could
 * name them go; the row stays, nameless ("#12"), with its site, department and country, so their
 * commitments and hours still count in the figures and reports add up. With the identities gone, a
 * person who writes again is a new person. Done by an admin, or by Tandem for people the directory
 * deactivated longer ago than the company's retention period.
 */
@Service
public class Erasure {

  /** Who erased, in the admin trail, when it was the retention period. */
  public static final String RETENTION = "Tandem (retention)";

  private final JdbcClient jdbc;
  private final Authority authority;
  private final AdminAudit audit;

  Erasure(JdbcClient jdbc, Authority authority, AdminAudit audit) {
    this.jdbc = jdbc;
    this.authority = authority;
    this.audit = audit;
  }

  /**
   * An admin erases a person of the tenant. Refused, with nothing changed, for anyone else, for the
   * admin themselves (another admin can), and for someone unknown or already erased.
   */
  @Transactional
  public Outcome<String> erase(TenantId tenant, long adminId, long personId) {
    Optional<Refusal> no = refusal(tenant, adminId, personId);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (!erase(tenant, personId)) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    String pseudonym = "#" + personId;
    audit.record(tenant, adminId, AdminAudit.Kind.ERASED, Map.of("person", pseudonym));
    return Outcome.done(pseudonym);
  }

  /**
   * Why this admin may not erase this person, asked before the confirmation is even shown: only
   * admins erase, and never themselves (another admin can).
   */
  @Transactional(readOnly = true)
  public Optional<Refusal> refusal(TenantId tenant, long adminId, long personId) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.ERASE_PERSON);
    if (no.isPresent()) {
      return no;
    }
    return adminId == personId
        ? Optional.of(new Refusal(ReasonCode.ERASE_SELF, new Object[0]))
        : Optional.empty();
  }

  /**
   * Erases the people deactivated longer ago than their company's retention period, at most {@code
   * limit} per call (rows locked and skipped by a concurrent run). Returns how many.
   */
  @Transactional
  public int eraseExpired(int limit) {
    List<long[]> due =
        jdbc.sql(
                """
                select e.tenant_id, e.id from employee e join tenant t on t.id = e.tenant_id
                where e.deactivated_at is not null and e.erased_at is null
                  and e.deactivated_at < now() - make_interval(days => t.retention_days)
                order by e.deactivated_at limit ? for update of e skip locked""")
            .param(limit)
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .list();
    for (long[] d : due) {
      TenantId tenant = new TenantId(d[0]);
      if (erase(tenant, d[1])) {
        audit.recordPlatform(
            tenant,
            RETENTION,
            AdminAudit.Kind.ERASED,
            Map.of("person", "#" + d[1], "after", "retention"));
      }
    }
    return due.size();
  }

  /** The erasure itself; false when the person is unknown or already erased. */
  private boolean erase(TenantId tenant, long id) {
    long t = tenant.value();
    Optional<String[]> was =
        jdbc.sql(
                """
                select display_name, coalesce(email, '') from employee
                where tenant_id = ? and id = ? and erased_at is null for update""")
            .params(t, id)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .optional();
    if (was.isEmpty()) {
      return false;
    }
    String pseudonym = "#" + id;
    // Site, department and country stay: the hours and commitments count where they were.
    jdbc.sql(
            """
            update employee set display_name = ?, email = null, manager_id = null,
                   skills = '{}', causes = '{}', languages = '{}', availability = 0,
                   place_name = null, place_country = null, lat = null, lon = null,
                   is_csr_manager = false, is_admin = false, monthly_report = false,
                   erased_at = now()
            where tenant_id = ? and id = ?""")
        .params(pseudonym, t, id)
        .update();
    jdbc.sql("update employee set manager_id = null where tenant_id = ? and manager_id = ?")
        .params(t, id)
        .update();
    for (String sql :
        List.of(
            "delete from chat_identity where tenant_id = ? and employee_id = ?",
            // The identity provider's account (userName, names): a later push makes a new person.
            "delete from scim_user where tenant_id = ? and employee_id = ?",
            "delete from teams_conversation where tenant_id = ? and employee_id = ?",
            "delete from mission_dismissal where tenant_id = ? and employee_id = ?",
            // A form set aside mid-way holds what the person typed.
            "delete from parked_form where tenant_id = ? and employee_id = ?",
            "delete from notification where tenant_id = ? and employee_id = ? and sent_at is null",
            "delete from report_file where tenant_id = ? and employee_id = ?",
            // Requests already answered keep what the person typed until the weekly purge.
            "delete from inbox where tenant_id = ? and employee_id = ? and status in ('DONE', 'FAILED')",
            "update hour_entry set note = '', decision_note = null where tenant_id = ? and employee_id = ?",
            "update commitment set decision_note = null where tenant_id = ? and employee_id = ?")) {
      jdbc.sql(sql).params(t, id).update();
    }
    // The admin trail keeps who acted and whom a role was given to by name: those become "#12".
    jdbc.sql("update admin_audit set actor_name = ? where tenant_id = ? and actor_id = ?")
        .params(pseudonym, t, id)
        .update();
    jdbc.sql(
            """
            update admin_audit set detail = jsonb_set(detail, '{person}', to_jsonb(?::text))
            where tenant_id = ? and detail ->> 'person' in (?, ?)""")
        .params(pseudonym, t, was.get()[0], was.get()[1])
        .update();
    return true;
  }
}
