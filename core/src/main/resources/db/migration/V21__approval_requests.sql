-- Approvals reach the approver (issue 12). One row per commitment or hour entry that waits for a
-- decision: who asked, whom it was put to (the line manager; null when the CSR managers were
-- asked at once) and when, so the reminder (2 working days) and the escalation to the CSR
-- managers (5 working days) are each written once. The outbox's unique keys keep the messages
-- once; done_at closes a request once it is decided (the job reads only open ones).
create table approval_request (
    id           bigint generated always as identity primary key,
    tenant_id    bigint      not null references tenant (id) on delete cascade,
    subject      text        not null check (subject in ('COMMITMENT', 'HOURS')),
    subject_id   bigint      not null,
    employee_id  bigint      not null,
    approver_id  bigint,
    asked_at     timestamptz not null,
    reminded_at  timestamptz,
    escalated_at timestamptz,
    done_at      timestamptz,
    unique (tenant_id, subject, subject_id),
    foreign key (tenant_id, employee_id) references employee (tenant_id, id) on delete cascade
);
create index approval_request_open_idx on approval_request (asked_at) where done_at is null;

-- Who approved or declined a commitment, as hour entries already say (decided_by).
alter table commitment add column decided_by bigint;

-- Teams: what installing Tandem for a person through Microsoft Graph last gave (INSTALLED, or why
-- not: NOT_GRANTED when the tenant refused, NO_AAD_ID when the person has no Azure AD id), so a
-- message routed elsewhere can say why.
create table teams_app_install (
    tenant_id    bigint      not null,
    employee_id  bigint      not null,
    outcome      text        not null check (outcome in ('INSTALLED', 'NOT_GRANTED', 'NO_AAD_ID')),
    detail       text,
    tried_at     timestamptz not null default now(),
    primary key (tenant_id, employee_id),
    foreign key (tenant_id, employee_id) references employee (tenant_id, id) on delete cascade
);
