-- Issue #16: call outcomes (通话结果, disposition codes, docs/adr/0036). A company's list, each for every queue or for
-- some, managed by administrators; retired, never deleted (past calls keep their labels). Per queue whether the agent
-- must choose one before ending the wrap-up. One row per call and agent with the outcome recorded ('none': none chosen).
create table disposition_codes (
    code       text        primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,31}$' and code <> 'none'),
    label_zh   text        not null check (length(label_zh) between 1 and 20),
    label_en   text        not null check (length(label_en) between 1 and 40),
    -- empty: every queue's calls
    queues     text[]      not null default '{}',
    position   integer     not null default 0,
    active     boolean     not null default true,
    updated_by text        not null,
    updated_at timestamptz not null default now()
);
comment on table disposition_codes is 'Call outcomes (通话结果) agents record for a queue call during wrap-up; retired (active false) ones stay for the labels of past calls.';

alter table queues add column disposition_required boolean not null default false;
comment on column queues.disposition_required is 'Whether an agent must choose a call outcome before ending the wrap-up of this queue''s call (enforced by the desk).';

create table call_dispositions (
    call_id         text        not null,
    agent_interface text        not null,
    agent_id        bigint      references users (id),
    queue           text,
    code            text        not null,
    recorded_at     timestamptz not null,
    primary key (call_id, agent_interface)
);
create index call_dispositions_recorded_idx on call_dispositions (recorded_at);
comment on table call_dispositions is 'The call outcome each agent recorded for a queue call (code of disposition_codes, or none: the wrap-up ended without one); a chosen code is never overwritten by none (another node''s view).';

alter table calls add column disposition text;
comment on column calls.disposition is 'The last call outcome an agent recorded for the call (call_dispositions), none when none was chosen.';
alter table contacts add column disposition text;
comment on column contacts.disposition is 'The call outcome the agent recorded for the call the contact was logged on.';
