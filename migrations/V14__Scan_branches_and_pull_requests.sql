-- Branch and pull-request analysis (SonarQube's reference-branch new code): a scan of a branch
-- other than the repository's default one is compared with the merge-base of its head and its
-- target branch, the commit the branch forked from. A pull request is a branch with a target.
alter table scan add column target_branch text;
alter table scan add column base_commit text;
alter table scan add column pull_request text;

-- One active scan of a chosen commit of a branch at a time, as V12 made it for a branch's head:
-- two requests to scan the same commit queue one scan.
create unique index scan_one_active_per_commit_key on scan (repository_id, branch, requested_commit)
    where requested_commit is not null and status in ('queued', 'running');

-- Finding the scans of a commit (the baseline of a branch is a commit, whichever branch scanned it).
create index scan_repository_commit_idx on scan (repository_id, commit_sha) where status = 'succeeded';

-- A gate per scope: 'main' judges the default branch (and any branch scanned without a target),
-- 'pull_request' judges branch scans against their merge-base, new code only by default.
alter table quality_gate add column scope text not null default 'main';
alter table quality_gate drop constraint quality_gate_pkey;
alter table quality_gate add constraint quality_gate_pkey primary key (repository_id, scope);
alter table quality_gate add constraint quality_gate_scope_check check (scope in ('main', 'pull_request'));
alter table quality_gate drop constraint quality_gate_baseline_check;
alter table quality_gate add constraint quality_gate_baseline_check
    check (baseline in ('previous_scan', 'date', 'branch', 'scan', 'merge_base'));

-- A verdict keeps what it was computed from: the gate's scope, conditions and baseline setting,
-- the baseline commit, and the triage marks in force, so that a verdict can be explained later.
alter table gate_result add column scope text not null default 'main';
alter table gate_result add column gate jsonb;
alter table gate_result add column baseline_commit text;
alter table gate_result add column triage_marks integer not null default 0;

-- A branch whose merge-base has no scan yet gets that commit scanned first, by the same worker.
alter table scan drop constraint scan_trigger_check;
alter table scan add constraint scan_trigger_check check (trigger in ('manual', 'schedule', 'api', 'backfill', 'baseline'));
