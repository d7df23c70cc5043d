-- A directory file's preview waits here for the admin's Confirm: the rows as read from the file
-- (gzipped JSON), for the admin who shared it, in their company, until it expires. Confirming
-- plans them again against the directory as it is then and applies them in one transaction;
-- the plan is deleted by its confirmation, so a second Confirm finds nothing.
create table directory_plan (
    id          uuid        primary key,
    tenant_id   bigint      not null references tenant (id) on delete cascade,
    admin_id    bigint      not null,
    file_name   text        not null,
    row_count   integer     not null,
    rows_gzip   bytea       not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    foreign key (tenant_id, admin_id) references employee (tenant_id, id) on delete cascade
);
create index directory_plan_expiry_idx on directory_plan (expires_at);
