package org.tandem.core.matching;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.availability.Availability;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Profile;
import org.tandem.core.places.Place;
import org.tandem.core.tenants.TenantId;

/**
 * Proposes open missions to an employee, best first. Candidate generation is bounded: per skill of
 * the person, the nearest on-site missions (GiST on {@code mission_skill_index}) and the newest
 * remote ones (its primary key); the nearest missions of any skill and the newest remote ones.
 * Every candidate, a few hundred at most, is then scored exactly: shared skills weigh most, then
 * distance within the travel range, shared slots, causes and language.
 */
@Service
public class Matching {

  /** Nearest on-site missions per skill of the person, and nearest of any skill, per query. */
  static final int NEAR_WITH_SKILL = 25;

  static final int NEAR_ANY = 25;
  static final int REMOTE_PER_SKILL = 25;
  static final int REMOTE_ANY = 25;

  private final JdbcClient jdbc;
  private final People people;
  private final Clock clock;

  Matching(JdbcClient jdbc, People people, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** The employee's best missions, {@code limit} of them after skipping {@code offset}. */
  @Transactional(readOnly = true)
  public List<Proposal> propose(
      TenantId tenant, long employeeId, MatchQuery query, int limit, int offset) {
    Optional<Employee> employee = people.find(tenant, employeeId);
    if (employee.isEmpty()) {
      return List.of();
    }
    return propose(
        tenant,
        employeeId,
        employee.get().profile(),
        employee.get().timeZone(),
        query,
        limit,
        offset);
  }

  /** "Not for me": the mission is not proposed to this person again. Repeating it is harmless. */
  @Transactional
  public void dismiss(TenantId tenant, long employeeId, long missionId) {
    jdbc.sql(
            """
            insert into mission_dismissal (tenant_id, employee_id, mission_id)
            select m.tenant_id, e.id, m.id
            from mission m join employee e on e.tenant_id = m.tenant_id and e.id = ?
            where m.tenant_id = ? and m.id = ?
            on conflict do nothing""")
        .params(employeeId, tenant.value(), missionId)
        .update();
  }

  List<Proposal> propose(
      TenantId tenant,
      long employeeId,
      Profile profile,
      ZoneId zone,
      MatchQuery query,
      int limit,
      int offset) {
    Place origin = query.near() != null ? query.near() : profile.place();
    String fromPlace = origin == null ? null : origin.name();
    // The planner's cost estimate of this query is high enough to trigger JIT compilation, which
    // costs more (10-20 ms) than the whole bounded query: switch it off for this transaction.
    jdbc.sql("set local jit = off").update();
    return jdbc.sql(SQL)
        .params(parameters(tenant, employeeId, profile, zone, query, limit, offset))
        .query((rs, n) -> proposal(rs, fromPlace))
        .list();
  }

  /** The query plan of the employee's first page, with timings: for diagnosis and benchmarks. */
  @Transactional(readOnly = true)
  public String explain(TenantId tenant, long employeeId, MatchQuery query) {
    Employee e = people.find(tenant, employeeId).orElseThrow();
    jdbc.sql("set local jit = off").update();
    return String.join(
        "\n",
        jdbc.sql("explain (analyze, buffers) " + SQL)
            .params(parameters(tenant, employeeId, e.profile(), e.timeZone(), query, 10, 0))
            .query(String.class)
            .list());
  }

  private Map<String, Object> parameters(
      TenantId tenant,
      long employeeId,
      Profile profile,
      ZoneId zone,
      MatchQuery query,
      int limit,
      int offset) {
    Place origin = query.near() != null ? query.near() : profile.place();
    double range = Math.max(5, profile.travelKm());
    List<String> candidateSkills =
        query.skill() != null ? List.of(query.skill()) : profile.skills();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    int widen = Math.max(0, offset + limit - 10);

    Map<String, Object> p = new HashMap<>();
    p.put("t", tenant.value());
    p.put("e", employeeId);
    p.put("hasPlace", origin != null && !query.remoteOnly());
    p.put("lat", origin == null ? 0.0 : origin.lat());
    p.put("lon", origin == null ? 0.0 : origin.lon());
    double dLat = range / 111.2;
    double dLon =
        origin == null
            ? 0
            : range / (111.32 * Math.max(0.1, Math.cos(Math.toRadians(origin.lat()))));
    p.put("dlat", dLat);
    p.put("dlon", dLon);
    p.put("range", range);
    p.put("skills", String.join(",", profile.skills()));
    p.put("candSkills", String.join(",", candidateSkills));
    p.put("causes", String.join(",", profile.causes()));
    p.put("langs", String.join(",", profile.languages()));
    p.put("avail", profile.availability().bits());
    p.put("remoteOk", profile.remoteOk());
    p.put("remoteOnly", query.remoteOnly());
    p.put("cause", query.cause() == null ? "" : query.cause().name());
    p.put("skill", query.skill() == null ? "" : query.skill());
    p.put("window", query.from() != null);
    LocalDate from = query.from() != null ? query.from() : today;
    LocalDate to = query.to() != null ? query.to() : from.plusYears(10);
    p.put("fromTs", Timestamp.from(from.atStartOfDay(zone).toInstant()));
    p.put("toTs", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    p.put("today", java.sql.Date.valueOf(today));
    p.put("kNearSkill", NEAR_WITH_SKILL + widen);
    p.put("kNear", NEAR_ANY + widen);
    p.put("kSkill", REMOTE_PER_SKILL + widen);
    p.put("kRemote", REMOTE_ANY + widen);
    p.put("limit", limit);
    p.put("offset", offset);
    return p;
  }

  private static Proposal proposal(ResultSet rs, String fromPlace) throws SQLException {
    double km = rs.getDouble("km");
    Double distance = rs.wasNull() ? null : km;
    return new Proposal(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("association_name"),
        MissionMode.valueOf(rs.getString("mode")),
        rs.getString("place_name"),
        distance,
        fromPlace,
        strings(rs.getArray("shared_skills")),
        strings(rs.getArray("shared_causes")),
        new Availability(rs.getInt("common_slots")),
        rs.getBoolean("any_time"),
        rs.getInt("seats_left"),
        rs.getDouble("score"));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static final String SQL =
      """
      with candidates(id) as (
        select x.mission_id from unnest(string_to_array(:candSkills, ',')) s(skill)
        cross join lateral (
          select i.mission_id from mission_skill_index i
           where :hasPlace and i.tenant_id = :t and i.skill = s.skill and i.lat is not null
             and point(i.lon, i.lat) <@ box(point(:lon - :dlon, :lat - :dlat),
                                           point(:lon + :dlon, :lat + :dlat))
           order by point(i.lon, i.lat) <-> point(:lon, :lat)
           limit :kNearSkill) x
        union
        (select m.id from mission m
          where :hasPlace and m.tenant_id = :t and m.status = 'OPEN' and m.mode <> 'REMOTE'
            and point(m.lon, m.lat) <@ box(point(:lon - :dlon, :lat - :dlat),
                                          point(:lon + :dlon, :lat + :dlat))
            and (:cause = '' or m.causes @> array[cast(:cause as text)])
          order by point(m.lon, m.lat) <-> point(:lon, :lat)
          limit :kNear)
        union
        select x.mission_id from unnest(string_to_array(:candSkills, ',')) s(skill)
        cross join lateral (
          select i.mission_id from mission_skill_index i
           where i.tenant_id = :t and i.skill = s.skill and i.remote
           order by i.mission_id desc limit :kSkill) x
        union
        (select m.id from mission m
          where m.tenant_id = :t and m.status = 'OPEN' and m.mode <> 'ONSITE'
            and (:cause = '' or m.causes @> array[cast(:cause as text)])
          order by m.id desc
          limit :kRemote)
      ),
      facts as (
        select m.*, a.name as association_name,
          case when m.lat is null or not :hasPlace then null
               else 2 * 6371.0088 * asin(least(1, sqrt(
                      power(sin(radians(m.lat - :lat) / 2), 2)
                      + cos(radians(:lat)) * cos(radians(m.lat))
                        * power(sin(radians(m.lon - :lon) / 2), 2)))) end as km,
          array(select s from unnest(m.skills) with ordinality u(s, i)
                 where s = any(string_to_array(:skills, ',')) order by i) as shared_skills,
          array(select c from unnest(m.causes) with ordinality u(c, i)
                 where c = any(string_to_array(:causes, ',')) order by i) as shared_causes
        from candidates c
        join mission m on m.tenant_id = :t and m.id = c.id
        join association a on a.tenant_id = m.tenant_id and a.id = m.association_id
        where m.status = 'OPEN'
          and (m.last_date is null or m.last_date >= :today)
          and (not :remoteOnly or m.mode <> 'ONSITE')
          and (:cause = '' or m.causes @> array[cast(:cause as text)])
          and (:skill = '' or m.skills @> array[cast(:skill as text)])
          and (not :window or m.schedule = 'FLEXIBLE' or exists (
                select 1 from mission_session s
                 where s.tenant_id = m.tenant_id and s.mission_id = m.id
                   and s.starts_at >= :fromTs and s.starts_at < :toTs))
          and not exists (
                select 1 from commitment x
                 where x.tenant_id = m.tenant_id and x.mission_id = m.id
                   and x.employee_id = :e and x.status <> 'CANCELLED')
          and not exists (
                select 1 from mission_dismissal x
                 where x.tenant_id = m.tenant_id and x.employee_id = :e and x.mission_id = m.id)
      ),
      scored as (
        select f.*,
          3.0 * least(cardinality(f.shared_skills), 3)
          + case
              when f.mode = 'REMOTE' then case when :remoteOk then 1.5 else 0.3 end
              when f.km is not null and f.km <= :range
                then 2.0 * (1 - f.km / :range) + case when f.mode = 'HYBRID' then 0.2 else 0 end
              when f.mode = 'HYBRID' then case when :remoteOk then 1.5 else 0.3 end
              else 0 end
          + case when :avail = 0 then 0.5
                 when f.slots = 0 then 1.0
                 when (f.slots & :avail) <> 0 then 1.5
                 else 0 end
          + 1.0 * least(cardinality(f.shared_causes), 2)
          + case when cardinality(f.languages) = 0
                      or cardinality(string_to_array(:langs, ',')) = 0
                      or f.languages && string_to_array(:langs, ',') then 1.0
                 else -3.0 end as score
        from facts f
        where case f.mode
                when 'ONSITE' then f.km <= :range
                when 'REMOTE' then :remoteOk or :remoteOnly
                else f.km <= :range or :remoteOk or :remoteOnly end
      )
      select id, title, association_name, mode, place_name,
             case when mode = 'HYBRID' and km > :range then null else km end as km,
             shared_skills, shared_causes,
             slots & :avail as common_slots, slots = 0 as any_time,
             capacity - seats_taken as seats_left, score
      from scored
      order by score desc, km nulls last, id desc
      limit :limit offset :offset""";
}
