-- Where each crate's test code is (whole files, and the spans of #[cfg(test)] items and test fns
-- in the others), so that a clippy or rustc lint imported for a scan, stored or to come, counts
-- as test code where rustlens's own findings do: cargo's messages do not tell the library's test
-- harness apart from the library. Null for scans stored before: their lints keep cargo's target
-- kinds alone.
alter table crate_snapshot add column test_code jsonb;
