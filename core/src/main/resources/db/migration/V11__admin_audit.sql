-- Every admin action (an install making someone admin, policy changes, roles granted or revoked,
-- link codes issued and redeemed, imports), written in the same transaction as the change, for
-- the tenant's admins to read. The actor's name is kept with the row: the people of a workspace
-- linked into another company are removed, and the trail must still say who acted.
create table admin_audit (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null references tenant (id) on delete cascade,
    actor_id    bigint,
    actor_name  text        not null,
    action      text        not null,
    detail      jsonb       not null default '{}'::jsonb,
    created_at  timestamptz not null default now()
);
create index admin_audit_tenant_idx on admin_audit (tenant_id, id desc);
