-- "Done" and "reopened" in the points log (issue #12): the crew reports the work done after the last point, the
-- revisit may reopen it; both are log rows like the rest, so the record of who said what stays evidence.
alter table work_order_points drop constraint work_order_points_kind_check;
alter table work_order_points add constraint work_order_points_kind_check
    check (kind in ('point', 'correction', 'reroute', 'close', 'done', 'reopen'));
alter table work_order_points drop constraint work_order_points_reason_check;
alter table work_order_points add constraint work_order_points_reason_check
    check (kind in ('point', 'done') or length(reason) > 0);
