-- An unchanged rescan (the same commit and branch, analysed alike and compared with the same
-- baseline) has the findings of the scan it repeats. It no longer copies them (145,000 rows and
-- 60 MB for the corpus, most of such a rescan's time): findings_of names the scan whose finding
-- rows are its findings, a scan with rows of its own, of the same repository, branch and commit.
-- Null: the scan's findings are the rows with its own id. The scan that holds the rows is never
-- deleted without its sharers (both go with their branch or repository).
alter table scan add column findings_of bigint;
alter table scan add constraint scan_findings_of_fkey foreign key (findings_of) references scan (id);
create index scan_findings_of_idx on scan (findings_of);
