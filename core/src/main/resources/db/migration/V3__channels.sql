-- What the chat channels need to keep: Slack installations (bot tokens encrypted by the app with
-- AES-GCM before they get here), OAuth states, and the keys of inbound events already handled,
-- so a retried or duplicated delivery is processed once across every instance.

create table slack_installation (
    id                  bigint generated always as identity primary key,
    tenant_id           bigint      not null references tenant (id) on delete cascade,
    enterprise_id       text,
    team_id             text        not null,
    app_id              text,
    bot_id              text,
    bot_user_id         text,
    bot_token_enc       text        not null,
    bot_scopes          text,
    installer_user_id   text,
    installed_at        timestamptz not null default now(),
    unique (team_id)
);

create table slack_oauth_state (
    state       text        primary key,
    created_at  timestamptz not null default now()
);

create table processed_event (
    channel     text        not null,
    event_key   text        not null,
    received_at timestamptz not null default now(),
    primary key (channel, event_key)
);
create index processed_event_age_idx on processed_event (received_at);
