-- Creates a Hotline user, or makes an existing one exactly this (name, role, password, phone, queues; enabled).
-- Until the administration pages come (issue #13), this is how a site creates users and resets passwords.
-- From the repository root, with docker/compose.yaml running:
--
--   read -rs PW    # type the password (at least 12 characters): not echoed, not kept in the shell history
--   docker compose -f docker/compose.yaml exec -T postgres psql -U hotline -d hotline -v ON_ERROR_STOP=1 \
--     -v username=agent1001 -v display_name=陈晓燕 -v role=AGENT -v password="$PW" -v ext=1001 -v queues=hotline \
--     < docker/sql/set-user.sql
--
-- username  lower-case letters, digits, . _ - (the login name)
-- role      AGENT, TEAM_LEAD, SUPERVISOR, DISPATCHER, CREW or ADMIN (docs/adr/0024)
-- ext       the agent's extension in docker/asterisk's dialplan: the account gets the queue member interface
--           Local/<ext>@agents/n first (what Hotline sends in QueueAdd and QueuePause), then PJSIP/<ext> (the phone);
--           '' for a user without a phone
-- queues    comma-separated queue names as in queues.conf, penalty 0; '' for none. A queue must exist in Hotline:
--             insert into queues (name, display_name) values ('hotline', '供电服务热线');
\set ON_ERROR_STOP on
begin;
create extension if not exists pgcrypto;

-- psql puts the -v values into the text below as quoted literals; everything after works on this one row
create temporary table wanted on commit drop as
select :'username'::text as username, :'display_name'::text as display_name, upper(:'role') as role,
       :'password'::text as password, nullif(btrim(:'ext'), '') as ext,
       array(select btrim(q) from unnest(string_to_array(:'queues', ',')) q where btrim(q) <> '') as queues;

do $$
declare
    w wanted%rowtype;
    missing text;
    owner text;
begin
    select * into w from wanted;
    -- the roles of the users table's check constraint (users_role_check)
    if w.role not in ('AGENT', 'TEAM_LEAD', 'SUPERVISOR', 'DISPATCHER', 'CREW', 'ADMIN') then
        raise exception 'role: AGENT, TEAM_LEAD, SUPERVISOR, DISPATCHER, CREW or ADMIN (got "%")', w.role;
    end if;
    if length(w.password) < 12 then
        raise exception 'password: at least 12 characters';
    end if;
    if w.ext is not null and w.ext !~ '^[0-9]{2,8}$' then
        raise exception 'ext: the extension''s digits, e.g. 1001 (got "%")', w.ext;
    end if;
    select u.username into owner from agent_interfaces i join users u on u.id = i.user_id
     where i.interface in ('Local/' || w.ext || '@agents/n', 'PJSIP/' || w.ext) and u.username <> w.username limit 1;
    if owner is not null then
        raise exception 'ext: % is the phone of %', w.ext, owner;
    end if;
    select string_agg(q, ', ') into missing from unnest(w.queues) q where not exists (select 1 from queues where name = q);
    if missing is not null then
        raise exception 'queues: % not in Hotline; add it first: insert into queues (name, display_name) values (''%'', ''…'')',
            missing, split_part(missing, ', ', 1);
    end if;
end $$;

-- BCrypt, as Hotline checks passwords ($2a$, cost 10)
insert into users (username, display_name, password_hash, role)
select username, display_name, crypt(password, gen_salt('bf', 10)), role from wanted
on conflict (username) do update
    set display_name = excluded.display_name, password_hash = excluded.password_hash, role = excluded.role,
        enabled = true;

delete from agent_interfaces where user_id = (select u.id from users u join wanted w using (username));
-- the member interface first: the first interface (lowest id) is the one queue actions send
insert into agent_interfaces (user_id, interface)
select u.id, 'Local/' || w.ext || '@agents/n' from users u join wanted w using (username) where w.ext is not null;
insert into agent_interfaces (user_id, interface)
select u.id, 'PJSIP/' || w.ext from users u join wanted w using (username) where w.ext is not null;

delete from queue_members where user_id = (select u.id from users u join wanted w using (username));
insert into queue_members (queue_id, user_id, penalty)
select q.id, u.id, 0 from users u join wanted w using (username) join queues q on q.name = any (w.queues);

select u.username, u.display_name, u.role, u.enabled,
       (select string_agg(i.interface, ', ' order by i.id) from agent_interfaces i where i.user_id = u.id) as interfaces,
       (select string_agg(q.name, ', ' order by q.name) from queue_members m join queues q on q.id = m.queue_id
         where m.user_id = u.id) as queues
from users u join wanted w using (username);
commit;
