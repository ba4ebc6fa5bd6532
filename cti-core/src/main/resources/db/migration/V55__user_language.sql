-- Issue #16: each user's language for every page (zh-CN or en), chosen with the pages' one switch; null: not chosen
-- yet (the pages keep the browser's choice, zh-CN by default).
alter table users add column language text check (language in ('zh-CN', 'en'));
comment on column users.language is 'The language the user chose for the pages (zh-CN, en); null: never chosen (the login page''s, zh-CN by default).';
