-- A scan's crate whose unsafe sites are those of the same crate in the scan it is compared with
-- (its baseline, of the same repository and branch) shares that snapshot's unsafe_site rows instead
-- of writing them again: most crates of a commit are unchanged from the commit before, and a
-- backfill of 20 commits of the corpus wrote its 1.3 MB of sites 20 times. unsafe_sites_digest
-- (SHA-256 of the sites as stored: kind, path, line, column, test code) is what the comparison
-- reads; null for snapshots stored before this migration, which are then not shared from.
-- Both scans are of one branch, so the snapshot holding the rows still goes only with its sharers
-- (with their branch or repository); housekeeping keeps rows that a kept scan reads (V36).
alter table crate_snapshot add column unsafe_sites_digest text;
