-- The hotline's weekly opening hours as administrators set them on /admin/service-calendar.html (issue #13): one row
-- per day of the week, open from opens_at to closes_at or closed (neither). A day without a row keeps the settings'
-- hours (hotline.ivr.hours.*), so an install nobody edited works as before. Read by the IVR's hours script on every
-- call, under the exceptions of service_calendar_days.
create table weekly_opening_hours (
    day_of_week smallint    primary key check (day_of_week between 1 and 7),
    opens_at    time,
    closes_at   time,
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    check ((opens_at is null) = (closes_at is null))
);
comment on table weekly_opening_hours is 'The hotline''s weekly opening hours set by administrators: day_of_week 1 (Monday) to 7 (Sunday), open opens_at to closes_at (a closes_at not after opens_at is on the next day, equal is 24 hours) or closed (both null); a day without a row keeps hotline.ivr.hours.';
