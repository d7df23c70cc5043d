package org.tandem.core.digest;

/**
 * The digest's one rule of fit, written once in SQL and used twice: by the weekly job for every
 * subscriber of a company at once, and when a digest is sent, for its person and missions as they
 * are then. Both define {@code due} (people) and {@code cand} (missions) before {@link #FIT}.
 */
final class DigestSql {

  private DigestSql() {}

  /**
   * A mission fits a person when it shares a skill or a cause with them, lies within their travel
   * range (on site) or they accept remote work (remote; either for hybrid), speaks a language of
   * theirs when both say, still has a session to come, and they neither committed to it nor
   * dismissed it. Scored as the matcher scores its proposals: skills, place, slots, causes.
   */
  static final String FIT =
      """
      pairs as (
        select e.id as employee_id, e.week, m.id as mission_id, m.title, m.mode,
               m.place_name as mission_place, m.capacity - m.seats_taken as seats_left,
               m.association_id, e.place_name as from_place, e.range, e.availability,
               m.slots, d.km,
               array(select s from unnest(m.skills) with ordinality u(s, i)
                      where s = any(e.skills) order by i) as shared_skills,
               array(select c from unnest(m.causes) with ordinality u(c, i)
                      where c = any(e.causes) order by i) as shared_causes
        from due e
        join cand m on m.published_at > e.since
        cross join lateral (
          select case when m.lat is null or e.lat is null then null
                      else 2 * 6371.0088 * asin(least(1, sqrt(
                             power(sin(radians(m.lat - e.lat) / 2), 2)
                             + cos(radians(e.lat)) * cos(radians(m.lat))
                               * power(sin(radians(m.lon - e.lon) / 2), 2)))) end as km) d
        where (e.skills && m.skills or e.causes && m.causes)
          and case m.mode
                when 'REMOTE' then e.remote_ok
                when 'ONSITE' then coalesce(d.km <= e.range, false)
                else e.remote_ok or coalesce(d.km <= e.range, false) end
          and (cardinality(m.languages) = 0 or cardinality(e.languages) = 0
               or m.languages && e.languages)
          and (m.last_date is null or m.last_date >= e.today)
          and not exists (
                select 1 from commitment x
                 where x.tenant_id = m.tenant_id and x.mission_id = m.id
                   and x.employee_id = e.id and x.status <> 'CANCELLED')
          and not exists (
                select 1 from mission_dismissal x
                 where x.tenant_id = m.tenant_id and x.employee_id = e.id and x.mission_id = m.id)
      ),
      scored as (
        select p.*,
          case when p.mode = 'HYBRID' and not coalesce(p.km <= p.range, false) then null
               else p.km end as shown_km,
          3.0 * least(cardinality(p.shared_skills), 3)
          + case
              when p.mode = 'REMOTE' then 1.5
              when p.km is not null and p.km <= p.range
                then 2.0 * (1 - p.km / p.range) + case when p.mode = 'HYBRID' then 0.2 else 0 end
              else 1.5 end
          + case when p.availability = 0 then 0.5
                 when p.slots = 0 then 1.0
                 when (p.slots & p.availability) <> 0 then 1.5
                 else 0 end
          + 1.0 * least(cardinality(p.shared_causes), 2) as score
        from pairs p
      )
      """;

  /** A person's facts as {@code due} needs them; {@code :now} and {@code :since} name the week. */
  static final String PERSON =
      """
      e.id, e.skills, e.causes, e.languages, e.availability, e.lat, e.lon, e.place_name,
      e.remote_ok, greatest(5, e.travel_km)::float8 as range,
      (cast(:now as timestamptz) at time zone e.time_zone)::date as today,
      to_char(cast(:now as timestamptz) at time zone e.time_zone, 'IYYY-"W"IW') as week
      """;

  /**
   * Every subscriber of company {@code :t} whose digest day it is in their own zone, from 08:00,
   * who has not had this week's yet, {@code :batch} of them after id {@code :after}: their picks
   * among the week's new missions are written to the outbox, and each is marked checked this week
   * (with or without a digest: nothing is sent when nothing new fits). Answers how many people were
   * checked, how many digests written, and the last id.
   */
  static final String WEEKLY =
      "with due as (select "
          + PERSON
          + """
          , greatest(cast(:weekAgo as timestamptz), coalesce(c.checked_at, '-infinity')) as since
            from employee e
            left join digest_check c on c.tenant_id = e.tenant_id and c.employee_id = e.id
            where e.tenant_id = :t and e.digest_day is not null and e.id > :after
              and e.deactivated_at is null and e.erased_at is null
              and extract(isodow from cast(:now as timestamptz) at time zone e.time_zone)
                  = e.digest_day
              and (cast(:now as timestamptz) at time zone e.time_zone)::time >= cast(:from as time)
              and (c.iso_week is null or c.iso_week
                   <> to_char(cast(:now as timestamptz) at time zone e.time_zone, 'IYYY-"W"IW'))
            order by e.id limit :batch
          ),
          cand as (
            select m.* from mission m
            where m.tenant_id = :t and m.status = 'OPEN'
              and m.published_at > cast(:weekAgo as timestamptz)
              and m.published_at <= cast(:now as timestamptz)
          ),
          """
          + FIT
          + """
          , ranked as (
            select s.employee_id, s.week, s.mission_id,
                   row_number() over (partition by s.employee_id
                                      order by s.score desc, s.mission_id desc) as rn
            from scored s
          ),
          picked as (
            select employee_id, week, string_agg(mission_id::text, ',' order by rn) as ids
            from ranked where rn <= :max group by employee_id, week
          ),
          checked as (
            insert into digest_check (tenant_id, employee_id, iso_week, checked_at)
            select :t, id, week, cast(:now as timestamptz) from due
            on conflict (tenant_id, employee_id)
              do update set iso_week = excluded.iso_week, checked_at = excluded.checked_at
            returning employee_id
          ),
          written as (
            insert into notification (tenant_id, employee_id, kind, dedupe_key, payload)
            select :t, employee_id, 'WEEKLY_DIGEST',
                   'weekly-digest:' || :t || ':' || employee_id || ':' || week, ids
            from picked
            on conflict (dedupe_key) do nothing
            returning 1
          )
          select (select count(*) from checked), (select count(*) from written),
                 (select coalesce(max(employee_id), 0) from checked)
          """;

  /**
   * The missions {@code :ids} of a digest for person {@code :e}, as they are now, in the digest's
   * order: those that still fit (open, not committed to, not dismissed), with the facts of why.
   */
  static final String SENT =
      "with due as (select "
          + PERSON
          + """
          , cast('-infinity' as timestamptz) as since
            from employee e where e.tenant_id = :t and e.id = :e
          ),
          cand as (
            select m.* from mission m
            where m.tenant_id = :t and m.status = 'OPEN'
              and m.id = any(cast(string_to_array(:ids, ',') as bigint[]))
          ),
          """
          + FIT
          + """
          select s.mission_id, s.title, a.name as association_name, s.mode, s.mission_place,
                 s.shown_km, s.from_place, s.shared_skills, s.shared_causes,
                 s.slots & s.availability as common_slots, s.slots = 0 as any_time,
                 s.seats_left, s.score
          from scored s
          join association a on a.tenant_id = :t and a.id = s.association_id
          order by array_position(cast(string_to_array(:ids, ',') as bigint[]), s.mission_id)
          """;
}
