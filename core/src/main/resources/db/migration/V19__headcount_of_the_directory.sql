-- The headcount behind participation rates counts the people the company directory lists today:
-- employees neither deactivated (SCIM active=false, DELETE) nor erased. Their hours and commitments
-- still count where they were; only the "out of N employees" leaves them out.

create or replace function report_counts_in_headcount(is_employee boolean, deactivated_at timestamptz,
                                                      erased_at timestamptz)
    returns boolean language sql immutable as $$
    select is_employee and deactivated_at is null and erased_at is null
$$;

create or replace function report_headcount_add() returns trigger language plpgsql as $$
begin
    insert into report_headcount as r (tenant_id, site, department, employees)
    select n.tenant_id, coalesce(n.site, '*unset'), coalesce(n.department, '*unset'), count(*)
    from new_rows n join tenant t on t.id = n.tenant_id
    where report_counts_in_headcount(n.is_employee, n.deactivated_at, n.erased_at) group by 1, 2, 3
    on conflict (tenant_id, site, department) do update set employees = r.employees + excluded.employees;
    return null;
end $$;

create or replace function report_headcount_remove() returns trigger language plpgsql as $$
begin
    insert into report_headcount as r (tenant_id, site, department, employees)
    select o.tenant_id, coalesce(o.site, '*unset'), coalesce(o.department, '*unset'), -count(*)
    from old_rows o join tenant t on t.id = o.tenant_id
    where report_counts_in_headcount(o.is_employee, o.deactivated_at, o.erased_at) group by 1, 2, 3
    on conflict (tenant_id, site, department) do update set employees = r.employees + excluded.employees;
    return null;
end $$;

create or replace function report_headcount_move() returns trigger language plpgsql as $$
begin
    insert into report_headcount as r (tenant_id, site, department, employees)
    select x.tenant_id, x.site, x.department, sum(x.n)
    from (select tenant_id, coalesce(site, '*unset') as site, coalesce(department, '*unset') as department,
                 -1 as n
          from old_rows where report_counts_in_headcount(is_employee, deactivated_at, erased_at)
          union all
          select tenant_id, coalesce(site, '*unset'), coalesce(department, '*unset'), 1
          from new_rows where report_counts_in_headcount(is_employee, deactivated_at, erased_at)) x
    join tenant t on t.id = x.tenant_id
    group by 1, 2, 3 having sum(x.n) <> 0
    on conflict (tenant_id, site, department) do update set employees = r.employees + excluded.employees;
    return null;
end $$;

-- The rebuild (V9, wrapped by V18) counts the same people.
alter function hour_month_rebuild(bigint) rename to hour_month_rebuild_v18;

create function hour_month_rebuild(t bigint) returns void language plpgsql as $$
begin
    perform hour_month_rebuild_v18(t);
    delete from report_headcount where tenant_id = t;
    insert into report_headcount (tenant_id, site, department, employees)
    select t, coalesce(site, '*unset'), coalesce(department, '*unset'), count(*)
    from employee
    where tenant_id = t and report_counts_in_headcount(is_employee, deactivated_at, erased_at)
    group by 2, 3;
end $$;

delete from report_headcount;
insert into report_headcount (tenant_id, site, department, employees)
select tenant_id, coalesce(site, '*unset'), coalesce(department, '*unset'), count(*)
from employee where report_counts_in_headcount(is_employee, deactivated_at, erased_at)
group by 1, 2, 3;
