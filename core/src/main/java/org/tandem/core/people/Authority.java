package org.tandem.core.people;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.tenants.TenantId;

/**
 * Who may do what, decided once for every use case: each one that acts for a person asks here
 * before it changes or shows anything, so a crafted Slack payload, Teams invoke or API call meets
 * the same rule as the chat. Conversations may ask too, for an early and friendly "you may not",
 * but the use case decides.
 *
 * <p>Line manager is no role: it is the person's manager in the directory, so rules about someone
 * else's request take the {@link Subject} it concerns.
 */
@Service
public class Authority {

  /** What a person asks to do. */
  public enum Action {
    /** Change the company policy (allowance, approvals, valuation, country rules). */
    EDIT_POLICY(ReasonCode.ADMINS_ONLY, Role.ADMIN),
    /** Grant or revoke the CSR manager or admin role. */
    GRANT_ROLE(ReasonCode.ADMINS_ONLY, Role.ADMIN),
    /** Issue or redeem a code linking Slack and Teams. */
    LINK_TENANT(ReasonCode.ADMINS_ONLY, Role.ADMIN),
    /** Import people or missions in bulk. */
    IMPORT(ReasonCode.ADMINS_ONLY, Role.ADMIN),
    /** Connect the company directory: issue the SCIM token of the identity provider. */
    CONNECT_DIRECTORY(ReasonCode.ADMINS_ONLY, Role.ADMIN),
    /** Erase a person's name and contacts (their hours stay, anonymously). */
    ERASE_PERSON(ReasonCode.ADMINS_ONLY, Role.ADMIN),
    /** See and edit one person's site, department, country and line manager. */
    EDIT_DIRECTORY(ReasonCode.ADMINS_ONLY, Role.ADMIN),
    /** Read the trail of admin actions. */
    READ_ADMIN_AUDIT(ReasonCode.ADMINS_ONLY, Role.ADMIN),
    /** Read the setup checklist, skip the directory, mark the announcement shown. */
    SET_UP(ReasonCode.ADMINS_ONLY, Role.ADMIN),
    /** Participation reports: CSR managers and admins. */
    SEE_REPORTS(ReasonCode.CSR_MANAGERS_ONLY, Role.CSR_MANAGER, Role.ADMIN),
    /** The names on one mission: its organiser, CSR managers and admins. */
    SEE_ROSTER(ReasonCode.ORGANISERS_ONLY, Role.CSR_MANAGER, Role.ADMIN),
    /** Create a mission. */
    CREATE_MISSION(ReasonCode.CSR_MANAGERS_ONLY, Role.CSR_MANAGER),
    /** Register, edit or archive an association: CSR managers and admins. */
    MANAGE_ASSOCIATIONS(ReasonCode.CSR_MANAGERS_ONLY, Role.CSR_MANAGER, Role.ADMIN),
    /** Edit, publish, close or cancel a mission: its organiser or a CSR manager. */
    EDIT_MISSION(ReasonCode.CSR_MANAGERS_ONLY, Role.CSR_MANAGER),
    /** Approve or reject someone's hours: their line manager or a CSR manager, never oneself. */
    DECIDE_HOURS(ReasonCode.CSR_MANAGERS_ONLY, Role.CSR_MANAGER),
    /**
     * Approve or decline someone's commitment: their line manager or a CSR manager, not oneself.
     */
    DECIDE_COMMITMENT(ReasonCode.CSR_MANAGERS_ONLY, Role.CSR_MANAGER),
    /** Cancel or complete a commitment: its owner or a CSR manager. */
    CHANGE_COMMITMENT(ReasonCode.NOT_YOURS, Role.CSR_MANAGER),
    /** Launch, change, cancel and follow campaigns: CSR managers. */
    RUN_CAMPAIGNS(ReasonCode.CSR_MANAGERS_ONLY, Role.CSR_MANAGER),
    /** Log hours on a commitment: its owner only. */
    LOG_HOURS(ReasonCode.NOT_YOURS),
    /** Accept or pass a seat offered from the waiting list: the person it is offered to only. */
    ANSWER_OFFER(ReasonCode.NOT_YOURS);

    private final ReasonCode refusal;
    private final Set<Role> roles;

    Action(ReasonCode refusal, Role... roles) {
      this.refusal = refusal;
      this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
    }

    /** The roles that may always do it, whoever the subject. */
    public Set<Role> roles() {
      return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
  }

  /**
   * What a request concerns, when the rule depends on it: the person whose commitment or hours it
   * is, that person's line manager, the mission's organiser. Null when not known or not relevant.
   */
  public record Subject(Long owner, Long ownersManager, Long organiser) {
    public static final Subject NONE = new Subject(null, null, null);

    public static Subject ownedBy(long owner, Long ownersManager) {
      return new Subject(owner, ownersManager, null);
    }

    public static Subject organisedBy(Long organiser) {
      return new Subject(null, null, organiser);
    }
  }

  private final JdbcClient jdbc;

  Authority(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The rule itself: why {@code actor}, holding {@code roles}, may not do {@code action} on {@code
   * subject}, or empty when they may.
   */
  public static Optional<Refusal> refusal(
      long actor, Set<Role> roles, Action action, Subject subject) {
    boolean byRole = action.roles.stream().anyMatch(roles::contains);
    boolean owner = subject.owner() != null && subject.owner() == actor;
    boolean lineManager = subject.ownersManager() != null && subject.ownersManager() == actor;
    boolean organiser = subject.organiser() != null && subject.organiser() == actor;
    boolean allowed =
        switch (action) {
          case SEE_ROSTER, EDIT_MISSION -> byRole || organiser;
          case DECIDE_HOURS, DECIDE_COMMITMENT -> byRole || lineManager;
          case CHANGE_COMMITMENT, LOG_HOURS, ANSWER_OFFER -> byRole || owner;
          default -> byRole;
        };
    if (!allowed) {
      return Optional.of(new Refusal(action.refusal, new Object[0]));
    }
    if ((action == Action.DECIDE_HOURS || action == Action.DECIDE_COMMITMENT) && owner) {
      return Optional.of(new Refusal(ReasonCode.SELF_APPROVAL, new Object[0]));
    }
    return Optional.empty();
  }

  /** Whether a person holding {@code roles} may do an action that concerns no one in particular. */
  public static boolean may(long actor, Set<Role> roles, Action action) {
    return refusal(actor, roles, action, Subject.NONE).isEmpty();
  }

  /**
   * The rule applied to a person of the tenant as they are in the database now: someone unknown in
   * the tenant holds no role. Use cases call this inside their transaction.
   */
  @Transactional(readOnly = true)
  public Optional<Refusal> refusal(TenantId tenant, long actor, Action action, Subject subject) {
    return refusal(actor, roles(tenant, actor), action, subject);
  }

  @Transactional(readOnly = true)
  public Optional<Refusal> refusal(TenantId tenant, long actor, Action action) {
    return refusal(tenant, actor, action, Subject.NONE);
  }

  /**
   * Who is asked to decide on a person's commitment or hours: their line manager when they have an
   * active one who is not themselves, else ({@code lineManager} null) the CSR managers. The person
   * is never among them: nobody is asked to approve their own request.
   */
  public record Approvers(Long lineManager, java.util.List<Long> csrManagers) {}

  /** The {@link Approvers} of {@code employeeId}'s requests, as the directory says now. */
  @Transactional(readOnly = true)
  public Approvers approvers(TenantId tenant, long employeeId) {
    Long manager =
        jdbc.sql(
                """
                select m.id from employee e
                join employee m on m.tenant_id = e.tenant_id and m.id = e.manager_id
                where e.tenant_id = ? and e.id = ? and m.id <> e.id
                  and m.deactivated_at is null and m.erased_at is null""")
            .params(tenant.value(), employeeId)
            .query(Long.class)
            .optional()
            .orElse(null);
    return new Approvers(manager, csrManagers(tenant, employeeId));
  }

  /** The active CSR managers of the tenant, but the person their decision would concern. */
  @Transactional(readOnly = true)
  public java.util.List<Long> csrManagers(TenantId tenant, long concerning) {
    return jdbc.sql(
            """
            select id from employee where tenant_id = ? and is_csr_manager and id <> ?
              and deactivated_at is null and erased_at is null order by id""")
        .params(tenant.value(), concerning)
        .query(Long.class)
        .list();
  }

  /**
   * The person's roles now; none for someone who is not an employee of the tenant, or whom the
   * company directory deactivated.
   */
  @Transactional(readOnly = true)
  public Set<Role> roles(TenantId tenant, long employeeId) {
    return jdbc.sql(
            """
            select is_employee, is_csr_manager, is_admin from employee
            where tenant_id = ? and id = ? and deactivated_at is null""")
        .params(tenant.value(), employeeId)
        .query(
            (rs, n) -> {
              Set<Role> roles = EnumSet.noneOf(Role.class);
              if (rs.getBoolean(1)) {
                roles.add(Role.EMPLOYEE);
              }
              if (rs.getBoolean(2)) {
                roles.add(Role.CSR_MANAGER);
              }
              if (rs.getBoolean(3)) {
                roles.add(Role.ADMIN);
              }
              return roles;
            })
        .optional()
        .orElseGet(() -> EnumSet.noneOf(Role.class));
  }
}
