-- Where Tandem can write to a Teams user or team without being asked first (proactive messages):
-- the conversation reference of each installation, kept from installationUpdate,
-- conversationUpdate and every message, removed on uninstall, marked dead on a 403.
create table teams_conversation (
    tenant_id          bigint      not null references tenant (id) on delete cascade,
    conversation_id    text        not null,
    service_url        text        not null,
    conversation_type  text,
    employee_id        bigint,
    bot_id             text,
    dead               boolean     not null default false,
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, conversation_id)
);
create index teams_conversation_employee_idx on teams_conversation (tenant_id, employee_id)
    where employee_id is not null and not dead;
