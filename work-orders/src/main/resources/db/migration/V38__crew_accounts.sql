-- Issue #13 (docs/adr/0024): a crew member may sign in with a user account of role CREW instead of carrying a token
-- an administrator issued. The account is bound to one crew; signing in issues a token that expires and dies with the
-- account (disabled, or no longer CREW) or the next sign-in.
create table work_order_crew_accounts (
    username     text        primary key references users (username) on delete cascade,
    crew_unit_id bigint      not null references work_order_units (id),
    assigned_at  timestamptz not null,
    assigned_by  text        not null
);
comment on table work_order_crew_accounts is 'Which crew a user of role CREW works for; set by an administrator on the users page.';

alter table work_order_crew_tokens add column signed_in_user text,
    add column expires_at timestamptz,
    -- a sign-in token always expires; an administrator's token never does
    add constraint work_order_crew_tokens_sign_in_expires check ((signed_in_user is null) = (expires_at is null));
create index work_order_crew_tokens_sign_in_idx on work_order_crew_tokens (signed_in_user)
    where signed_in_user is not null and revoked_at is null;
comment on column work_order_crew_tokens.signed_in_user is 'The CREW user whose sign-in issued this token (null: issued by an administrator).';
