package org.tandem.core.proposals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.tenants.TenantId;

/** Reading and writing proposal rows, for the jobs and the answers. */
final class ProposalRows {

  private ProposalRows() {}

  static final String SELECT =
      """
      select id, commitment_id, employee_id, mission_id, session_starts, work_date, minutes, state,
             stands_at, hour_entry_id, outcome_note
      from hours_proposal""";

  static HoursProposal row(ResultSet rs, int n) throws SQLException {
    return new HoursProposal(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getTimestamp(5).toInstant(),
        rs.getDate(6).toLocalDate(),
        rs.getInt(7),
        ProposalState.valueOf(rs.getString(8)),
        rs.getTimestamp(9).toInstant(),
        (Long) rs.getObject(10),
        rs.getString(11));
  }

  static Optional<HoursProposal> find(JdbcClient jdbc, TenantId tenant, long id) {
    return jdbc.sql(SELECT + " where tenant_id = ? and id = ?")
        .params(tenant.value(), id)
        .query(ProposalRows::row)
        .optional();
  }

  /** The proposal, its row locked until the transaction ends: it is answered once. */
  static Optional<HoursProposal> lock(JdbcClient jdbc, TenantId tenant, long id) {
    return jdbc.sql(SELECT + " where tenant_id = ? and id = ? for update")
        .params(tenant.value(), id)
        .query(ProposalRows::row)
        .optional();
  }

  static void settle(
      JdbcClient jdbc,
      TenantId tenant,
      long id,
      ProposalState state,
      Long hourEntryId,
      String note,
      java.time.Instant now) {
    jdbc.sql(
            """
            update hours_proposal set state = ?, hour_entry_id = ?, outcome_note = ?,
                                      answered_at = ?
            where tenant_id = ? and id = ?""")
        .params(state.name(), hourEntryId, note, java.sql.Timestamp.from(now), tenant.value(), id)
        .update();
  }

  /** Hours the person logged that day on that commitment, not rejected (other than {@code but}). */
  static boolean hoursLogged(JdbcClient jdbc, TenantId tenant, HoursProposal p, Long but) {
    return jdbc.sql(
            """
            select exists (select 1 from hour_entry
                           where tenant_id = ? and commitment_id = ? and work_date = ?
                             and status <> 'REJECTED' and id <> coalesce(?, 0))""")
        .params(tenant.value(), p.commitmentId(), java.sql.Date.valueOf(p.date()), but)
        .query(Boolean.class)
        .single();
  }
}
