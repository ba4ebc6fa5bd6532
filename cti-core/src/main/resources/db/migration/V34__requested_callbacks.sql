-- Issue #14 (IVR): a caller who leaves the queue for a callback keeps their place. A 'requested' callback carries
-- the queue and the moment the caller joined it (queued_at); agents see requested callbacks first, oldest place first.
alter table callbacks drop constraint callbacks_kind_check;
alter table callbacks add constraint callbacks_kind_check check (kind in ('abandoned', 'scheduled', 'requested'));
alter table callbacks add column queued_at timestamptz;
-- a requested callback without its queue and place could not be ordered fairly
alter table callbacks add constraint callbacks_requested_place_check
    check (kind <> 'requested' or (queue is not null and queued_at is not null));
-- the side panel's list puts open requested callbacks first by place
create index callbacks_requested_place_idx on callbacks (queued_at, id)
    where kind = 'requested' and status in ('open', 'taken');
-- a caller who rings again and is answered closes their open abandoned and requested callbacks
drop index callbacks_open_number_idx;
create index callbacks_open_number_idx on callbacks (number) where status = 'open' and kind in ('abandoned', 'requested');
comment on column callbacks.queued_at is 'For a requested callback (kind requested, booked from the IVR): when the caller joined the queue, their place in it.';
