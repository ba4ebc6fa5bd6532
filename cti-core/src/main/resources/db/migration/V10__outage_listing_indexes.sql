-- Issue #4 benchmark: listing the customers beneath an outage (20,000 on one line) probes two tables per premises and
-- per customer; these partial covering indexes make both probes index-only scans, without a sort per customer.

-- the open accounts of a premises, with their customer
create index accounts_open_premises_idx on accounts (premises_id) include (customer_id) where closed_at is null;

-- a customer's SMS number: its mobile numbers that take SMS, the primary one first
create index customer_phones_sms_mobile_idx on customer_phones (customer_id, is_primary desc, id) include (normalized)
    where kind = 'mobile' and sms_allowed;
