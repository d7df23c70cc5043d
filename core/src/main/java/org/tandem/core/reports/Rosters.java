package org.tandem.core.reports;

import java.sql.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.people.Authority;
import org.tandem.core.tenants.TenantId;

/**
 * Per-mission rosters: the only place reports name people, so only the mission's organiser (who
 * created it) and the tenant's CSR managers and admins get one; every request is audited.
 */
@Service
public class Rosters {

  private final JdbcClient jdbc;
  private final Authority authority;

  Rosters(JdbcClient jdbc, Authority authority) {
    this.jdbc = jdbc;
    this.authority = authority;
  }

  @Transactional
  public Outcome<Roster> roster(TenantId tenant, long requesterId, long missionId, String channel) {
    record MissionRow(
        long id,
        String title,
        String association,
        Date first,
        Date last,
        int capacity,
        Long organiser) {}
    Optional<MissionRow> mission =
        jdbc.sql(
                """
                select m.id, m.title, a.name, m.first_date, m.last_date, m.capacity, m.created_by
                from mission m join association a on a.tenant_id = m.tenant_id and a.id = m.association_id
                where m.tenant_id = ? and m.id = ?""")
            .params(tenant.value(), missionId)
            .query(
                (rs, n) ->
                    new MissionRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4),
                        rs.getDate(5),
                        rs.getInt(6),
                        (Long) rs.getObject(7)))
            .optional();
    if (mission.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    MissionRow m = mission.get();
    Optional<org.tandem.core.common.Refusal> no =
        authority.refusal(
            tenant,
            requesterId,
            Authority.Action.SEE_ROSTER,
            Authority.Subject.organisedBy(m.organiser()));
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    jdbc.sql(
            """
            insert into report_audit (tenant_id, employee_id, kind, mission_id, channel)
            values (?, ?, 'ROSTER', ?, ?)""")
        .params(tenant.value(), requesterId, missionId, channel)
        .update();
    List<Roster.Entry> entries =
        jdbc.sql(
                """
                select e.display_name, e.email, c.status,
                       coalesce(sum(h.minutes) filter (where h.status = 'APPROVED'), 0),
                       coalesce(sum(h.minutes) filter (where h.status = 'PENDING'), 0),
                       (select count(*) from hours_proposal p
                        where p.tenant_id = c.tenant_id and p.commitment_id = c.id
                          and p.state = 'NO_SHOW')
                from commitment c
                join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
                left join hour_entry h on h.tenant_id = c.tenant_id and h.commitment_id = c.id
                where c.tenant_id = ? and c.mission_id = ? and c.status <> 'CANCELLED'
                group by c.id, e.display_name, e.email, c.status
                order by case c.status when 'CONFIRMED' then 0 when 'COMPLETED' then 1
                                       when 'PENDING_APPROVAL' then 2 when 'OFFERED' then 3
                                       else 4 end, c.id""")
            .params(tenant.value(), missionId)
            .query(
                (rs, n) ->
                    new Roster.Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getInt(6)))
            .list();
    return Outcome.done(
        new Roster(
            m.id(),
            m.title(),
            m.association(),
            m.first() == null ? null : m.first().toLocalDate(),
            m.last() == null ? null : m.last().toLocalDate(),
            m.capacity(),
            entries));
  }

  /**
   * Whether this person may see the mission's roster: its organiser (who created it), CSR managers
   * and admins. Asked before a Roster button is shown, so the button never leads to a refusal.
   */
  @Transactional(readOnly = true)
  public boolean maySee(TenantId tenant, long requesterId, long missionId) {
    Optional<Long> organiser =
        jdbc.sql("select created_by from mission where tenant_id = ? and id = ?")
            .params(tenant.value(), missionId)
            .query((rs, n) -> Optional.ofNullable((Long) rs.getObject(1)))
            .optional()
            .orElse(null);
    return organiser != null && maySee(tenant, requesterId, organiser.orElse(null));
  }

  private boolean maySee(TenantId tenant, long requesterId, Long organiser) {
    return authority
        .refusal(
            tenant,
            requesterId,
            Authority.Action.SEE_ROSTER,
            Authority.Subject.organisedBy(organiser))
        .isEmpty();
  }

  /** A mission a roster can be asked for: its number and title. */
  public record MissionRef(long id, String title) {}

  /** Missions whose number is {@code text} or whose title contains it (newest first, at most 5). */
  @Transactional(readOnly = true)
  public List<MissionRef> find(TenantId tenant, String text) {
    String t = text.strip().replaceFirst("^#", "");
    if (t.matches("\\d{1,18}")) {
      return jdbc.sql("select id, title from mission where tenant_id = ? and id = ?")
          .params(tenant.value(), Long.parseLong(t))
          .query((rs, n) -> new MissionRef(rs.getLong(1), rs.getString(2)))
          .list();
    }
    return jdbc.sql(
            """
            select id, title from mission
            where tenant_id = ? and status <> 'DRAFT' and title ilike '%' || ? || '%'
            order by id desc limit 5""")
        .params(tenant.value(), t.replace("\\", "").replace("%", "").replace("_", ""))
        .query((rs, n) -> new MissionRef(rs.getLong(1), rs.getString(2)))
        .list();
  }
}
