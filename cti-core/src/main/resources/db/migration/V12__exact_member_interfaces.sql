-- Issue #11: Asterisk matches a queue member's interface exactly (QueuePause, QueueRemove, QueueAdd), and the shipped
-- dialplan adds agents as Local/<ext>@agents/n. Demo accounts created before stored the bare Local/<ext>@agents, so a
-- pause found no member and a log-in added a second one: give those rows the /n the members have (ADR 0016).
-- Only the demo agents' own rows change (agent<ext> with Local/<ext>@agents); a site's own interfaces are its own.
update agent_interfaces i
set interface = i.interface || '/n'
from users u
where u.id = i.user_id
  and u.username ~ '^agent[0-9]{4}$'
  and i.interface = 'Local/' || substr(u.username, 6) || '@agents'
  and not exists (select 1 from agent_interfaces o where o.interface = i.interface || '/n');

comment on table agent_interfaces is 'Phone interfaces of an agent; the first (lowest id) is the queue member''s interface exactly as Asterisk has it (Local/1001@agents/n), the one queue actions send; others name the phone without channel suffix (PJSIP/1001). One interface belongs to one user.';
