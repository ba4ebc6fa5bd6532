-- Issue #12: one order per fault also across an outage. A new repair order on a line or area in outage lists the open
-- orders already there; these partial indexes keep that lookup off a scan of every open order.
create index work_orders_open_line_idx on work_orders (feeder_line_id) where closed_at is null;
create index work_orders_open_area_idx on work_orders (transformer_area_id) where closed_at is null;
