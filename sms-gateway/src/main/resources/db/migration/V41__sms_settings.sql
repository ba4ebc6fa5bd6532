-- SMS settings administrators change at run time (issue #13), one row per setting; a setting without a row keeps its
-- value from the configuration (hotline.sms.campaigns.*). For now the signature: every text starts with it, and
-- carriers only pass the one registered for the sender, so it is 【】 around 2 to 20 characters.
create table sms_settings (
    name        text        primary key check (name in ('signature')),
    value       text        not null,
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    check (name <> 'signature' or value ~ '^【[^【】[:cntrl:]]{2,20}】$')
);
comment on table sms_settings is 'SMS settings set by administrators (name signature: the 【…】 every text starts with); a name without a row keeps hotline.sms.campaigns.*.';
