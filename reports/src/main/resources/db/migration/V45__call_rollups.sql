-- Reports (issue #15): each queue's calls per 15 minutes and per answering agent, recomputed from calls for every
-- interval a written row falls in (never incremented: a call written twice still counts once), rebuilt on demand.
-- A call counts in the interval it entered the queue (queued_at; started_at when it has none).
create index calls_queue_interval_idx on calls (queue, (coalesce(queued_at, started_at))) where queue is not null;

create table call_rollups (
    queue                  text        not null,
    bucket                 timestamptz not null,
    offered                integer     not null,
    answered               integer     not null,
    abandoned              integer     not null,
    short_abandoned        integer     not null,
    timeouts               integer     not null,
    unanswered             integer     not null,
    transferred            integer     not null,
    answered_within_t      integer     not null,
    abandoned_within_t     integer     not null,
    wait_answered_seconds  bigint      not null,
    wait_abandoned_seconds bigint      not null,
    wait_all_seconds       bigint      not null,
    max_wait_seconds       integer     not null,
    talk_seconds           bigint      not null,
    hold_seconds           bigint      not null,
    wrapup_seconds         bigint      not null,
    wrapups                integer     not null,
    service_level_seconds  integer     not null,
    primary key (queue, bucket)
);
comment on table call_rollups is 'Per queue and 15-minute interval (by queue entry): counts and sums the KPIs of docs/kpis.md are computed from; short_abandoned are abandons that waited under hotline.reports.short-abandon; service_level_seconds is the queue''s T when the interval was computed.';

create table call_rollup_agents (
    agent_interface text        not null,
    queue           text        not null,
    bucket          timestamptz not null,
    agent_id        bigint,
    answered        integer     not null,
    transferred     integer     not null,
    talk_seconds    bigint      not null,
    hold_seconds    bigint      not null,
    wrapup_seconds  bigint      not null,
    wrapups         integer     not null,
    primary key (agent_interface, queue, bucket)
);
create index call_rollup_agents_bucket_idx on call_rollup_agents (bucket);
comment on table call_rollup_agents is 'Per answering agent (phone), queue and 15-minute interval: the calls the agent answered and their talk, hold and wrap-up.';

create table call_rollup_state (
    id               integer     primary key check (id = 1),
    watermark        timestamptz not null,
    short_abandon_seconds integer not null
);
comment on table call_rollup_state is 'Up to when calls were rolled up (rows written since are recomputed) and the short-abandon threshold used; another threshold rebuilds every rollup.';
