-- Reports in a few index scans, whatever the period: figures for a company of 100,000 people with
-- 10 million hour entries over five years in README (Benchmarks, bench/run reports).
--
-- hour_month (V7) stays the exact monthly rollup of hour entries per person and mission. From it and
-- from the commitments, triggers keep:
--   report_mission_month  minutes and commitments per month and mission (the breakdown by mission);
--   report_group_month    the same per month and cause, SDG, association or skill family, kept
--                         from report_mission_month (a mission that changes cause, SDG, skill or
--                         association moves its months to its new groups);
--   report_people_month   the same per month, site and department (hours at the site the person
--                         had when logging them, commitments at the person's current site);
--   report_idle           confirmed commitments without any hour logged (no-show candidates), with
--                         the person's current site and department;
--   report_headcount      employees per site and department;
--   report_span           who volunteered, and which associations were helped, per dimension and
--                         group, as runs of consecutive months (see below);
--   report_span_count     the same summed over people: what reports read;
--   report_span_total     per group, its members ever and the months they span.
--
-- Counting distinct people over any range of months without reading one row per person and month:
-- for each (dimension, group, person) the months the person volunteered form runs of consecutive
-- months R1..Rk. report_span stores each run as (lo, hi, w = +1) and each gap between two runs as
-- (lo = first month of the next run, hi = last month of the previous run, w = -1). For a period
-- [a, b] the runs it touches are consecutive, Ri..Rj, and the gaps with hi >= a and lo <= b are
-- exactly the j - i gaps between them, so
--     sum(w) where hi >= a and lo <= b  =  1 if the person volunteered in the period, else 0,
-- and a group's volunteers are one sum over an index-only scan, no per-person de-duplication.
-- Months are numbered year * 12 + month - 1.

create function report_month_index(d date) returns integer language sql immutable parallel safe
    return (date_part('year', d) * 12 + date_part('month', d) - 1)::integer;

create table report_mission_month (
    tenant_id       bigint  not null references tenant (id) on delete cascade,
    month           integer not null, -- year * 12 + month - 1
    mission_id      bigint  not null,
    approved_min    bigint  not null default 0,
    pending_min     bigint  not null default 0,
    work_time_min   bigint  not null default 0,
    made            integer not null default 0, -- commitments made this month (tenant's time zone)
    completed       integer not null default 0, -- of which completed
    cancelled       integer not null default 0, -- of which cancelled
    primary key (tenant_id, month, mission_id)
);

-- The same per month and group of the dimensions that come from the mission (its main cause, SDG,
-- association and skill family), so that those breakdowns read their groups' rows directly. A
-- mission that changes cause, SDG, skill or association moves its months to its new groups.
create table report_group_month (
    tenant_id       bigint  not null references tenant (id) on delete cascade,
    dim             text    not null check (dim in ('CAUSE', 'SDG', 'ASSOCIATION', 'SKILL_FAMILY')),
    g               text    not null,
    month           integer not null,
    approved_min    bigint  not null default 0,
    pending_min     bigint  not null default 0,
    work_time_min   bigint  not null default 0,
    made            integer not null default 0,
    completed       integer not null default 0,
    cancelled       integer not null default 0,
    primary key (tenant_id, dim, month, g)
);

create table report_people_month (
    tenant_id       bigint  not null references tenant (id) on delete cascade,
    month           integer not null,
    site            text    not null, -- '*unset' when the person has none
    department      text    not null,
    approved_min    bigint  not null default 0,
    pending_min     bigint  not null default 0,
    work_time_min   bigint  not null default 0,
    made            integer not null default 0,
    completed       integer not null default 0,
    cancelled       integer not null default 0,
    primary key (tenant_id, month, site, department)
);

create table report_idle (
    tenant_id       bigint  not null references tenant (id) on delete cascade,
    commitment_id   bigint  not null,
    employee_id     bigint  not null,
    mission_id      bigint  not null,
    month           integer not null, -- month the commitment was made, tenant's time zone
    site            text    not null, -- the person's, as now ('*unset' when none)
    department      text    not null,
    primary key (tenant_id, commitment_id)
);
create index report_idle_month_idx on report_idle (tenant_id, month);
create index report_idle_employee_idx on report_idle (tenant_id, employee_id);

create table report_headcount (
    tenant_id       bigint  not null references tenant (id) on delete cascade,
    site            text    not null,
    department      text    not null,
    employees       integer not null,
    primary key (tenant_id, site, department)
);

create table report_span (
    tenant_id       bigint   not null references tenant (id) on delete cascade,
    dim             text     not null, -- SITE ... MISSION, or ALL (group: country for people, '' for associations)
    g               text     not null, -- the group's key, as reports show it
    kind            text     not null check (kind in ('E', 'A')), -- an employee or an association
    member_id       bigint   not null,
    lo              integer  not null,
    hi              integer  not null,
    w               smallint not null check (w in (1, -1))
);
create index report_span_member_idx on report_span (tenant_id, kind, member_id, dim, g);
-- The people of small groups, merged into "other" (each counted once).
create index report_span_group_idx on report_span (tenant_id, dim, kind, g, hi, lo, w, member_id);

-- What reports read: the spans of all members summed per group and (lo, hi). Far fewer rows than
-- spans (at most groups x months x months / 2): a five-year breakdown by cause reads ~25,000 cells
-- for ~230,000 spans; recent periods skip the cells that ended before them.
create table report_span_count (
    tenant_id       bigint  not null references tenant (id) on delete cascade,
    dim             text    not null,
    kind            text    not null,
    g               text    not null,
    lo              integer not null,
    hi              integer not null,
    n               integer not null,
    primary key (tenant_id, dim, kind, g, lo, hi) include (n)
);
create index report_span_count_query_idx on report_span_count (tenant_id, dim, kind, hi, lo, g)
    include (n);

-- Per group: the members it ever had (the sum of its cells) and the months their activity spans.
-- A long period that holds a group's whole span counts it from this one row instead of its cells
-- (a five-year breakdown by mission: 5,000 rows, not 100,000 cells). Removals never narrow the
-- span, which stays correct: a group only counts from here when the period holds all of it.
create table report_span_total (
    tenant_id       bigint  not null references tenant (id) on delete cascade,
    dim             text    not null,
    kind            text    not null,
    g               text    not null,
    lo              integer not null,
    hi              integer not null,
    n               integer not null,
    primary key (tenant_id, dim, kind, g)
);

-- The association helped and a person's missions, by mission and month.
create index hour_month_mission_idx on hour_month (tenant_id, mission_id, month);

-- What made someone a volunteer (E: approved hours, or a confirmed or completed commitment made that
-- month) or an association helped (A: approved hours), per month, with its group in every dimension.
create view report_activity as
select h.tenant_id, 'E'::text as kind, h.employee_id as member_id, h.month, k.dim, k.g
from hour_month h
join mission m on m.tenant_id = h.tenant_id and m.id = h.mission_id
join employee e on e.tenant_id = h.tenant_id and e.id = h.employee_id
left join skill s on s.code = m.skills[1]
cross join lateral (values
    ('SITE', coalesce(h.site, '*unset')),
    ('DEPARTMENT', coalesce(h.department, '*unset')),
    ('CAUSE', coalesce(m.causes[1], '*unset')),
    ('SDG', coalesce(m.sdgs[1]::text, '*unset')),
    ('ASSOCIATION', m.association_id::text),
    ('SKILL_FAMILY', coalesce(s.family, '*unset')),
    ('MISSION', m.id::text),
    ('ALL', coalesce(e.country::text, ''))) k (dim, g)
where h.approved_min > 0
union all
select c.tenant_id, 'E', c.employee_id, date_trunc('month', c.created_at at time zone t.time_zone)::date,
       k.dim, k.g
from commitment c
join tenant t on t.id = c.tenant_id
join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
left join skill s on s.code = m.skills[1]
cross join lateral (values
    ('SITE', coalesce(e.site, '*unset')),
    ('DEPARTMENT', coalesce(e.department, '*unset')),
    ('CAUSE', coalesce(m.causes[1], '*unset')),
    ('SDG', coalesce(m.sdgs[1]::text, '*unset')),
    ('ASSOCIATION', m.association_id::text),
    ('SKILL_FAMILY', coalesce(s.family, '*unset')),
    ('MISSION', m.id::text),
    ('ALL', coalesce(e.country::text, ''))) k (dim, g)
where c.status in ('CONFIRMED', 'COMPLETED')
union all
select h.tenant_id, 'A', m.association_id, h.month, k.dim, k.g
from hour_month h
join mission m on m.tenant_id = h.tenant_id and m.id = h.mission_id
left join skill s on s.code = m.skills[1]
cross join lateral (values
    ('SITE', coalesce(h.site, '*unset')),
    ('DEPARTMENT', coalesce(h.department, '*unset')),
    ('CAUSE', coalesce(m.causes[1], '*unset')),
    ('SDG', coalesce(m.sdgs[1]::text, '*unset')),
    ('ASSOCIATION', m.association_id::text),
    ('SKILL_FAMILY', coalesce(s.family, '*unset')),
    ('MISSION', m.id::text),
    ('ALL', '')) k (dim, g)
where h.approved_min > 0;

-- Rebuilds (tandem.report_rebuild = on) skip the row triggers and recompute everything at the end.
create function report_rebuilding() returns boolean language sql stable
    return coalesce(current_setting('tandem.report_rebuild', true), '') = 'on';

create function report_span_count_sync() returns trigger language plpgsql as $$
declare
    r report_span;
    s integer;
    left_over integer;
begin
    if report_rebuilding() then
        return null;
    end if;
    if tg_op = 'DELETE' then
        r := old;
        s := -1;
    else
        r := new;
        s := 1;
    end if;
    insert into report_span_count as c (tenant_id, dim, kind, g, lo, hi, n)
    values (r.tenant_id, r.dim, r.kind, r.g, r.lo, r.hi, s * r.w)
    on conflict (tenant_id, dim, kind, g, lo, hi) do update set n = c.n + excluded.n
    returning n into left_over;
    if left_over = 0 then
        delete from report_span_count
        where tenant_id = r.tenant_id and dim = r.dim and kind = r.kind and g = r.g
          and lo = r.lo and hi = r.hi;
    end if;
    insert into report_span_total as x (tenant_id, dim, kind, g, lo, hi, n)
    values (r.tenant_id, r.dim, r.kind, r.g, r.lo, r.hi, s * r.w)
    on conflict (tenant_id, dim, kind, g) do update set
        n = x.n + excluded.n, lo = least(x.lo, excluded.lo), hi = greatest(x.hi, excluded.hi);
    return null;
end $$;

create trigger report_span_count_sync after insert or delete on report_span
    for each row execute function report_span_count_sync();

-- Spans of one member (kind and member given) or of the whole tenant, rewritten from the activity.
create function report_span_write(t bigint, k text, member bigint) returns void
    language plpgsql as $$
declare
    filter text := format('tenant_id = %s', t);
begin
    if k is not null then
        perform pg_advisory_xact_lock(hashtextextended(format('report_span %s %s %s', t, k, member), 0));
        filter := filter || format(' and kind = %L and member_id = %s', k, member);
    end if;
    execute 'delete from report_span where ' || filter;
    execute format($q$
        insert into report_span (tenant_id, dim, g, kind, member_id, lo, hi, w)
        with months as (
            select distinct tenant_id, kind, member_id, dim, g, report_month_index(month) as mi
            from report_activity where %1$s
        ), runs as (
            select tenant_id, kind, member_id, dim, g, min(mi) as lo, max(mi) as hi
            from (select *, mi - row_number() over (partition by tenant_id, kind, member_id, dim, g
                                                    order by mi) as island
                  from months) x
            group by tenant_id, kind, member_id, dim, g, island
        )
        select tenant_id, dim, g, kind, member_id, lo, hi, 1 from runs
        union all
        select tenant_id, dim, g, kind, member_id, next_lo, hi, -1
        from (select *, lead(lo) over (partition by tenant_id, kind, member_id, dim, g
                                       order by lo) as next_lo
              from runs) r
        where next_lo is not null$q$, filter);
end $$;

-- Adds or removes one month of one member's span in one group.
create function report_span_toggle(t bigint, p_dim text, p_g text, k text, member bigint,
                                   mi integer, present boolean) returns void
    language plpgsql as $$
declare
    cur int4multirange;
    nxt int4multirange;
begin
    select coalesce(range_agg(int4range(lo, hi + 1)), '{}') into cur
    from report_span
    where tenant_id = t and kind = k and member_id = member and dim = p_dim and g = p_g and w = 1;
    if present then
        nxt := cur + int4multirange(int4range(mi, mi + 1));
    else
        nxt := cur - int4multirange(int4range(mi, mi + 1));
    end if;
    if nxt = cur then
        return;
    end if;
    delete from report_span
    where tenant_id = t and kind = k and member_id = member and dim = p_dim and g = p_g;
    insert into report_span (tenant_id, dim, g, kind, member_id, lo, hi, w)
    select t, p_dim, p_g, k, member, lower(r), upper(r) - 1, 1 from unnest(nxt) r
    union all
    select t, p_dim, p_g, k, member, next_lo, hi, -1
    from (select lead(lower(r)) over (order by lower(r)) as next_lo, upper(r) - 1 as hi
          from unnest(nxt) r) x
    where next_lo is not null;
end $$;

-- Brings one member's spans up to date for one month, in every dimension.
create function report_span_month(t bigint, k text, member bigint, m date) returns void
    language plpgsql as $$
declare
    mi integer := report_month_index(m);
    r record;
begin
    perform pg_advisory_xact_lock(hashtextextended(format('report_span %s %s %s', t, k, member), 0));
    for r in
        with now as (
            select distinct dim, g from report_activity
            where tenant_id = t and kind = k and member_id = member and month = m
        ), was as (
            select distinct dim, g from report_span
            where tenant_id = t and kind = k and member_id = member and w = 1 and lo <= mi and hi >= mi
        )
        select coalesce(n.dim, w.dim) as dim, coalesce(n.g, w.g) as g, n.dim is not null as present
        from now n full join was w on w.dim = n.dim and w.g = n.g
        where n.dim is null or w.dim is null
    loop
        perform report_span_toggle(t, r.dim, r.g, k, member, mi, r.present);
    end loop;
end $$;

create function report_mission_add(t bigint, mo integer, x bigint, ap bigint, pe bigint, wt bigint,
                                   mk integer, co integer, ca integer) returns void
    language sql as $$
    insert into report_mission_month as r (tenant_id, month, mission_id, approved_min, pending_min,
                                           work_time_min, made, completed, cancelled)
    values (t, mo, x, ap, pe, wt, mk, co, ca)
    on conflict (tenant_id, month, mission_id) do update set
        approved_min = r.approved_min + excluded.approved_min,
        pending_min = r.pending_min + excluded.pending_min,
        work_time_min = r.work_time_min + excluded.work_time_min,
        made = r.made + excluded.made,
        completed = r.completed + excluded.completed,
        cancelled = r.cancelled + excluded.cancelled;
$$;

-- A mission's groups in the dimensions that come from it.
create function report_mission_groups(t bigint, x bigint) returns table (dim text, g text)
    language sql stable as $$
    select k.dim, k.g
    from mission m
    left join skill s on s.code = m.skills[1]
    cross join lateral (values
        ('CAUSE', coalesce(m.causes[1], '*unset')),
        ('SDG', coalesce(m.sdgs[1]::text, '*unset')),
        ('ASSOCIATION', m.association_id::text),
        ('SKILL_FAMILY', coalesce(s.family, '*unset'))) k (dim, g)
    where m.tenant_id = t and m.id = x;
$$;

create function report_mission_month_sync() returns trigger language plpgsql as $$
declare
    r report_mission_month;
    s integer := 1;
begin
    if report_rebuilding() then
        return null;
    end if;
    if tg_op = 'DELETE' then
        r := old;
        s := -1;
    elsif tg_op = 'UPDATE' then -- report_mission_add adds to a row: its key never changes
        r := new;
        r.approved_min := new.approved_min - old.approved_min;
        r.pending_min := new.pending_min - old.pending_min;
        r.work_time_min := new.work_time_min - old.work_time_min;
        r.made := new.made - old.made;
        r.completed := new.completed - old.completed;
        r.cancelled := new.cancelled - old.cancelled;
    else
        r := new;
    end if;
    insert into report_group_month as x (tenant_id, dim, g, month, approved_min, pending_min,
                                         work_time_min, made, completed, cancelled)
    select r.tenant_id, k.dim, k.g, r.month, s * r.approved_min, s * r.pending_min,
           s * r.work_time_min, s * r.made, s * r.completed, s * r.cancelled
    from report_mission_groups(r.tenant_id, r.mission_id) k
    on conflict (tenant_id, dim, month, g) do update set
        approved_min = x.approved_min + excluded.approved_min,
        pending_min = x.pending_min + excluded.pending_min,
        work_time_min = x.work_time_min + excluded.work_time_min,
        made = x.made + excluded.made,
        completed = x.completed + excluded.completed,
        cancelled = x.cancelled + excluded.cancelled;
    return null;
end $$;

create trigger report_mission_month_sync after insert or update or delete on report_mission_month
    for each row execute function report_mission_month_sync();

create function report_people_add(t bigint, mo integer, st text, de text, ap bigint, pe bigint,
                                  wt bigint, mk integer, co integer, ca integer) returns void
    language sql as $$
    insert into report_people_month as r (tenant_id, month, site, department, approved_min,
                                          pending_min, work_time_min, made, completed, cancelled)
    values (t, mo, coalesce(st, '*unset'), coalesce(de, '*unset'), ap, pe, wt, mk, co, ca)
    on conflict (tenant_id, month, site, department) do update set
        approved_min = r.approved_min + excluded.approved_min,
        pending_min = r.pending_min + excluded.pending_min,
        work_time_min = r.work_time_min + excluded.work_time_min,
        made = r.made + excluded.made,
        completed = r.completed + excluded.completed,
        cancelled = r.cancelled + excluded.cancelled;
$$;

create function report_hour_month_sync() returns trigger language plpgsql as $$
declare
    was_on boolean := tg_op <> 'INSERT' and old.approved_min > 0;
    is_on boolean := tg_op <> 'DELETE' and new.approved_min > 0;
    r hour_month;
    s integer := case when tg_op = 'DELETE' then -1 else 1 end;
    association bigint;
begin
    if report_rebuilding() then
        return null;
    end if;
    if tg_op = 'DELETE' then
        r := old;
    else
        r := new;
    end if;
    if tg_op = 'UPDATE' then -- hour_month_add adds to a row: its key never changes
        perform report_mission_add(new.tenant_id, report_month_index(new.month), new.mission_id,
                                   new.approved_min - old.approved_min, new.pending_min - old.pending_min,
                                   new.work_time_min - old.work_time_min, 0, 0, 0);
        perform report_people_add(new.tenant_id, report_month_index(new.month), new.site,
                                  new.department,
                                  new.approved_min - old.approved_min, new.pending_min - old.pending_min,
                                  new.work_time_min - old.work_time_min, 0, 0, 0);
    else
        perform report_mission_add(r.tenant_id, report_month_index(r.month), r.mission_id,
                                   s * r.approved_min,
                                   s * r.pending_min, s * r.work_time_min, 0, 0, 0);
        perform report_people_add(r.tenant_id, report_month_index(r.month), r.site, r.department,
                                  s * r.approved_min,
                                  s * r.pending_min, s * r.work_time_min, 0, 0, 0);
    end if;
    if was_on <> is_on then
        select m.association_id into association
        from mission m where m.tenant_id = r.tenant_id and m.id = r.mission_id;
        perform report_span_month(r.tenant_id, 'E', r.employee_id, r.month);
        perform report_span_month(r.tenant_id, 'A', association, r.month);
    end if;
    return null;
end $$;

create trigger report_hour_month_sync after insert or update or delete on hour_month
    for each row execute function report_hour_month_sync();

-- A confirmed commitment with no hour logged (pending or approved) is a no-show once its mission is over.
create function report_idle_check(t bigint, c bigint) returns void language plpgsql as $$
begin
    if exists (select 1 from commitment where tenant_id = t and id = c and status = 'CONFIRMED')
       and not exists (select 1 from hour_entry
                       where tenant_id = t and commitment_id = c and status <> 'REJECTED') then
        insert into report_idle (tenant_id, commitment_id, employee_id, mission_id, month, site,
                                 department)
        select c2.tenant_id, c2.id, c2.employee_id, c2.mission_id,
               report_month_index((c2.created_at at time zone tn.time_zone)::date),
               coalesce(e.site, '*unset'), coalesce(e.department, '*unset')
        from commitment c2
        join tenant tn on tn.id = c2.tenant_id
        join employee e on e.tenant_id = c2.tenant_id and e.id = c2.employee_id
        where c2.tenant_id = t and c2.id = c
        on conflict (tenant_id, commitment_id) do update set
            employee_id = excluded.employee_id, mission_id = excluded.mission_id,
            month = excluded.month, site = excluded.site, department = excluded.department;
    else
        delete from report_idle where tenant_id = t and commitment_id = c;
    end if;
end $$;

-- Hour entries: the monthly rollup (V7), and the commitment's no-show candidacy. A tenant's purge
-- skips both: its rollups go with it.
create or replace function hour_month_sync() returns trigger language plpgsql as $$
begin
    if report_rebuilding() then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform hour_month_add(old.tenant_id, old.work_date, old.employee_id, old.commitment_id,
                               old.status, -old.minutes, old.on_work_time);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform hour_month_add(new.tenant_id, new.work_date, new.employee_id, new.commitment_id,
                               new.status, new.minutes, new.on_work_time);
    end if;
    if tg_op = 'INSERT' then
        if new.status <> 'REJECTED' then
            delete from report_idle where tenant_id = new.tenant_id and commitment_id = new.commitment_id;
        end if;
    elsif tg_op = 'DELETE' then
        if old.status <> 'REJECTED' then
            perform report_idle_check(old.tenant_id, old.commitment_id);
        end if;
    elsif old.status is distinct from new.status or old.commitment_id <> new.commitment_id then
        perform report_idle_check(old.tenant_id, old.commitment_id);
        if new.commitment_id <> old.commitment_id then
            perform report_idle_check(new.tenant_id, new.commitment_id);
        end if;
    end if;
    return null;
end $$;

create function report_commitment_add(c commitment, sign integer) returns void language plpgsql as $$
declare
    mo integer;
    st text;
    de text;
begin
    select report_month_index((c.created_at at time zone t.time_zone)::date) into mo
    from tenant t where t.id = c.tenant_id;
    select e.site, e.department into st, de
    from employee e where e.tenant_id = c.tenant_id and e.id = c.employee_id;
    perform report_mission_add(c.tenant_id, mo, c.mission_id, 0, 0, 0, sign,
                               sign * (c.status = 'COMPLETED')::integer,
                               sign * (c.status = 'CANCELLED')::integer);
    perform report_people_add(c.tenant_id, mo, st, de, 0, 0, 0, sign,
                              sign * (c.status = 'COMPLETED')::integer,
                              sign * (c.status = 'CANCELLED')::integer);
end $$;

create function report_commitment_sync() returns trigger language plpgsql as $$
begin
    if report_rebuilding() then
        return null;
    end if;
    if tg_op = 'UPDATE' and old.status = new.status and old.created_at = new.created_at
       and old.mission_id = new.mission_id and old.employee_id = new.employee_id then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform report_commitment_add(old, -1);
        perform report_idle_check(old.tenant_id, old.id);
        if old.status in ('CONFIRMED', 'COMPLETED') then
            perform report_span_month(old.tenant_id, 'E', old.employee_id,
                (select date_trunc('month', old.created_at at time zone t.time_zone)::date
                 from tenant t where t.id = old.tenant_id));
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform report_commitment_add(new, 1);
        if tg_op = 'INSERT' then
            perform report_idle_check(new.tenant_id, new.id);
        end if;
        if new.status in ('CONFIRMED', 'COMPLETED') then
            perform report_span_month(new.tenant_id, 'E', new.employee_id,
                (select date_trunc('month', new.created_at at time zone t.time_zone)::date
                 from tenant t where t.id = new.tenant_id));
        end if;
    end if;
    return null;
end $$;

create trigger report_commitment_sync after insert or update or delete on commitment
    for each row execute function report_commitment_sync();

-- A person who moves: their commitments count for their new site and department, and their
-- volunteering for their new country's allowance (hours stay where they were logged).
create function report_employee_sync() returns trigger language plpgsql as $$
begin
    if report_rebuilding() then
        return null;
    end if;
    if old.site is distinct from new.site or old.department is distinct from new.department then
        perform report_people_add(new.tenant_id, x.month, s.site, s.department, 0, 0, 0,
                                  s.sign * x.made, s.sign * x.completed, s.sign * x.cancelled)
        from (select report_month_index((c.created_at at time zone t.time_zone)::date) as month,
                     count(*)::integer as made,
                     count(*) filter (where c.status = 'COMPLETED')::integer as completed,
                     count(*) filter (where c.status = 'CANCELLED')::integer as cancelled
              from commitment c join tenant t on t.id = c.tenant_id
              where c.tenant_id = new.tenant_id and c.employee_id = new.id
              group by 1) x
        cross join (values (old.site, old.department, -1), (new.site, new.department, 1))
            s (site, department, sign);
        update report_idle set site = coalesce(new.site, '*unset'),
                               department = coalesce(new.department, '*unset')
        where tenant_id = new.tenant_id and employee_id = new.id;
    end if;
    perform report_span_write(new.tenant_id, 'E', new.id);
    return null;
end $$;

create trigger report_employee_sync after update of site, department, country on employee
    for each row
    when (old.site is distinct from new.site or old.department is distinct from new.department
          or old.country is distinct from new.country)
    execute function report_employee_sync();

create function report_headcount_add() returns trigger language plpgsql as $$
begin
    insert into report_headcount as r (tenant_id, site, department, employees)
    select n.tenant_id, coalesce(n.site, '*unset'), coalesce(n.department, '*unset'), count(*)
    from new_rows n join tenant t on t.id = n.tenant_id
    where n.is_employee group by 1, 2, 3
    on conflict (tenant_id, site, department) do update set employees = r.employees + excluded.employees;
    return null;
end $$;

create function report_headcount_remove() returns trigger language plpgsql as $$
begin
    insert into report_headcount as r (tenant_id, site, department, employees)
    select o.tenant_id, coalesce(o.site, '*unset'), coalesce(o.department, '*unset'), -count(*)
    from old_rows o join tenant t on t.id = o.tenant_id
    where o.is_employee group by 1, 2, 3
    on conflict (tenant_id, site, department) do update set employees = r.employees + excluded.employees;
    return null;
end $$;

create function report_headcount_move() returns trigger language plpgsql as $$
begin
    insert into report_headcount as r (tenant_id, site, department, employees)
    select x.tenant_id, x.site, x.department, sum(x.n)
    from (select tenant_id, coalesce(site, '*unset') as site, coalesce(department, '*unset') as department,
                 -1 as n
          from old_rows where is_employee
          union all
          select tenant_id, coalesce(site, '*unset'), coalesce(department, '*unset'), 1
          from new_rows where is_employee) x
    join tenant t on t.id = x.tenant_id
    group by 1, 2, 3 having sum(x.n) <> 0
    on conflict (tenant_id, site, department) do update set employees = r.employees + excluded.employees;
    return null;
end $$;

create trigger report_headcount_insert after insert on employee
    referencing new table as new_rows for each statement execute function report_headcount_add();
create trigger report_headcount_delete after delete on employee
    referencing old table as old_rows for each statement execute function report_headcount_remove();
create trigger report_headcount_update after update on employee
    referencing old table as old_rows new table as new_rows
    for each statement execute function report_headcount_move();

-- A mission that changes association, main cause, SDG or skill: its volunteers and associations
-- move to their new groups.
create function report_mission_sync() returns trigger language plpgsql as $$
declare
    e bigint;
begin
    if report_rebuilding() then
        return null;
    end if;
    insert into report_group_month as x (tenant_id, dim, g, month, approved_min, pending_min,
                                         work_time_min, made, completed, cancelled)
    select new.tenant_id, k.dim, k.g, mm.month, sum(k.s * mm.approved_min),
           sum(k.s * mm.pending_min), sum(k.s * mm.work_time_min), sum(k.s * mm.made),
           sum(k.s * mm.completed), sum(k.s * mm.cancelled)
    from report_mission_month mm
    cross join (values
        ('CAUSE', coalesce(old.causes[1], '*unset'), -1),
        ('SDG', coalesce(old.sdgs[1]::text, '*unset'), -1),
        ('ASSOCIATION', old.association_id::text, -1),
        ('SKILL_FAMILY', coalesce((select family from skill where code = old.skills[1]), '*unset'), -1),
        ('CAUSE', coalesce(new.causes[1], '*unset'), 1),
        ('SDG', coalesce(new.sdgs[1]::text, '*unset'), 1),
        ('ASSOCIATION', new.association_id::text, 1),
        ('SKILL_FAMILY', coalesce((select family from skill where code = new.skills[1]), '*unset'), 1))
        k (dim, g, s)
    where mm.tenant_id = new.tenant_id and mm.mission_id = new.id
    group by k.dim, k.g, mm.month
    on conflict (tenant_id, dim, month, g) do update set
        approved_min = x.approved_min + excluded.approved_min,
        pending_min = x.pending_min + excluded.pending_min,
        work_time_min = x.work_time_min + excluded.work_time_min,
        made = x.made + excluded.made,
        completed = x.completed + excluded.completed,
        cancelled = x.cancelled + excluded.cancelled;
    for e in
        select employee_id from hour_month where tenant_id = new.tenant_id and mission_id = new.id
        union
        select employee_id from commitment where tenant_id = new.tenant_id and mission_id = new.id
    loop
        perform report_span_write(new.tenant_id, 'E', e);
    end loop;
    perform report_span_write(new.tenant_id, 'A', old.association_id);
    if new.association_id <> old.association_id then
        perform report_span_write(new.tenant_id, 'A', new.association_id);
    end if;
    return null;
end $$;

create trigger report_mission_sync after update of association_id, causes, sdgs, skills on mission
    for each row
    when (old.association_id <> new.association_id or old.causes[1] is distinct from new.causes[1]
          or old.sdgs[1] is distinct from new.sdgs[1] or old.skills[1] is distinct from new.skills[1])
    execute function report_mission_sync();

-- Rebuilds one tenant's rollups: hour_month from its hour entries, then everything above (bulk
-- loads disable hour_month_sync and report_commitment_sync, then call this).
create or replace function hour_month_rebuild(t bigint) returns void language plpgsql as $$
begin
    perform set_config('tandem.report_rebuild', 'on', true);
    perform set_config('work_mem', '256MB', true);
    delete from hour_month where tenant_id = t;
    insert into hour_month (tenant_id, month, employee_id, mission_id, site, department,
                            approved_min, pending_min, work_time_min)
    select h.tenant_id, date_trunc('month', h.work_date)::date, h.employee_id, c.mission_id,
           max(p.site), max(p.department),
           coalesce(sum(h.minutes) filter (where h.status = 'APPROVED'), 0),
           coalesce(sum(h.minutes) filter (where h.status = 'PENDING'), 0),
           coalesce(sum(h.minutes) filter (where h.status = 'APPROVED' and h.on_work_time), 0)
    from hour_entry h
    join commitment c on c.tenant_id = h.tenant_id and c.id = h.commitment_id
    join employee p on p.tenant_id = h.tenant_id and p.id = h.employee_id
    where h.tenant_id = t and h.status <> 'REJECTED'
    group by 1, 2, 3, 4;

    delete from report_mission_month where tenant_id = t;
    insert into report_mission_month (tenant_id, month, mission_id, approved_min, pending_min,
                                      work_time_min, made, completed, cancelled)
    select t, month, mission_id, sum(ap), sum(pe), sum(wt), sum(mk), sum(co), sum(ca)
    from (select report_month_index(month) as month, mission_id, approved_min as ap, pending_min as pe, work_time_min as wt,
                 0 as mk, 0 as co, 0 as ca
          from hour_month where tenant_id = t
          union all
          select report_month_index((c.created_at at time zone tn.time_zone)::date), c.mission_id,
                 0, 0, 0, 1, (c.status = 'COMPLETED')::integer, (c.status = 'CANCELLED')::integer
          from commitment c join tenant tn on tn.id = c.tenant_id
          where c.tenant_id = t) x
    group by month, mission_id;

    delete from report_group_month where tenant_id = t;
    insert into report_group_month (tenant_id, dim, g, month, approved_min, pending_min,
                                    work_time_min, made, completed, cancelled)
    select t, k.dim, k.g, mm.month, sum(mm.approved_min), sum(mm.pending_min),
           sum(mm.work_time_min), sum(mm.made), sum(mm.completed), sum(mm.cancelled)
    from report_mission_month mm
    join mission m on m.tenant_id = mm.tenant_id and m.id = mm.mission_id
    left join skill s on s.code = m.skills[1]
    cross join lateral (values
        ('CAUSE', coalesce(m.causes[1], '*unset')),
        ('SDG', coalesce(m.sdgs[1]::text, '*unset')),
        ('ASSOCIATION', m.association_id::text),
        ('SKILL_FAMILY', coalesce(s.family, '*unset'))) k (dim, g)
    where mm.tenant_id = t
    group by k.dim, k.g, mm.month;

    delete from report_people_month where tenant_id = t;
    insert into report_people_month (tenant_id, month, site, department, approved_min, pending_min,
                                     work_time_min, made, completed, cancelled)
    select t, month, site, department, sum(ap), sum(pe), sum(wt), sum(mk), sum(co), sum(ca)
    from (select report_month_index(month) as month, coalesce(site, '*unset') as site,
                 coalesce(department, '*unset') as department,
                 approved_min as ap, pending_min as pe, work_time_min as wt, 0 as mk, 0 as co, 0 as ca
          from hour_month where tenant_id = t
          union all
          select report_month_index((c.created_at at time zone tn.time_zone)::date),
                 coalesce(e.site, '*unset'), coalesce(e.department, '*unset'),
                 0, 0, 0, 1, (c.status = 'COMPLETED')::integer, (c.status = 'CANCELLED')::integer
          from commitment c
          join tenant tn on tn.id = c.tenant_id
          join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
          where c.tenant_id = t) x
    group by month, site, department;

    delete from report_idle where tenant_id = t;
    insert into report_idle (tenant_id, commitment_id, employee_id, mission_id, month, site,
                             department)
    select c.tenant_id, c.id, c.employee_id, c.mission_id,
           report_month_index((c.created_at at time zone tn.time_zone)::date),
           coalesce(e.site, '*unset'), coalesce(e.department, '*unset')
    from commitment c
    join tenant tn on tn.id = c.tenant_id
    join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
    where c.tenant_id = t and c.status = 'CONFIRMED'
      and not exists (select 1 from hour_entry x
                      where x.tenant_id = t and x.commitment_id = c.id and x.status <> 'REJECTED');

    delete from report_headcount where tenant_id = t;
    insert into report_headcount (tenant_id, site, department, employees)
    select t, coalesce(site, '*unset'), coalesce(department, '*unset'), count(*)
    from employee where tenant_id = t and is_employee group by 2, 3;

    perform report_span_write(t, null, null);
    delete from report_span_count where tenant_id = t;
    insert into report_span_count (tenant_id, dim, kind, g, lo, hi, n)
    select tenant_id, dim, kind, g, lo, hi, sum(w) from report_span where tenant_id = t
    group by 1, 2, 3, 4, 5, 6 having sum(w) <> 0;
    delete from report_span_total where tenant_id = t;
    insert into report_span_total (tenant_id, dim, kind, g, lo, hi, n)
    select tenant_id, dim, kind, g, min(lo), max(hi), sum(n) from report_span_count
    where tenant_id = t group by 1, 2, 3, 4;
    perform set_config('tandem.report_rebuild', '', true);
end $$;

-- Commitments count in the month they were made in the tenant's time zone: a new zone recounts.
create function report_tenant_sync() returns trigger language plpgsql as $$
begin
    perform hour_month_rebuild(new.id);
    return null;
end $$;

create trigger report_tenant_sync after update of time_zone on tenant
    for each row when (old.time_zone <> new.time_zone) execute function report_tenant_sync();

select hour_month_rebuild(id) from tenant;
analyze hour_month, report_mission_month, report_group_month, report_people_month, report_idle,
    report_headcount, report_span, report_span_count, report_span_total;
