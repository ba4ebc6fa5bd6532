-- Issue #13 (docs/adr/0024): team leads (组长) take calls and watch the own queues, dispatchers (调度员) route work
-- orders, crew members (抢修人员) sign in to the crew page; the role check widens, nothing else changes.
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check
    check (role in ('AGENT', 'TEAM_LEAD', 'SUPERVISOR', 'DISPATCHER', 'CREW', 'ADMIN'));
comment on table users is 'People who sign in: agents (坐席), team leads (组长), supervisors (班长), dispatchers (调度员), crew members (抢修人员) and administrators; password_hash is BCrypt.';
