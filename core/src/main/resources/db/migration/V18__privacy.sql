-- Issue 11, part E: valuation by each person's country, personal data, re-consent notices.

-- 1. Valuation by country. Hours are valued at the rate of the country the person's site was in
-- when they logged them (as they count for the site they had then): hour_month keeps that country
-- beside the site, and report_country_month sums approved minutes per month and country, so a
-- report values its hours from a few rows per month whatever the company's size. Rows logged
-- before this migration take the person's country as it is now.
alter table hour_month add column country text;

create or replace function hour_month_add(t bigint, d date, e bigint, c bigint, st text, mins integer, work boolean)
    returns void language plpgsql as $$
declare
    m bigint;
begin
    if st = 'REJECTED' or mins = 0 then
        return;
    end if;
    select mission_id into m from commitment where tenant_id = t and id = c;
    insert into hour_month as h (tenant_id, month, employee_id, mission_id, site, department, country,
                                 approved_min, pending_min, work_time_min)
    select t, date_trunc('month', d)::date, e, m, p.site, p.department, p.country::text,
           case when st = 'APPROVED' then mins else 0 end,
           case when st = 'PENDING' then mins else 0 end,
           case when st = 'APPROVED' and work then mins else 0 end
    from employee p where p.tenant_id = t and p.id = e
    on conflict (tenant_id, month, employee_id, mission_id) do update set
        approved_min = h.approved_min + excluded.approved_min,
        pending_min = h.pending_min + excluded.pending_min,
        work_time_min = h.work_time_min + excluded.work_time_min;
end $$;

create table report_country_month (
    tenant_id       bigint  not null references tenant (id) on delete cascade,
    month           integer not null, -- year * 12 + month - 1
    country         text    not null, -- '' when the person had no country
    approved_min    bigint  not null default 0,
    primary key (tenant_id, month, country)
);

create function report_country_month_sync() returns trigger language plpgsql as $$
declare
    delta bigint;
    r hour_month;
begin
    if report_rebuilding() then
        return null;
    end if;
    if tg_op = 'DELETE' then
        r := old;
        delta := -old.approved_min;
    elsif tg_op = 'UPDATE' then -- hour_month_add adds to a row: its key and country never change
        r := new;
        delta := new.approved_min - old.approved_min;
    else
        r := new;
        delta := new.approved_min;
    end if;
    if delta <> 0 then
        insert into report_country_month as x (tenant_id, month, country, approved_min)
        values (r.tenant_id, report_month_index(r.month), coalesce(r.country, ''), delta)
        on conflict (tenant_id, month, country) do update set approved_min = x.approved_min + excluded.approved_min;
    end if;
    return null;
end $$;

create trigger report_country_month_sync after insert or update or delete on hour_month
    for each row execute function report_country_month_sync();

-- The rebuild of V9, then the countries (the people's current ones, as the rebuild does for sites).
alter function hour_month_rebuild(bigint) rename to hour_month_rebuild_v9;

create function hour_month_rebuild(t bigint) returns void language plpgsql as $$
begin
    perform hour_month_rebuild_v9(t);
    perform set_config('tandem.report_rebuild', 'on', true);
    update hour_month h set country = p.country::text
    from employee p
    where h.tenant_id = t and p.tenant_id = t and p.id = h.employee_id
      and h.country is distinct from p.country::text;
    delete from report_country_month where tenant_id = t;
    insert into report_country_month (tenant_id, month, country, approved_min)
    select t, report_month_index(month), coalesce(country, ''), sum(approved_min)
    from hour_month where tenant_id = t and approved_min > 0
    group by 2, 3;
    perform set_config('tandem.report_rebuild', '', true);
end $$;

select hour_month_rebuild(id) from tenant;
analyze hour_month, report_country_month;

-- 2. Personal data. An erased person keeps their row (their hours count, anonymously, in the
-- figures) without name, contacts or profile; a person who writes again after it is a new person.
alter table employee add column erased_at timestamptz;
-- A file of a person's own data ("my data") is theirs: erased with them, kept a short while.
alter table report_file add column employee_id bigint;
create index report_file_employee_idx on report_file (tenant_id, employee_id) where employee_id is not null;

-- 3. Telling the admins of existing installs to re-consent when Tandem needs more of the platform
-- (Slack's files:read, Teams' supportsFiles): one row per install and requirement, written once,
-- in the same transaction as the admins' messages in the outbox, so a restart never tells twice.
create table reconsent_notice (
    platform      text        not null check (platform in ('SLACK', 'TEAMS')),
    install_id    text        not null, -- the Slack team id, or the Teams tenant's Tandem id
    requirement   text        not null, -- files:read, supportsFiles
    tenant_id     bigint      not null references tenant (id) on delete cascade,
    due           boolean     not null default true,
    created_at    timestamptz not null default now(),
    noticed_at    timestamptz,
    primary key (platform, install_id, requirement)
);

-- Teams cannot say which app package a tenant runs: every tenant with Teams installs at the upgrade
-- to this version runs the old package and is told once. Tenants that install later upload the
-- package of this version, which has supportsFiles. (Given a tenant, it marks that one only.)
create function reconsent_mark_teams(only_tenant bigint default null) returns integer language sql as $$
    with marked as (
        insert into reconsent_notice (platform, install_id, requirement, tenant_id)
        select distinct 'TEAMS', c.tenant_id::text, 'supportsFiles', c.tenant_id
        from teams_conversation c
        where only_tenant is null or c.tenant_id = only_tenant
        on conflict do nothing
        returning 1)
    select count(*)::integer from marked;
$$;
select reconsent_mark_teams();

alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('MONTHLY_REPORT', 'HOURS_REJECTED', 'COMMITMENT_DECLINED', 'SETUP_CHECKLIST',
                    'RECONSENT'));
