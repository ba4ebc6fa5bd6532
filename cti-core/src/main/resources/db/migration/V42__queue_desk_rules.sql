-- Issue #13: the desk's rules per queue, set by administrators without a restart (docs/adr/0025). A queue's own
-- wrap-up (null: hotline.presence.wrap-up) and what an agent's extension adds (0: none; null: the settings'), and the
-- pause reasons agents choose from, each for every queue or for some.
alter table queues add column wrap_up_seconds integer check (wrap_up_seconds between 0 and 3600),
    add column wrap_up_extension_seconds integer check (wrap_up_extension_seconds between 0 and 3600);
comment on column queues.wrap_up_seconds is 'Wrap-up after a call of this queue, seconds (0: ready at once); null: the setting hotline.presence.wrap-up.';
comment on column queues.wrap_up_extension_seconds is 'What an agent''s one extension of the wrap-up adds, seconds (0: cannot be extended); null: the settings''.';

create table pause_reasons (
    code       text        primary key check (code ~ '^[a-z0-9-]{1,32}$' and code not in ('wrapup', 'lagged')),
    label_zh   text        not null check (length(label_zh) between 1 and 20),
    label_en   text        not null check (length(label_en) between 1 and 40),
    -- empty: every queue's agents see it
    queues     text[]      not null default '{}',
    position   integer     not null default 0,
    enabled    boolean     not null default true,
    updated_by text        not null,
    updated_at timestamptz not null default now()
);
comment on table pause_reasons is 'Pause reasons agents choose from (the code goes to Asterisk as the pause reason); a new database starts with hotline.presence.pause-reasons. Disabled ones stay for the labels of past pauses.';
