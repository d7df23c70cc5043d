-- btree_gist lets one GiST index hold the tenant and the position (trusted extension, PG 13+).
create extension if not exists btree_gist;

-- Tandem core schema. Every tenant-owned table carries tenant_id, and foreign keys between
-- tenant-owned tables include it, so a row of one tenant can never point at a row of another.

create table tenant (
    id                      bigint generated always as identity primary key,
    platform                text        not null check (platform in ('SLACK', 'TEAMS', 'LOCAL')),
    external_id             text        not null,
    name                    text        not null,
    country                 char(2)     not null,
    sector                  text        not null default 'PRIVATE' check (sector in ('PRIVATE', 'PUBLIC')),
    time_zone               text        not null default 'Europe/Luxembourg',
    yearly_allowance_hours  numeric(7, 2) not null default 0 check (yearly_allowance_hours >= 0),
    manager_approval        boolean     not null default false,
    hours_approval          boolean     not null default true,
    over_allowance          text        not null default 'REFUSE' check (over_allowance in ('REFUSE', 'FLAG')),
    hourly_rate             numeric(10, 2) not null default 0 check (hourly_rate >= 0),
    currency                char(3)     not null default 'EUR',
    created_at              timestamptz not null default now(),
    unique (platform, external_id)
);

-- A multinational company overrides its policy for the sites of one country; null = inherit.
create table tenant_country_policy (
    tenant_id               bigint      not null references tenant (id) on delete cascade,
    country                 char(2)     not null,
    yearly_allowance_hours  numeric(7, 2) check (yearly_allowance_hours >= 0),
    manager_approval        boolean,
    hourly_rate             numeric(10, 2) check (hourly_rate >= 0),
    currency                char(3),
    primary key (tenant_id, country)
);

create table employee (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null references tenant (id) on delete cascade,
    display_name    text        not null,
    email           text,
    locale          text        not null default 'en',
    time_zone       text        not null default 'Europe/Luxembourg',
    is_employee     boolean     not null default true,
    is_csr_manager  boolean     not null default false,
    is_admin        boolean     not null default false,
    manager_id      bigint,
    site            text,
    department      text,
    country         char(2),
    -- profile
    skills          text[]      not null default '{}',
    causes          text[]      not null default '{}',
    languages       text[]      not null default '{}',
    availability    integer     not null default 0, -- bit (day * 3 + part): Monday morning = bit 0
    place_name      text,
    place_country   char(2),
    lat             double precision,
    lon             double precision,
    travel_km       integer     not null default 15 check (travel_km between 0 and 500),
    remote_ok       boolean     not null default true,
    onboarded       boolean     not null default false,
    created_at      timestamptz not null default now(),
    unique (tenant_id, id),
    foreign key (tenant_id, manager_id) references employee (tenant_id, id),
    check ((lat is null) = (lon is null))
);
create unique index employee_email_uq on employee (tenant_id, lower(email)) where email is not null;

-- How a person is known on a chat platform: a Slack user id, a Teams AAD object id, an email.
create table chat_identity (
    tenant_id    bigint not null,
    employee_id  bigint not null,
    kind         text   not null check (kind in ('SLACK', 'TEAMS', 'EMAIL', 'LOCAL')),
    external_id  text   not null,
    primary key (tenant_id, kind, external_id),
    foreign key (tenant_id, employee_id) references employee (tenant_id, id) on delete cascade
);
create index chat_identity_employee_idx on chat_identity (tenant_id, employee_id);

create table association (
    id                  bigint generated always as identity primary key,
    tenant_id           bigint  not null references tenant (id) on delete cascade,
    name                text    not null,
    description         text    not null default '',
    causes              text[]  not null default '{}',
    address             text,
    place_name          text,
    place_country       char(2),
    lat                 double precision,
    lon                 double precision,
    registration_id     text,
    coordinator_name    text,
    coordinator_email   text,
    created_at          timestamptz not null default now(),
    unique (tenant_id, id),
    unique (tenant_id, name)
);

create table mission (
    id                  bigint generated always as identity primary key,
    tenant_id           bigint  not null references tenant (id) on delete cascade,
    association_id      bigint  not null,
    title               text    not null,
    description         text    not null default '',
    skills              text[]  not null default '{}',
    causes              text[]  not null default '{}',
    sdgs                smallint[] not null default '{}',
    languages           text[]  not null default '{}',
    mode                text    not null check (mode in ('ONSITE', 'REMOTE', 'HYBRID')),
    place_name          text,
    place_country       char(2),
    lat                 double precision,
    lon                 double precision,
    schedule            text    not null check (schedule in ('ONE_DATE', 'SERIES', 'FLEXIBLE')),
    slots               integer not null default 0, -- same bits as employee.availability; 0 = any time
    hours_per_session   numeric(5, 2) not null check (hours_per_session > 0 and hours_per_session <= 24),
    capacity            integer not null check (capacity > 0),
    team_size           text    not null default 'SINGLE' check (team_size in ('SINGLE', 'PAIR', 'TRIO')),
    status              text    not null default 'OPEN' check (status in ('DRAFT', 'OPEN', 'FULL', 'CLOSED', 'CANCELLED')),
    seats_taken         integer not null default 0 check (seats_taken >= 0 and seats_taken <= capacity),
    first_date          date,
    last_date           date,
    created_by          bigint,
    created_at          timestamptz not null default now(),
    unique (tenant_id, id),
    foreign key (tenant_id, association_id) references association (tenant_id, id),
    check (mode = 'REMOTE' or (lat is not null and lon is not null)),
    check ((lat is null) = (lon is null)),
    check (last_date is null or first_date is null or last_date >= first_date)
);
create index mission_tenant_status_idx on mission (tenant_id, status, id);
create index mission_association_idx on mission (tenant_id, association_id);
-- Nearest on-site and hybrid missions first: a GiST index on the position, used for
-- k-nearest-neighbour ordering (point <-> point) and bounding-box filters.
create index mission_open_position_gist on mission using gist (tenant_id, point(lon, lat))
    where status = 'OPEN' and mode <> 'REMOTE';

-- Newest open remote and hybrid missions, for people whose skills match few missions.
create index mission_open_remote_idx on mission (tenant_id, id)
    where status = 'OPEN' and mode <> 'ONSITE';

create table mission_session (
    tenant_id   bigint      not null,
    mission_id  bigint      not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    primary key (tenant_id, mission_id, starts_at),
    foreign key (tenant_id, mission_id) references mission (tenant_id, id) on delete cascade,
    check (ends_at > starts_at)
);

-- One row per (open mission, skill), kept by a trigger; only OPEN missions appear. The matcher
-- walks it skill by skill to find candidates without scanning every mission: newest remote
-- missions per skill through the primary key, nearest on-site ones per skill through the GiST.
create table mission_skill_index (
    tenant_id   bigint  not null,
    skill       text    not null,
    remote      boolean not null,
    mission_id  bigint  not null,
    lat         double precision,
    lon         double precision,
    primary key (tenant_id, skill, remote, mission_id),
    foreign key (tenant_id, mission_id) references mission (tenant_id, id) on delete cascade
);
create index mission_skill_nearby_gist on mission_skill_index
    using gist (tenant_id, skill, point(lon, lat)) where lat is not null;

create function mission_skill_index_refresh() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if new.status is not distinct from old.status and new.skills is not distinct from old.skills
           and new.mode is not distinct from old.mode and new.lat is not distinct from old.lat
           and new.lon is not distinct from old.lon then
            return new;
        end if;
        delete from mission_skill_index where tenant_id = old.tenant_id and mission_id = old.id;
    end if;
    if new.status = 'OPEN' then
        insert into mission_skill_index (tenant_id, skill, remote, mission_id, lat, lon)
        select distinct new.tenant_id, s, new.mode <> 'ONSITE', new.id,
               case when new.mode <> 'REMOTE' then new.lat end,
               case when new.mode <> 'REMOTE' then new.lon end
        from unnest(new.skills) s;
    end if;
    return new;
end $$;

create trigger mission_skill_index_sync after insert or update on mission
    for each row execute function mission_skill_index_refresh();

create table commitment (
    id                  bigint generated always as identity primary key,
    tenant_id           bigint  not null,
    mission_id          bigint  not null,
    employee_id         bigint  not null,
    status              text    not null check (status in ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'CANCELLED', 'COMPLETED')),
    conflict_declared   boolean not null default false,
    created_at          timestamptz not null default now(),
    decided_at          timestamptz,
    cancelled_at        timestamptz,
    unique (tenant_id, id),
    foreign key (tenant_id, mission_id) references mission (tenant_id, id),
    foreign key (tenant_id, employee_id) references employee (tenant_id, id)
);
-- At most one live commitment of a person to a mission: a repeated commit request finds it.
create unique index commitment_live_uq on commitment (tenant_id, mission_id, employee_id)
    where status <> 'CANCELLED';
-- The waiting list is served in the order of ids, which are taken under the mission's lock.
create index commitment_waitlist_idx on commitment (tenant_id, mission_id, id)
    where status = 'WAITLISTED';
create index commitment_employee_idx on commitment (tenant_id, employee_id, status);

-- "Not for me": the matcher stops proposing the mission to this person.
create table mission_dismissal (
    tenant_id    bigint not null,
    employee_id  bigint not null,
    mission_id   bigint not null,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, employee_id, mission_id),
    foreign key (tenant_id, employee_id) references employee (tenant_id, id) on delete cascade,
    foreign key (tenant_id, mission_id) references mission (tenant_id, id) on delete cascade
);

create table hour_entry (
    id              bigint generated always as identity primary key,
    tenant_id       bigint  not null,
    commitment_id   bigint  not null,
    employee_id     bigint  not null,
    work_date       date    not null,
    minutes         integer not null check (minutes > 0 and minutes <= 1440 and minutes % 15 = 0),
    on_work_time    boolean not null default true,
    note            text    not null default '',
    status          text    not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    over_allowance  boolean not null default false,
    decided_by      bigint,
    decided_at      timestamptz,
    created_at      timestamptz not null default now(),
    unique (tenant_id, id),
    foreign key (tenant_id, commitment_id) references commitment (tenant_id, id),
    foreign key (tenant_id, employee_id) references employee (tenant_id, id)
);
create index hour_entry_employee_date_idx on hour_entry (tenant_id, employee_id, work_date);
create index hour_entry_pending_idx on hour_entry (tenant_id, created_at) where status = 'PENDING';
create index hour_entry_commitment_idx on hour_entry (tenant_id, commitment_id);
