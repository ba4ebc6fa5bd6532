-- The hotline's calendar of exceptions to its weekly opening hours (issue #14): public holidays (closed), make-up
-- working days (调休上班: open with the weekly hours on a day the week would close), special hours. Read by the IVR's
-- hours script on every call, edited by administrators (/admin/service-calendar.html).
create table service_calendar_days (
    day         date        primary key,
    kind        text        not null check (kind in ('holiday', 'workday', 'special-hours')),
    name        text        not null check (length(name) between 1 and 100),
    opens_at    time,
    closes_at   time,
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    check ((kind = 'special-hours') = (opens_at is not null and closes_at is not null)),
    check (opens_at is null or closes_at is null or opens_at <> closes_at),
    check (kind = 'special-hours' or (opens_at is null and closes_at is null))
);
comment on table service_calendar_days is 'Exceptions to the hotline''s weekly opening hours: holiday (closed all day), workday (open with the weekly hours), special-hours (open opens_at to closes_at; a closes_at before opens_at is on the next day).';
