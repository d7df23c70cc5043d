-- The setup checklist's steps that no other row can tell: the directory skipped (a company with
-- neither an identity provider nor a file), and the announcement shown to an admin to post. The
-- other steps are read from what exists (the policy, associations, missions, the directory).
create table setup_step (
    tenant_id   bigint      not null references tenant (id) on delete cascade,
    step        text        not null check (step in ('DIRECTORY', 'ANNOUNCEMENT')),
    marked_by   bigint,
    marked_at   timestamptz not null default now(),
    primary key (tenant_id, step)
);

-- The installer's welcome, the setup checklist, goes through the outbox like any message sent
-- without being asked: stored with the install, sent (and retried) from there.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('MONTHLY_REPORT', 'HOURS_REJECTED', 'COMMITMENT_DECLINED', 'SETUP_CHECKLIST'));
