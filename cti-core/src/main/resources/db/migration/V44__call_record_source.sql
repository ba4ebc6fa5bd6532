-- Where a call record came from (issue #15): Hotline's own call model (ami), Asterisk's queue_log when a call was
-- missing from calls (queue_log, the reconciliation of ADR 0032), or an imported queue_log file (import).
alter table calls add column source text not null default 'ami' check (source in ('ami', 'queue_log', 'import'));
comment on column calls.source is 'ami: written from Hotline''s call model; queue_log: recreated from Asterisk''s queue_log because it was missing; import: loaded from a queue_log file a company brought.';
-- When the row was last written (insert, upsert or wrap-up): the reports' rollups recompute the intervals of the
-- rows written since they last looked.
alter table calls add column written_at timestamptz not null default now();
create index calls_written_idx on calls (written_at);
comment on column calls.written_at is 'When this row was last written or updated (reports recompute the 15-minute rollups of rows written since).';
