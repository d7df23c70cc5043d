package org.tandem.core.campaigns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.Outcome;
import org.tandem.core.tenants.TenantId;

/**
 * What people do with a campaign's message: a button pressed counts once per person (clicked), and
 * a commitment made from it is attributed to it (committed, and the hours logged on it). A button
 * carrying the id of a campaign that never went out, or of another company's, counts nothing.
 */
@Service
public class CampaignResponses {

  private final JdbcClient jdbc;
  private final Commitments commitments;

  CampaignResponses(JdbcClient jdbc, Commitments commitments) {
    this.jdbc = jdbc;
    this.commitments = commitments;
  }

  /** A button of the campaign's message pressed by the person: counted once. */
  @Transactional
  public void clicked(TenantId tenant, long employeeId, long campaignId) {
    jdbc.sql(
            """
            insert into campaign_click (tenant_id, campaign_id, employee_id)
            select c.tenant_id, c.id, e.id from campaign c
            join employee e on e.tenant_id = c.tenant_id and e.id = ?
            where c.tenant_id = ? and c.id = ? and c.status in ('SENDING', 'SENT')
            on conflict do nothing""")
        .params(employeeId, tenant.value(), campaignId)
        .update();
  }

  /**
   * Commits the person from the campaign's message (the same seat rules as any commit); a new
   * commitment to one of the campaign's missions is attributed to it. The press counts as a click
   * whatever the answer.
   */
  @Transactional
  public Outcome<Commitment> commit(
      TenantId tenant, long employeeId, long missionId, boolean declared, long campaignId) {
    clicked(tenant, employeeId, campaignId);
    Outcome<Commitment> outcome = commitments.commit(tenant, employeeId, missionId, declared);
    if (outcome.isDone() && !outcome.value().repeated()) {
      jdbc.sql(
              """
              insert into campaign_commitment (tenant_id, commitment_id, campaign_id)
              select m.tenant_id, ?, m.campaign_id from campaign_mission m
              join campaign c on c.tenant_id = m.tenant_id and c.id = m.campaign_id
              where m.tenant_id = ? and m.campaign_id = ? and m.mission_id = ?
                and c.status in ('SENDING', 'SENT')
              on conflict do nothing""")
          .params(outcome.value().id(), tenant.value(), campaignId, missionId)
          .update();
    }
    return outcome;
  }
}
