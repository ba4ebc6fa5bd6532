-- Issue #13: every customer card a user opens (by search, by number, its history) is recorded: who, which customer,
-- how, from which call or search; the rows also count the reads per user for the rate limit.
create table card_reads (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    username    text        not null,
    customer_id bigint      not null references customers (id) on delete cascade,
    customer_no text        not null,
    via         text        not null check (via in ('search', 'card', 'contacts')),
    call_id     text check (length(call_id) <= 64),
    query       text check (length(query) <= 200)
);
create index card_reads_user_at_idx on card_reads (username, at desc);
create index card_reads_customer_at_idx on card_reads (customer_id, at desc);
create index card_reads_at_idx on card_reads (at desc);
comment on table card_reads is 'Customer cards read at the desk (audit, issue #13): who, which customer, via search/card/contacts, the call or the search text; the rows also count reads per user for the rate limit.';
