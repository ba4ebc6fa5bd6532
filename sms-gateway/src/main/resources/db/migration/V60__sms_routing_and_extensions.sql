-- Issue #17, China's carriers (ADR 0035): the 106 extension a message was sent with (its purpose: the kind's, or its
-- campaign's), so an MO reply to <106 code><extension> is routed to that kind or campaign; a campaign's own
-- extension when set.
alter table sms_messages add column source_extension text;
comment on column sms_messages.source_extension is
    'Digits appended to the account''s 106 source code for this message (null: sent from the code alone).';
alter table sms_campaigns add column source_extension text
    check (source_extension ~ '^[0-9]{1,6}$');
comment on column sms_campaigns.source_extension is
    'The campaign''s own 106 extension (replies to it belong to the campaign); null: its kind''s extension.';
alter table sms_replies add column source_extension text, add column campaign_id bigint;
comment on column sms_replies.source_extension is
    'The extension of the address the reply was sent to; it names the kind or campaign the reply answers.';
