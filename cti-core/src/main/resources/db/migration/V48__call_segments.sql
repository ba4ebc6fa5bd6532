-- A call's segments for the reports (issue #15): its waits per queue, rings per agent (kept apart, not one call row
-- per ring), talk per agent (a transfer splits the talk between the agents who had the call) and holds. Replaced
-- whole when the call is written again.
create table call_segments (
    call_id         text        not null,
    seq             integer     not null,
    kind            text        not null check (kind in ('queue', 'ring', 'talk', 'hold')),
    queue           text,
    agent_interface text,
    agent_id        bigint      references users (id) on delete set null,
    started_at      timestamptz not null,
    ended_at        timestamptz not null,
    result          text,
    primary key (call_id, seq)
);
create index call_segments_agent_idx on call_segments (agent_interface, started_at) where agent_interface is not null;
comment on table call_segments is 'Parts of each call: queue (result answered, abandoned, timeout, left), ring (answered, missed), talk (ended, transferred), hold; call_id is calls.call_id.';
