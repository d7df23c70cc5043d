-- The weekly digest (issue 12): missions published in the last week that fit a person.

-- When a mission was opened to commitments: set the first time it is open (an insert that is not a
-- draft, or a draft published), cleared while it is a draft. Core stamps it with the application's
-- clock when it publishes (Missions); the trigger covers every other way a row arrives.
alter table mission add column published_at timestamptz;
update mission set published_at = created_at where status <> 'DRAFT';

create function mission_published_at_keep() returns trigger language plpgsql as $$
begin
    if new.status = 'DRAFT' then
        new.published_at := null;
    elsif new.published_at is null then
        new.published_at := now();
    end if;
    return new;
end $$;

create trigger mission_published_at_keep before insert or update of status on mission
    for each row execute function mission_published_at_keep();

-- The week's new open missions of a company: the digest's candidates.
create index mission_open_published_idx on mission (tenant_id, published_at) where status = 'OPEN';

-- The last time each subscriber's digest was worked out (sent or, when nothing new fitted, not),
-- in the ISO week of their own time zone: once a week per person, and the next one looks only at
-- missions published since.
create table digest_check (
    tenant_id    bigint      not null,
    employee_id  bigint      not null,
    iso_week     text        not null,
    checked_at   timestamptz not null,
    primary key (tenant_id, employee_id),
    foreign key (tenant_id, employee_id) references employee (tenant_id, id) on delete cascade
);

-- The subscribers whose day it is, looked up by company every hour.
create index employee_digest_idx on employee (tenant_id, digest_day) where digest_day is not null;
