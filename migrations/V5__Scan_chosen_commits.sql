-- A scan may analyse a chosen commit of its branch instead of the branch head (history backfill).
-- Only head scans count for the one-active-scan-per-branch rule; backfill scans queue side by side.
alter table scan add column requested_commit text;

create index scan_commit_idx on scan (repository_id, branch, commit_sha) where status = 'succeeded';
