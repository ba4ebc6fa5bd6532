-- Wallboard and reports (issue #3): after-call work per call, and the index the restart rebuild reads by.
alter table calls add column wrapup_seconds integer check (wrapup_seconds >= 0);
comment on column calls.wrapup_seconds is 'After-call work (事后处理): seconds the answering agent spent paused with reason wrapup right after this call; null when none was recorded.';
create index calls_ended_idx on calls (ended_at) where ended_at is not null;
