-- A scan or backfill runs on one rustlens instance (instance_id: stable across its restarts). When
-- that instance starts again after a crash, kill or shutdown, it queues again what it was running,
-- and a scan counts its attempts so that one that keeps killing its worker is failed in the end.
alter table scan add column instance_id text;
alter table scan add column attempt integer not null default 0;
alter table backfill add column instance_id text;

-- The sweep for dead workers and "Scan now" look at running scans only; there are few.
create index scan_running_idx on scan (id) where status = 'running';
