-- A tenant whose chat platform uninstalled Tandem keeps its data for retention_days, then it is
-- purged. A re-install before that clears uninstalled_at and nothing is lost.
alter table tenant add column retention_days integer not null default 365 check (retention_days between 0 and 3650);
alter table tenant add column uninstalled_at timestamptz;
create index tenant_uninstalled_idx on tenant (uninstalled_at) where uninstalled_at is not null;
