-- One row per IVR script run (issue #14): what the caller did, for the reports (calls deflected by outage notices,
-- faults reported by keypad, callers identified) and for support ("what did the IVR do with this call?").
create table ivr_runs (
    id          bigserial primary key,
    call_id     text,
    script      text        not null,
    caller      text,
    started_at  timestamptz not null,
    ended_at    timestamptz not null,
    outcome     text        not null check (outcome in ('completed', 'hung_up', 'fallback', 'unknown_script')),
    path        text        not null default '',
    facts       jsonb       not null default '{}',
    error       text
);
create index ivr_runs_started_at on ivr_runs (started_at);
create index ivr_runs_call_id on ivr_runs (call_id);
