-- The findings of every repository's current scan of one check (/findings?check=transmute, also
-- GET /api/v1/findings?check=...) sum that check's stored counts of each current scan: with the
-- check in the index they read those rows only, instead of every count of every current scan.
-- With the scan first it serves every use of the index it replaces, so a store still writes one
-- index for its counts. An index covering every column (index-only reads) was not faster where
-- the counts of a scan are stored together, helped only on pages vacuumed since (a current scan's
-- counts are the newest), and doubled the time to store counts.
create index finding_count_scan_check_idx on finding_count (scan_id, check_id);
drop index finding_count_scan_idx;
