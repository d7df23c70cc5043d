-- Calendar files for sessions (issue 12). A session keeps its identity through edits: its uid is
-- the calendar event's UID, its sequence the event's SEQUENCE. Missions.writeSessions rewrites a
-- mission's sessions on every edit, carrying uid and sequence over (an unchanged session keeps
-- both, a moved one keeps its uid with sequence + 1, a new one gets a new uid), so a calendar
-- updates the event it already holds instead of adding a second one.
alter table mission_session add column uid uuid not null default gen_random_uuid();
alter table mission_session add column sequence integer not null default 0 check (sequence >= 0);
create unique index mission_session_uid_uq on mission_session (uid);

-- The reminder job looks at the sessions of the next few days only.
create index mission_session_starts_idx on mission_session (starts_at);

-- Where a remote (or hybrid) mission's sessions are joined: a video-call link, shown in the
-- reminder and put in the calendar file's LOCATION. https only (checked in core too).
alter table mission add column link text check (link is null or link ~ '^https://');
