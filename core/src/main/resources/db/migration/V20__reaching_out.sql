-- Tandem speaks first (issue 12). The outbox's kinds are checked in core (Topic.of): every feature
-- adds its own kinds without redefining a constraint here, and an unknown kind is refused before it
-- is written.
alter table notification drop constraint notification_kind_check;

-- A change or cancellation of a session within the next 24 hours is sent even in quiet hours.
alter table notification add column urgent boolean not null default false;

-- Outbox rows sent, skipped or failed are looked up by person for "what did I receive".
create index notification_employee_idx on notification (tenant_id, employee_id, created_at desc);

-- Each person's quiet hours, in their own time zone: nothing but urgent changes is sent from
-- quiet_from to quiet_until, nor on Saturdays and Sundays when quiet_weekends. Equal bounds mean
-- no quiet time in the day. Null until the person chooses: the deployment's default applies
-- (tandem.notifications.quiet-hours: 19:00-08:00 and weekends unless configured).
alter table employee add column quiet_from time;
alter table employee add column quiet_until time;
alter table employee add column quiet_weekends boolean;
alter table employee add constraint employee_quiet_hours_whole
    check ((quiet_from is null) = (quiet_until is null)
           and (quiet_from is null) = (quiet_weekends is null));

-- The weekly digest is opt-in: the ISO day of the week it comes on (1 = Monday), null = off.
alter table employee add column digest_day smallint check (digest_day between 1 and 7);

-- The topics a person turned off (see core's Topic); a row means "do not send me these".
create table notification_opt_out (
    tenant_id    bigint not null,
    employee_id  bigint not null,
    topic        text   not null,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, employee_id, topic),
    foreign key (tenant_id, employee_id) references employee (tenant_id, id) on delete cascade
);
