-- Issue #5: a paused (or draft) campaign's messages are 'held', outside the sender's due index. Left 'queued', every
-- claim walked them before reaching a due message: a paused 200,000-reminder campaign slowed every outage notice.
alter table sms_messages drop constraint sms_messages_status_check;
alter table sms_messages add constraint sms_messages_status_check
    check (status in ('queued', 'held', 'submitting', 'submitted', 'delivered', 'failed', 'cancelled'));
update sms_messages m set status = 'held'
  from sms_campaigns c
 where c.id = m.campaign_id and m.status = 'queued' and c.status in ('draft', 'paused');
comment on table sms_messages is 'The outbox: queued -> submitting -> submitted -> delivered / failed (or cancelled while queued); held while its campaign is paused.';
