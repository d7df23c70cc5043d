-- The company directory (SCIM, a file, the chat) can deactivate a person: they keep their history
-- for reports but lose their roles and Tandem stops serving them. Null means active. Erasure after
-- the company's retention period counts from this moment.
alter table employee add column if not exists deactivated_at timestamptz;
create index if not exists employee_deactivated_idx on employee (tenant_id, deactivated_at) where deactivated_at is not null;
