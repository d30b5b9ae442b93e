-- Findings are the bulk of every scan (about 190,000 rows for the 152-crate corpus), so each
-- index and foreign key on them costs on every store. finding.scan_id needs no foreign key of its
-- own: the row's crate snapshot belongs to the same scan and cascades its deletion. One index
-- serves both the lookups by scan and the comparisons of two scans by fingerprint (new, fixed,
-- new since the gate's baseline); the fingerprint-only index is gone.
alter table finding drop constraint finding_scan_fkey;
drop index finding_fingerprint_idx;
drop index finding_scan_idx;
create index finding_scan_fingerprint_idx on finding (scan_id, fingerprint);
