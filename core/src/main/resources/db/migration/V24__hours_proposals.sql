-- Hours that log themselves (issue 12): after a dated session ends, its hours are proposed to each
-- confirmed volunteer who logged none for that day on that commitment. One row per commitment and
-- session, so the job that proposes them (and the one that lets them stand) writes nothing twice,
-- and an answer is checked against its owner and its state.
create table hours_proposal (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null,
    commitment_id   bigint      not null,
    employee_id     bigint      not null,
    mission_id      bigint      not null,
    session_starts  timestamptz not null, -- the session (mission_session's key with the mission)
    work_date       date        not null, -- the session's day in the person's time zone
    minutes         integer     not null check (minutes > 0 and minutes <= 1440 and minutes % 15 = 0),
    state           text        not null default 'PROPOSED'
                    check (state in ('PROPOSED', 'CONFIRMED', 'CORRECTED', 'NO_SHOW', 'STOOD')),
    stands_at       timestamptz not null, -- unanswered until then, it stands (the policy's window)
    answered_at     timestamptz,
    hour_entry_id   bigint,               -- the hours it logged (confirmed, corrected or stood)
    outcome_note    text,                 -- why nothing stood, in the person's language
    created_at      timestamptz not null default now(),
    unique (tenant_id, id),
    unique (tenant_id, commitment_id, session_starts),
    foreign key (tenant_id, commitment_id) references commitment (tenant_id, id) on delete cascade,
    foreign key (tenant_id, employee_id) references employee (tenant_id, id) on delete cascade,
    foreign key (tenant_id, mission_id) references mission (tenant_id, id) on delete cascade
);
-- The standing job reads the unanswered ones that are due.
create index hours_proposal_due_idx on hours_proposal (stands_at) where state = 'PROPOSED';
-- Reports count declared no-shows per mission and month.
create index hours_proposal_no_show_idx on hours_proposal (tenant_id, work_date)
    where state = 'NO_SHOW';

-- The policy: how long a proposal waits for an answer, and what stands when none comes (the
-- proposed hours, logged as if confirmed, or nothing).
alter table tenant add column proposal_window_days integer not null default 3
    check (proposal_window_days between 1 and 30);
alter table tenant add column proposal_default text not null default 'HOURS'
    check (proposal_default in ('HOURS', 'NOTHING'));

-- The proposing job reads the sessions that ended lately, across tenants.
create index mission_session_ends_idx on mission_session (ends_at);
