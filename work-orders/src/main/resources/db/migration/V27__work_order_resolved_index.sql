-- The revisit sweep (issue #12) looks each minute for done orders that are still open: few rows among many, so a
-- partial index keeps it off the 100,000 open orders.
create index work_orders_resolved_open_idx on work_orders (id) where status = 'resolved' and closed_at is null;
