-- Who forced what on whom: supervisor force pause / force logout of agents (issue #3), kept for disputes.
create table audit_log (
    id     bigint generated always as identity primary key,
    at     timestamptz not null default now(),
    actor  text not null,
    action text not null,
    target text not null,
    detail jsonb not null default '{}'::jsonb
);
create index audit_log_target_at on audit_log (target, at desc);
create index audit_log_at on audit_log (at desc);
