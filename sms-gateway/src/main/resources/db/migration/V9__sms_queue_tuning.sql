-- Issue #5 benchmark: the outbox tables are queues (every row is updated two or three times within seconds), so the
-- defaults (analyze after 10% of the table changed, vacuum after 20%) leave the sender's plans on stale counts and
-- its index scans on dead entries for long stretches of a large campaign.
alter table sms_messages set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);
alter table sms_parts set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);
alter table sms_receipts set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);

-- the reconciler takes unmatched receipts oldest first; by the primary key it walked every matched receipt before them
create index sms_receipts_unmatched_id_idx on sms_receipts (id) where not matched;
