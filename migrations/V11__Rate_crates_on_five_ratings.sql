-- Score formula 2 (docs/scoring.md): a crate's score is the weighted mean of five sub-ratings,
-- each kept with its parts and the fingerprints of the findings that cost points; with them the
-- ranked fixes, what fixing one finding of each check is worth, and the verification evidence
-- found in the repository's files with the file that shows each. The deductions of formula 1 go:
-- every stored snapshot is rescored in the background, newest scans first.
alter table crate_snapshot drop column deductions;
alter table crate_snapshot add column score_exact double precision;
alter table crate_snapshot add column ratings jsonb;
alter table crate_snapshot add column fixes jsonb;
alter table crate_snapshot add column fix_worth jsonb;
alter table crate_snapshot add column evidence jsonb;
-- The background rescoring looks for snapshots of an older formula through this index, which
-- stays cheap as the older ones run out.
create index crate_snapshot_score_formula_idx on crate_snapshot (score_formula, scan_id);

-- Why a repository's score is below its crates' mean: it is never more than one grade better
-- than its worst crate that holds unsafe code.
alter table scan add column score_held_because text;
