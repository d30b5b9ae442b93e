-- The commit time of the scanned commit: the time axis of trends, so that scans of past commits
-- (history backfill) line up where their commits belong, whenever they ran.
alter table scan add column committed_at timestamptz;

create index scan_repository_committed_idx on scan (repository_id, branch, committed_at) where status = 'succeeded';
