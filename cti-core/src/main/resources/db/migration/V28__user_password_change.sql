-- Issue #13: a one-time or reset password must be changed at the next login before anything else.
alter table users add column must_change_password boolean not null default false,
                  add column password_changed_at timestamptz;
comment on column users.must_change_password is 'The password was handed out (first administrator, reset): the user must choose a new one at the next login.';
