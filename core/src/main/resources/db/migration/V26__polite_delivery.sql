-- Sending politely at scale (issue 12, delivery).

-- The outbox's claim takes due messages company by company (a few of each in turn), so a large
-- company's digest does not hold back a small company's approval request: per company, the due
-- messages in the order they fell due.
create index notification_due_tenant_idx on notification (tenant_id, next_attempt_at, id)
    where sent_at is null and failed_at is null;

-- Slack said a person cannot be reached there (deactivated, deleted, no such conversation), or
-- that an install's token is dead (revoked, workspace gone): later messages skip them at once
-- instead of calling Slack again. A person's mark goes when they write to Tandem again; an
-- install's is kept under a digest of its token, so a reinstall (a new token) is not marked.
create table slack_unreachable (
    tenant_id    bigint      not null references tenant (id) on delete cascade,
    address      text        not null,
    reason       text        not null,
    since        timestamptz not null default now(),
    primary key (tenant_id, address)
);
