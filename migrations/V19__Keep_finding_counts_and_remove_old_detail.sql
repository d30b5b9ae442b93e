-- Issue 22: each scan's findings counted when the scan is stored, by crate, check, severity,
-- tracking, test code and suppression. Trends read these counts rather than the findings, and
-- they outlive the findings that housekeeping removes from old scans (findings_removed_at).
create table finding_count (
    scan_id           bigint  not null,
    crate_snapshot_id bigint  not null,
    check_id          text    not null,
    severity          text    not null,
    tracking          text    not null,
    in_test_code      boolean not null,
    suppression       text    not null,
    findings          integer not null,
    constraint finding_count_crate_snapshot_fkey foreign key (crate_snapshot_id)
        references crate_snapshot (id) on delete cascade
);

create index finding_count_scan_idx on finding_count (scan_id);

insert into finding_count (scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code, suppression,
                           findings)
select scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code, suppression, count(*)
from finding
group by scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code, suppression;

-- When housekeeping removed the scan's findings and unsafe sites; its snapshots and counts stay.
alter table scan add column findings_removed_at timestamptz;
