-- Issue #12's bench, profiled with pg_stat_statements: two statements of every state change had no index to use and
-- read ~2,000 and ~950 blocks each (72 ms and 38 ms on average with 100,000 open orders: 97 % of PostgreSQL's time),
-- capping the clock at ~45 changes/s on 2 cores.
-- WorkOrders.syncTimers reads an order's timers not cancelled, fired ones included (the partial index on
-- (order_id, point) holds unfired ones only).
create index work_order_timers_order_live_idx on work_order_timers (order_id) where cancelled_at is null;
-- a recorded point stops the repeats of the order's alarms at that point (acknowledged or not: the open-alarms index
-- does not cover it)
create index work_order_alarms_repeating_order_idx on work_order_alarms (order_id) where next_repeat_at is not null;
