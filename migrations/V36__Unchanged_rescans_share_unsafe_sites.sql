-- An unchanged rescan (the same commit and branch, analysed alike) has the unsafe sites of the
-- scan it repeats. It no longer copies them (1.3 MB for the corpus, half of what such a rescan
-- wrote): unsafe_sites_of names the snapshot of the same crate whose unsafe_site rows are this
-- snapshot's, one of a scan of the same repository, branch and commit. Null: the rows carrying
-- the snapshot's own id. Unsafe sites never change once stored, so sharing them lasts; a scan
-- that imports test coverage takes a copy first (the coverage is kept per site). Housekeeping
-- deletes shared rows when no kept scan reads them; the snapshot holding them goes only with its
-- sharers (both go with their branch or repository).
alter table crate_snapshot add column unsafe_sites_of bigint;
alter table crate_snapshot add constraint crate_snapshot_unsafe_sites_of_fkey
    foreign key (unsafe_sites_of) references crate_snapshot (id);
create index crate_snapshot_unsafe_sites_of_idx on crate_snapshot (unsafe_sites_of) where unsafe_sites_of is not null;
