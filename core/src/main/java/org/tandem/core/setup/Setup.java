package org.tandem.core.setup;

import java.util.EnumMap;
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
 * The setup checklist of a company, computed from what exists rather than ticked: the policy is set
 * once an admin saved it (or it was configured with an allowance or a rate), the directory once
 * someone has a site, a department or a manager, or an identity provider holds a SCIM token (or an
 * admin skipped it), associations and missions once there is one. Only the announcement and
 * skipping the directory are marked, by an admin, and recorded in the admin trail.
 */
@Service
public class Setup {

  private final JdbcClient jdbc;
  private final Authority authority;
  private final AdminAudit audit;

  Setup(JdbcClient jdbc, Authority authority, AdminAudit audit) {
    this.jdbc = jdbc;
    this.authority = authority;
    this.audit = audit;
  }

  /** Where the company's setup stands, for an admin; anyone else is refused and reads nothing. */
  @Transactional(readOnly = true)
  public Outcome<Checklist> read(TenantId tenant, long readerId) {
    Optional<Refusal> no = authority.refusal(tenant, readerId, Authority.Action.SET_UP);
    return no.isPresent() ? Outcome.refused(no.get()) : Outcome.done(state(tenant));
  }

  /** Where the company's setup stands (no reader: the App Home asks before it offers it). */
  @Transactional(readOnly = true)
  public Checklist state(TenantId tenant) {
    Map<Step, Checklist.Status> steps = new EnumMap<>(Step.class);
    long t = tenant.value();
    steps.put(
        Step.POLICY,
        exists(
                """
                select exists (select 1 from admin_audit where tenant_id = ? and action = 'POLICY_CHANGED')
                    or exists (select 1 from tenant where id = ?
                               and (yearly_allowance_hours > 0 or hourly_rate > 0))""",
                t,
                t)
            ? Checklist.Status.DONE
            : Checklist.Status.TO_DO);
    boolean directory =
        exists(
            """
            select exists (select 1 from employee where tenant_id = ?
                           and (site is not null or department is not null or manager_id is not null))
                or exists (select 1 from scim_token where tenant_id = ?)""",
            t,
            t);
    steps.put(
        Step.DIRECTORY,
        directory
            ? Checklist.Status.DONE
            : marked(tenant, Step.DIRECTORY) ? Checklist.Status.SKIPPED : Checklist.Status.TO_DO);
    steps.put(
        Step.ASSOCIATIONS,
        exists("select exists (select 1 from association where tenant_id = ?)", t)
            ? Checklist.Status.DONE
            : Checklist.Status.TO_DO);
    steps.put(
        Step.MISSION,
        exists("select exists (select 1 from mission where tenant_id = ?)", t)
            ? Checklist.Status.DONE
            : Checklist.Status.TO_DO);
    steps.put(
        Step.ANNOUNCEMENT,
        marked(tenant, Step.ANNOUNCEMENT) ? Checklist.Status.DONE : Checklist.Status.TO_DO);
    return new Checklist(steps);
  }

  /**
   * An admin skips the directory or has been shown the announcement. Only those two steps are
   * marked by hand; the others are done by doing them. Marking twice changes nothing more.
   */
  @Transactional
  public Outcome<Checklist> mark(TenantId tenant, long adminId, Step step) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.SET_UP);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (!step.markable()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    // A directory already filled (SCIM, a file) is done: skipping it would record a skip that
    // did not happen (a stale or crafted button).
    if (step == Step.DIRECTORY && state(tenant).status(step) == Checklist.Status.DONE) {
      return Outcome.refused(ReasonCode.SETUP_STEP_DONE);
    }
    int added =
        jdbc.sql(
                """
                insert into setup_step (tenant_id, step, marked_by) values (?, ?, ?)
                on conflict do nothing""")
            .params(tenant.value(), step.name(), adminId)
            .update();
    if (added > 0) {
      audit.record(tenant, adminId, AdminAudit.Kind.SETUP_STEP, Map.of("step", step.name()));
    }
    return Outcome.done(state(tenant));
  }

  private boolean marked(TenantId tenant, Step step) {
    return exists(
        "select exists (select 1 from setup_step where tenant_id = ? and step = ?)",
        tenant.value(),
        step.name());
  }

  private boolean exists(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Boolean.class).single();
  }
}
