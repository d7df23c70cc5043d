-- One company on Slack and Teams is one tenant: the workspace or tenant id of the other platform
-- becomes an alias of it. An admin links them with a one-time code issued in one and typed in
-- the other; tenants are found through their aliases first.
create table tenant_alias (
    platform     text        not null check (platform in ('SLACK', 'TEAMS', 'LOCAL')),
    external_id  text        not null,
    tenant_id    bigint      not null references tenant (id) on delete cascade,
    linked_at    timestamptz not null default now(),
    primary key (platform, external_id)
);
create index tenant_alias_tenant_idx on tenant_alias (tenant_id);

-- Link codes are kept as a SHA-256 of the normalised code: a stolen row links nothing. Single
-- use (used_at, set by a conditional update), valid for 24 hours.
create table tenant_link_code (
    code_hash    text        primary key,
    tenant_id    bigint      not null references tenant (id) on delete cascade,
    created_by   bigint      not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    used_by      text,
    foreign key (tenant_id, created_by) references employee (tenant_id, id) on delete cascade,
    check (expires_at > created_at)
);
create index tenant_link_code_tenant_idx on tenant_link_code (tenant_id);
