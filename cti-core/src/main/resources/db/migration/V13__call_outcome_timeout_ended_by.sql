-- Issue #11: what real Asterisk 22 says about a call. A queue timeout is its own outcome (the caller did not give
-- up), the record says who ended the call, and keeps Asterisk's talk time (hold included) beside ours (hold excluded).
alter table calls drop constraint if exists calls_outcome_check;
alter table calls add constraint calls_outcome_check
    check (outcome in ('answered', 'abandoned', 'timeout', 'unanswered', 'transferred', 'ivr_only', 'failed'));
alter table calls add column ended_by text check (ended_by in ('caller', 'agent', 'system'));
alter table calls add column talk_with_hold_seconds integer check (talk_with_hold_seconds >= 0);
comment on column calls.outcome is 'answered, transferred, abandoned (the caller hung up in the queue), timeout (the queue gave up on a caller still on the line: Queue() timeout or empty queue), unanswered (an outbound call not answered, or a queue left for no reported reason), ivr_only, failed.';
comment on column calls.ended_by is 'Who ended the call: caller (the customer''s side, also the dialled customer of an outbound call), agent, system (the dialplan hung up: after-queue message, failed dial); null when unknown.';
comment on column calls.talk_seconds is 'Connected time with hold taken out (ours).';
comment on column calls.talk_with_hold_seconds is 'Connected time with hold included, as Asterisk counts TalkTime (AgentComplete, queue_log COMPLETEAGENT/COMPLETECALLER).';
