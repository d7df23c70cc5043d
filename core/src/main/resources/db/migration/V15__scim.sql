-- SCIM 2.0 provisioning (RFC 7643/7644). A company's identity provider (Entra ID, Okta) holds one
-- bearer token, issued by an admin in chat: only its SHA-256 is kept (a random 256-bit token needs
-- no slow hash), and issuing a new one replaces it, so the old one stops working at once.
create table scim_token (
    tenant_id   bigint      primary key references tenant (id) on delete cascade,
    token_hash  bytea       not null unique,
    issued_by   bigint,
    issued_at   timestamptz not null default now()
);

-- The identity provider's account of a person: its SCIM id (ours, opaque), userName and
-- externalId (theirs). The person is the employee row; a DELETE removes the account only (the
-- person is deactivated and keeps their history), so a later POST makes a new account, with a new
-- id, for the same person found again by email.
create table scim_user (
    tenant_id    bigint      not null,
    id           uuid        not null,
    seq          bigint      generated always as identity,
    employee_id  bigint      not null,
    user_name    text        not null check (length(user_name) between 1 and 256),
    external_id  text,
    given_name   text,
    family_name  text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, employee_id) references employee (tenant_id, id) on delete cascade
);
create unique index scim_user_name_uq on scim_user (tenant_id, lower(user_name));
create unique index scim_user_employee_uq on scim_user (tenant_id, employee_id);
create index scim_user_seq_idx on scim_user (tenant_id, seq);
create index scim_user_external_idx on scim_user (tenant_id, external_id) where external_id is not null;
