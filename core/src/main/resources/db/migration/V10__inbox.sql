-- The inbox: what Tandem acknowledged to Slack or Teams, stored before (or as) it is acknowledged
-- and worked from here, so a crash, a database outage or a failing platform API delays an answer
-- but never loses it. One row per delivery, under the channel's de-duplication key (a trigger id,
-- an event id, a view id and the hash of what was submitted, a Teams activity id): a retried or
-- replayed delivery finds the row and does nothing.
--
-- Life of a row: NEW (to work: the engine runs, and its answer is stored in the same transaction
-- as the domain work) -> ANSWERED (the answer is to be delivered; progress says what already went
-- out, so a retry resumes instead of sending it again) -> DONE, or FAILED after the last attempt.
-- next_attempt_at is also the lease of the instance working it: another instance takes the row
-- over only once it has passed (the first one died).
create table inbox (
    id               bigint generated always as identity primary key,
    channel          text        not null check (channel in ('slack', 'teams')),
    dedupe_key       text        not null,
    kind             text        not null,
    team             text,
    payload          text        not null,
    answer           text,
    progress         text,
    tenant_id        bigint,
    employee_id      bigint,
    status           text        not null default 'NEW'
                     check (status in ('NEW', 'ANSWERED', 'DONE', 'FAILED')),
    -- The answer could not be delivered in every attempt: the row now carries, in its place, a
    -- message telling the person to ask again, tried with the same back-off.
    apology          boolean     not null default false,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    received_at      timestamptz not null default now(),
    done_at          timestamptz,
    unique (channel, dedupe_key)
);
create index inbox_due_idx on inbox (next_attempt_at) where status in ('NEW', 'ANSWERED');
create index inbox_age_idx on inbox (received_at);

-- The inbox replaces the processed-event keys (marked before the work, so a failed work was lost).
drop table processed_event;

-- Outbox: a delivery records what already went out (the message, then its files), so a retry
-- after a crash resumes instead of posting the message again.
alter table notification add column progress text;
