-- At most one queued or running scan of a repository branch's head: queueing used to check and
-- then insert, so two simultaneous requests could queue the same branch twice. Scans of chosen
-- commits (backfills, archive uploads) queue side by side and are not covered.
--
-- Duplicates queued before this index existed are cancelled, keeping the oldest of each branch
-- (the one a scan request was answered with), so the index can be built.
update scan s set status = 'cancelled', finished_at = now(),
    error = 'cancelled when rustlens upgraded: scan ' || keeper.id || ' of this branch was already queued or running,'
        || ' and a branch has one active scan at a time'
from (select distinct on (repository_id, branch) id, repository_id, branch from scan
      where requested_commit is null and status in ('queued', 'running')
      order by repository_id, branch, id) keeper
where s.repository_id = keeper.repository_id and s.branch = keeper.branch and s.id <> keeper.id
  and s.requested_commit is null and s.status in ('queued', 'running');

create unique index scan_one_active_per_branch_key on scan (repository_id, branch)
    where requested_commit is null and status in ('queued', 'running');
