-- The call-record writer names agents by the normalized interface (Local/1001@agents, without the member's /n): an
-- index on that expression replaces a regular expression over every agent's row per batch (7.8 ms of PostgreSQL
-- per batch at 100 calls/s with 2,000 agents, issue #11's benchmark).
create index agent_interfaces_normalized_idx
    on agent_interfaces ((regexp_replace(interface, '^(Local/[^/]+)/[^/]*$', '\1')));
