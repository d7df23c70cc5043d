-- CSR reports read from a monthly rollup of hour entries instead of the entries themselves: one
-- row per (month, person, mission) holding the minutes approved, pending and approved on work
-- time. A trigger keeps it exact on every insert, update and delete of hour_entry, so a report
-- over a year reads tens of thousands of rows, not millions. The person's site and department
-- are copied at the time the hours are logged: hours count for the site the person worked at.
create table hour_month (
    tenant_id       bigint  not null,
    month           date    not null, -- first day of the month of work_date
    employee_id     bigint  not null,
    mission_id      bigint  not null,
    site            text,
    department      text,
    approved_min    integer not null default 0,
    pending_min     integer not null default 0,
    work_time_min   integer not null default 0, -- approved and on work time
    primary key (tenant_id, month, employee_id, mission_id)
);

create function hour_month_add(t bigint, d date, e bigint, c bigint, st text, mins integer, work boolean)
    returns void language plpgsql as $$
declare
    m bigint;
begin
    if st = 'REJECTED' or mins = 0 then
        return;
    end if;
    select mission_id into m from commitment where tenant_id = t and id = c;
    insert into hour_month as h (tenant_id, month, employee_id, mission_id, site, department,
                                 approved_min, pending_min, work_time_min)
    select t, date_trunc('month', d)::date, e, m, p.site, p.department,
           case when st = 'APPROVED' then mins else 0 end,
           case when st = 'PENDING' then mins else 0 end,
           case when st = 'APPROVED' and work then mins else 0 end
    from employee p where p.tenant_id = t and p.id = e
    on conflict (tenant_id, month, employee_id, mission_id) do update set
        approved_min = h.approved_min + excluded.approved_min,
        pending_min = h.pending_min + excluded.pending_min,
        work_time_min = h.work_time_min + excluded.work_time_min;
end $$;

create function hour_month_sync() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform hour_month_add(old.tenant_id, old.work_date, old.employee_id, old.commitment_id,
                               old.status, -old.minutes, old.on_work_time);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform hour_month_add(new.tenant_id, new.work_date, new.employee_id, new.commitment_id,
                               new.status, new.minutes, new.on_work_time);
    end if;
    return null;
end $$;

create trigger hour_month_sync after insert or update or delete on hour_entry
    for each row execute function hour_month_sync();

-- Rebuilds one tenant's rollup from its hour entries (bulk loads disable the trigger, then call this).
create function hour_month_rebuild(t bigint) returns void language sql as $$
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
$$;

-- Hours logged before this migration.
select hour_month_rebuild(id) from tenant;

-- Commitments counted by the month they were made, in the tenant's time zone.
create index commitment_created_idx on commitment (tenant_id, created_at);

-- The French tax reduction for skills-based sponsorship is capped at the higher of 20,000 EUR and
-- 0.5 % of turnover (excluding tax): the turnover is part of the policy.
alter table tenant add column annual_turnover numeric(15, 2) check (annual_turnover >= 0);

-- CSR managers receive last month's report on the first working day of each month unless they opt out.
alter table employee add column monthly_report boolean not null default true;

-- Who asked for which report or roster, when, and through which channel.
create table report_audit (
    id            bigint generated always as identity primary key,
    tenant_id     bigint      not null references tenant (id) on delete cascade,
    employee_id   bigint,
    kind          text        not null check (kind in ('REPORT', 'ROSTER', 'MONTHLY')),
    period        text,
    dimension     text,
    mission_id    bigint,
    channel       text        not null,
    created_at    timestamptz not null default now()
);
create index report_audit_tenant_idx on report_audit (tenant_id, created_at);

-- Report charts and CSVs served at unguessable, expiring links (Teams cards and the try-it chat
-- show the chart from a URL; any instance of the bot can serve it).
create table report_file (
    token         text        primary key,
    tenant_id     bigint      not null references tenant (id) on delete cascade,
    file_name     text        not null,
    content_type  text        not null,
    content       bytea       not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null
);
create index report_file_expiry_idx on report_file (expires_at);
