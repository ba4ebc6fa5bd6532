-- Issue #16: a queue the big screen leaves out (a load-test queue, a back-office queue); the supervisors' page still
-- shows it.
alter table queues add column hidden_from_big_screen boolean not null default false;
comment on column queues.hidden_from_big_screen is 'Left out of the big screen (/wallboard.html): its tile, chart line, alerts and agents who serve no shown queue.';
update queues set hidden_from_big_screen = true where name = 'burst';
