-- Reports (issue #15): per queue and interval, the calls whose caller asked for a callback in the IVR, the calls a
-- work order was opened on, and the satisfaction surveys answered after them.
alter table call_rollups
    add column callbacks_requested integer not null default 0,
    add column work_orders         integer not null default 0,
    add column surveyed            integer not null default 0,
    add column satisfied           integer not null default 0,
    add column score_sum           integer not null default 0;
comment on column call_rollups.satisfied is 'Surveys scored 4 or 5 (满意, 非常满意) of the surveyed calls.';
