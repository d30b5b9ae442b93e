-- A delete that cascades (a repository, a branch's scans, a coverage report) looks up the rows
-- that reference each deleted row by the referencing columns. Without an index there, PostgreSQL
-- reads the whole referencing table once for every deleted row: deleting a repository of 12 crate
-- snapshots from 274,830 findings took 566 ms in the finding table's trigger alone (47 ms a
-- snapshot), so the corpus as one repository (22 scans, 3,344 snapshots) in a table of 10 million
-- findings would take hours. ForeignKeyIndexTest holds every foreign key to an index.
create index finding_crate_snapshot_idx on finding (crate_snapshot_id);
create index finding_count_crate_snapshot_idx on finding_count (crate_snapshot_id);
create index scan_previous_scan_idx on scan (previous_scan_id);
create index gate_result_baseline_scan_idx on gate_result (baseline_scan_id);
create index scan_dependency_lockfile_idx on scan_dependency (lockfile_id);
create index crate_coverage_report_idx on crate_coverage (report_id);
create index unsafe_site_coverage_report_idx on unsafe_site_coverage (report_id);
create index schedule_fire_scan_idx on schedule_fire (scan_id);
create index backfill_repository_idx on backfill (repository_id);
create index api_token_created_by_idx on api_token (created_by);
create index advisory_database_url_idx on advisory (database_url);
