-- The findings of every repository's current scan (GET /api/v1/findings, /findings without a
-- repository) are paged by key: each scan's next page is read in id order from this index, so a
-- page costs a few index reads per repository however many findings the scans have.
create index finding_scan_id_idx on finding (scan_id, id);
