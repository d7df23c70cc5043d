-- Campaigns (issue 12): a CSR manager's message with a selection of missions, to an audience
-- (everyone, a site, a department, the digest subscribers) or to one Slack or Teams channel, now or
-- on a date (from 08:00 in each person's time zone). Each person's message is a CAMPAIGN row of the
-- outbox (payload: the campaign's id); its figures are read from there (reached), from the clicks
-- below (clicked) and from the commitments made from its message (committed, and their hours).
create table campaign (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null references tenant (id) on delete cascade,
    name            text        not null,
    message         text        not null,
    audience        text        not null
                    check (audience in ('EVERYONE', 'SITE', 'DEPARTMENT', 'DIGEST', 'CHANNEL')),
    audience_value  text,       -- the site, the department, or the channel's id
    send_on         date,       -- null: at once
    -- SCHEDULED (may be changed or cancelled), SENDING (its date has begun: people get it as their
    -- 08:00 comes), SENT, CANCELLED.
    status          text        not null check (status in ('SCHEDULED', 'SENDING', 'SENT', 'CANCELLED')),
    -- A channel campaign: POSTED, or UNREACHABLE when Tandem cannot write in that channel.
    channel_result  text,
    channel_attempts integer    not null default 0, -- claims of its post: a retry looks for it first
    created_by      bigint      not null,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    unique (tenant_id, id),
    foreign key (tenant_id, created_by) references employee (tenant_id, id) on delete cascade,
    check ((audience in ('EVERYONE', 'DIGEST')) = (audience_value is null))
);
-- Names a campaign by its name ("campaign Giving week"): one live campaign per name.
create unique index campaign_name_uq on campaign (tenant_id, lower(name)) where status <> 'CANCELLED';
create index campaign_due_idx on campaign (send_on) where status in ('SCHEDULED', 'SENDING');

create table campaign_mission (
    tenant_id    bigint  not null,
    campaign_id  bigint  not null,
    mission_id   bigint  not null,
    position     integer not null,
    primary key (tenant_id, campaign_id, mission_id),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id) on delete cascade,
    foreign key (tenant_id, mission_id) references mission (tenant_id, id) on delete cascade
);

-- A button of the campaign's message pressed: once per person.
create table campaign_click (
    tenant_id    bigint      not null,
    campaign_id  bigint      not null,
    employee_id  bigint      not null,
    clicked_at   timestamptz not null default now(),
    primary key (tenant_id, campaign_id, employee_id),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id) on delete cascade,
    foreign key (tenant_id, employee_id) references employee (tenant_id, id) on delete cascade
);

-- A commitment made from a campaign's message: the campaign it is attributed to (at most one).
create table campaign_commitment (
    tenant_id      bigint not null,
    commitment_id  bigint not null,
    campaign_id    bigint not null,
    primary key (tenant_id, commitment_id),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id) on delete cascade,
    foreign key (tenant_id, commitment_id) references commitment (tenant_id, id) on delete cascade
);
create index campaign_commitment_campaign_idx on campaign_commitment (tenant_id, campaign_id);

-- A campaign's messages in the outbox, for its "reached" figure.
create index notification_campaign_idx on notification (tenant_id, payload)
    where kind = 'CAMPAIGN';
