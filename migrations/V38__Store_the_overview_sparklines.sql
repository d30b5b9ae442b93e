-- Issue 22: the overview read each shown repository's newest 30 points from its scans on every
-- request (18-25 ms for a page of 50 repositories with 100 scans each, a probe per scan for the
-- newest scan of its commit). repository_trend now keeps the points themselves, oldest first, next
-- to the changes it already kept, written by RecentTrends whenever the trend changes: the scores
-- (points without a score left out) and the unsafe blocks.
alter table repository_trend add column if not exists scores integer[] not null default '{}';
alter table repository_trend add column if not exists unsafe_blocks integer[] not null default '{}';

-- The same points as RecentTrends reads, for the trends stored before this version (run again, it
-- writes what is there: OverviewTrendChangesTest runs it on trends that scans stored).
update repository_trend t
set scores = p.scores, unsafe_blocks = p.unsafe_blocks
from (
    select r.id as repository_id,
           coalesce(array_agg(pt.score order by pt.committed_at, pt.id) filter (where pt.score is not null), '{}') as scores,
           array_agg(pt.unsafe_blocks order by pt.committed_at, pt.id) as unsafe_blocks
    from repository r cross join lateral (
        select s.score, s.unsafe_blocks, s.committed_at, s.id from scan s
        where s.repository_id = r.id and s.branch = r.default_branch and s.status = 'succeeded'
          and s.unsafe_blocks is not null
          and s.id = (select max(n.id) from scan n where n.repository_id = s.repository_id
                      and n.branch = s.branch and n.status = 'succeeded' and n.commit_sha = s.commit_sha)
        order by s.committed_at desc, s.id desc limit 30) pt
    group by r.id) p
where p.repository_id = t.repository_id;
