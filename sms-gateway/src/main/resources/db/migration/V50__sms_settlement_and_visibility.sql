-- Issue #17: settling in-doubt messages by what identifies them (ADR 0026), the truth about what stays unsettled,
-- a receipt timeout, receipt callbacks for API clients and idempotency claims that expire.

-- 'unknown': the SMSC accepted the message but no receipt came within hotline.sms.sender.receipt-timeout (or a person
-- closed an in-doubt message without sending it again); a late receipt still ends it delivered or failed
alter table sms_messages drop constraint sms_messages_status_check;
alter table sms_messages add constraint sms_messages_status_check
    check (status in ('queued', 'held', 'submitting', 'submitted', 'delivered', 'failed', 'cancelled', 'unknown'));
-- held: unsettled after the window under the 'hold' policy, waiting for a person (still settled by a late receipt);
-- dismissed: a person chose not to send it again
alter table sms_messages drop constraint sms_messages_in_doubt_resolution_check;
alter table sms_messages add constraint sms_messages_in_doubt_resolution_check
    check (in_doubt_resolution in ('receipt', 'resent', 'held', 'dismissed'));
alter table sms_messages
    add column in_doubt_decided_by text,
    add column callback_attempts int not null default 0,
    add column callback_next_at  timestamptz,
    add column callback_done_at  timestamptz,
    add column callback_error    text;
comment on table sms_messages is 'The outbox: queued -> submitting -> submitted -> delivered / failed / unknown (or cancelled while queued); held while its campaign is paused.';

-- the receipt timeout's scan: only messages still waiting for a receipt
create index sms_messages_submitted_idx on sms_messages (submitted_at) where status = 'submitted';
-- the unknown gauge and list
create index sms_messages_unknown_idx on sms_messages (id) where status = 'unknown';
-- the attention list: everything that was ever in doubt, newest first
create index sms_messages_doubted_idx on sms_messages (id) where in_doubt_count > 0;
-- the receipt callbacks' work: finished API messages not yet reported
create index sms_messages_callback_idx on sms_messages (id)
    where callback_done_at is null and dedupe_key like 'api:%'
      and status in ('delivered', 'failed', 'unknown', 'cancelled');

-- the receipt's destination_addr: the source address the message was sent from (ADR 0026 compares it)
alter table sms_receipts add column source text;

-- a claim whose owner died (kill -9 mid-request) is taken over after hotline.sms.api.claim-timeout
alter table api_idempotency add column claimed_at timestamptz not null default now();
