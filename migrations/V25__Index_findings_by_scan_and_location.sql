-- The findings of every repository's current scan in path order (/findings without a repository,
-- GET /api/v1/findings?sort=path; also by severity and by check, which take each scan's findings of
-- one severity or check in path order): each scan's first findings after a cursor are read from
-- this index, so a page costs a few index reads per scan visited however many findings the scans
-- have, instead of sorting every matching finding of every current scan.
create index finding_scan_location_idx on finding (scan_id, path, line, col, check_id, id);
