-- A digest of the triage marks in force (their fingerprints) when a scan's crates were last
-- scored. An unchanged rescan copies its source's scores when the marks in force are still the
-- same, instead of scoring 145,000 findings again to the same result. Null for scans scored
-- before: they are scored again.
alter table scan add column scored_with_triage text;
