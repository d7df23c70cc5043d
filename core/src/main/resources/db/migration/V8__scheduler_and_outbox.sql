-- db-scheduler's table (its PostgreSQL schema): scheduled work runs once across every instance.
create table scheduled_tasks (
    task_name             text        not null,
    task_instance         text        not null,
    task_data             bytea,
    execution_time        timestamptz not null,
    picked                boolean     not null,
    picked_by             text,
    last_success          timestamptz,
    last_failure          timestamptz,
    consecutive_failures  integer,
    last_heartbeat        timestamptz,
    version               bigint      not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Outbox of messages Tandem sends on its own (monthly reports): a message is written once, under a
-- unique key (a second run of the same job adds nothing), then delivered by a dispatcher that
-- claims it, sends it and marks it sent; a failed delivery is retried later, up to a limit.
create table notification (
    id               bigint generated always as identity primary key,
    tenant_id        bigint      not null references tenant (id) on delete cascade,
    employee_id      bigint      not null,
    kind             text        not null check (kind in ('MONTHLY_REPORT')),
    dedupe_key       text        not null unique,
    payload          text        not null default '',
    created_at       timestamptz not null default now(),
    next_attempt_at  timestamptz not null default now(),
    attempts         integer     not null default 0,
    sent_at          timestamptz,
    failed_at        timestamptz,
    last_error       text,
    foreign key (tenant_id, employee_id) references employee (tenant_id, id) on delete cascade
);
create index notification_due_idx on notification (next_attempt_at) where sent_at is null and failed_at is null;
