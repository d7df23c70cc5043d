package org.tandem.core.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.text.SearchText;

/** Campaigns in the database: read, and their missions written; the rules are the callers'. */
@Component
class CampaignRows {

  private static final String COLUMNS =
      """
      c.id, c.tenant_id, c.name, c.message, c.audience, c.audience_value, c.send_on, c.status,
      c.channel_result, c.sent_at, c.created_by,
      array(select mission_id from campaign_mission x
            where x.tenant_id = c.tenant_id and x.campaign_id = c.id order by position)""";

  private final JdbcClient jdbc;

  CampaignRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Campaign> find(TenantId tenant, long id) {
    return jdbc.sql("select " + COLUMNS + " from campaign c where c.tenant_id = ? and c.id = ?")
        .params(tenant.value(), id)
        .query(CampaignRows::campaign)
        .optional();
  }

  Optional<Campaign> named(TenantId tenant, String name) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + """
                 from campaign c where c.tenant_id = ? and lower(c.name) = lower(?)
                order by c.status = 'CANCELLED', c.id desc limit 1""")
        .params(tenant.value(), name)
        .query(CampaignRows::campaign)
        .optional();
  }

  List<Campaign> latest(TenantId tenant, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from campaign c where c.tenant_id = ? order by c.id desc limit ?")
        .params(tenant.value(), limit)
        .query(CampaignRows::campaign)
        .list();
  }

  boolean nameTaken(TenantId tenant, String name, Long self) {
    return jdbc.sql(
                """
            select count(*) from campaign where tenant_id = ? and lower(name) = lower(?)
              and status <> 'CANCELLED' and id <> coalesce(?, -1)""")
            .params(tenant.value(), name, self)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Empty when the mission is open; its title when it is not; "" when it is not the tenant's. */
  Optional<String> notOpen(TenantId tenant, long mission) {
    Optional<String[]> row =
        jdbc.sql("select status, title from mission where tenant_id = ? and id = ?")
            .params(tenant.value(), mission)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .optional();
    if (row.isEmpty()) {
      return Optional.of("");
    }
    return "OPEN".equals(row.get()[0]) ? Optional.empty() : Optional.of(row.get()[1]);
  }

  void missions(TenantId tenant, long campaign, List<Long> missions) {
    jdbc.sql("delete from campaign_mission where tenant_id = ? and campaign_id = ?")
        .params(tenant.value(), campaign)
        .update();
    for (int i = 0; i < missions.size(); i++) {
      jdbc.sql(
              """
              insert into campaign_mission (tenant_id, campaign_id, mission_id, position)
              values (?, ?, ?, ?)""")
          .params(tenant.value(), campaign, missions.get(i), i)
          .update();
    }
  }

  /** The sites or departments of the company's active people, sorted. */
  List<String> values(TenantId tenant, Audience audience) {
    String column =
        switch (audience) {
          case SITE -> "site";
          case DEPARTMENT -> "department";
          default -> null;
        };
    if (column == null) {
      return List.of();
    }
    return jdbc.sql(
            """
            select distinct %1$s from employee
            where tenant_id = ? and is_employee and deactivated_at is null and %1$s is not null
            order by 1"""
                .formatted(column))
        .params(tenant.value())
        .query(String.class)
        .list();
  }

  List<MissionChoice> openMissions(TenantId tenant, String query, int limit) {
    List<String> words =
        query == null || query.isBlank()
            ? List.of()
            : Arrays.asList(SearchText.fold(query).split("\\s+"));
    List<MissionChoice> found = new ArrayList<>();
    jdbc.sql(
            """
            select id, title from mission where tenant_id = ? and status = 'OPEN'
            order by id desc limit 500""")
        .params(tenant.value())
        .query(
            rs -> {
              String title = rs.getString(2);
              String folded = SearchText.fold(title);
              if (found.size() < limit && words.stream().allMatch(folded::contains)) {
                found.add(new MissionChoice(rs.getLong(1), title));
              }
            });
    return found;
  }

  int recipients(TenantId tenant, long id) {
    return jdbc.sql(
            """
            select count(*) from notification
            where tenant_id = ? and kind = 'CAMPAIGN' and payload = ?""")
        .params(tenant.value(), Long.toString(id))
        .query(Integer.class)
        .single();
  }

  CampaignFigures figures(TenantId tenant, long id) {
    return jdbc.sql(
            """
            select
              (select count(*) from notification n where n.tenant_id = :t and n.kind = 'CAMPAIGN'
                 and n.payload = :p and n.sent_at is not null),
              (select count(*) from campaign_click k where k.tenant_id = :t and k.campaign_id = :c),
              (select count(*) from campaign_commitment a
                 where a.tenant_id = :t and a.campaign_id = :c),
              (select coalesce(sum(h.minutes) filter (where h.status = 'APPROVED'), 0)
               from campaign_commitment a
               join hour_entry h on h.tenant_id = a.tenant_id and h.commitment_id = a.commitment_id
               where a.tenant_id = :t and a.campaign_id = :c),
              (select coalesce(sum(h.minutes) filter (where h.status = 'PENDING'), 0)
               from campaign_commitment a
               join hour_entry h on h.tenant_id = a.tenant_id and h.commitment_id = a.commitment_id
               where a.tenant_id = :t and a.campaign_id = :c)""")
        .param("t", tenant.value())
        .param("c", id)
        .param("p", Long.toString(id))
        .query(
            (rs, n) ->
                new CampaignFigures(
                    rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
        .single();
  }

  static Campaign campaign(ResultSet rs, int n) throws SQLException {
    java.sql.Date on = rs.getDate(7);
    java.sql.Timestamp sent = rs.getTimestamp(10);
    Long[] missions = (Long[]) rs.getArray(12).getArray();
    return new Campaign(
        rs.getLong(1),
        new TenantId(rs.getLong(2)),
        rs.getString(3),
        rs.getString(4),
        List.of(missions),
        Audience.valueOf(rs.getString(5)),
        rs.getString(6),
        on == null ? null : on.toLocalDate(),
        Campaign.Status.valueOf(rs.getString(8)),
        rs.getString(9),
        sent == null ? null : sent.toInstant(),
        rs.getLong(11));
  }
}
