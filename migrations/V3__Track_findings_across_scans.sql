-- Finding tracking: each finding of a scan is new or unchanged relative to the previous
-- succeeded scan of the same repository and branch (matched by fingerprint); the findings of
-- that scan that are gone are its fixed ones, found through previous_scan_id.
alter table scan add column previous_scan_id bigint;
alter table scan add constraint scan_previous_scan_fkey foreign key (previous_scan_id) references scan (id) on delete set null;
alter table scan add column findings_new integer;
alter table scan add column findings_fixed integer;

alter table finding add column tracking text not null default 'new';
alter table finding add constraint finding_tracking_check check (tracking in ('new', 'unchanged'));
