-- Issue #13: failed logins per user name and per client address, shared by every node; a key locks for a while after
-- too many failures in a window, and an administrator can lift a lock.
create table login_throttle (
    kind         text        not null check (kind in ('user', 'address')),
    key          text        not null check (length(key) between 1 and 200),
    failures     integer     not null check (failures >= 0),
    window_start timestamptz not null,
    locked_until timestamptz,
    primary key (kind, key)
);
create index login_throttle_locked_idx on login_throttle (locked_until) where locked_until is not null;
comment on table login_throttle is 'Failed logins per user name and per client address within a window; locked_until set when the limit was reached (lifted by an administrator or by time).';
