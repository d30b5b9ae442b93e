-- Safety scores (docs/scoring.md): per crate snapshot the score, its grade, the formula version
-- and the deductions that explain it (with the fingerprints of the findings behind each); per
-- scan the repository score, its crates' scores weighted by their non-test lines. Computed from
-- the stored metrics and findings alone, so old scans are rescored when the formula changes.
alter table crate_snapshot add column score integer;
alter table crate_snapshot add column grade text;
alter table crate_snapshot add column score_formula integer;
alter table crate_snapshot add column deductions jsonb;
alter table crate_snapshot add constraint crate_snapshot_grade_check check (grade in ('A', 'B', 'C', 'D', 'E'));

alter table scan add column score integer;
alter table scan add column grade text;
alter table scan add constraint scan_grade_check check (grade in ('A', 'B', 'C', 'D', 'E'));
