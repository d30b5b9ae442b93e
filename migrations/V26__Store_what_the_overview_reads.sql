-- Issue 22: the overview page reads a bounded number of rows per repository, however long its
-- history.

-- Each repository's unsafe blocks over its last 30 scanned commits: summed once when a scan is
-- stored, instead of over every crate snapshot of those scans on every view. Null until a scan has
-- stored a crate, and for a scan that found none (the trends leave such scans out).
alter table scan add column unsafe_blocks integer;

update scan s set unsafe_blocks = t.blocks
from (select scan_id, sum(unsafe_blocks)::integer as blocks from crate_snapshot group by scan_id) t
where t.scan_id = s.id;

-- A branch's succeeded scans newest commit first, ties newest scan first: the order the trends and
-- the overview read them in, so that reading the newest 30 reads 30 index entries. It serves every
-- use of the index it replaces (the same columns, scanned either way).
create index scan_branch_newest_idx on scan (repository_id, branch, committed_at desc, id desc)
    where status = 'succeeded';
drop index scan_repository_committed_idx;

-- "New critical findings this week" sums these few rows of each current scan's stored counts,
-- instead of filtering all of its counts.
create index finding_count_new_severe_idx on finding_count (scan_id)
    where tracking = 'new' and severity in ('CRITICAL', 'BLOCKER');
