-- Issue 22: the overview sorted by a trend column reads one row per repository, not the trends of
-- every repository. Each repository keeps the change its score and unsafe-blocks sparklines show:
-- from the first to the last value of its newest 30 points (one per scanned commit of the default
-- branch, its newest scan, scans without crates left out; scores without a value left out). Null
-- without a value. RecentTrends stores them again whenever a repository's trend changes.
alter table repository add column score_trend_change integer;
alter table repository add column unsafe_blocks_trend_change integer;

-- The same points as RecentTrends reads, for the data stored before this version.
update repository r set score_trend_change = t.score_change, unsafe_blocks_trend_change = t.unsafe_blocks_change
from (
    select p.repository_id,
           (array_agg(p.score order by p.committed_at desc, p.id desc) filter (where p.score is not null))[1]
               - (array_agg(p.score order by p.committed_at, p.id) filter (where p.score is not null))[1] as score_change,
           (array_agg(p.unsafe_blocks order by p.committed_at desc, p.id desc))[1]
               - (array_agg(p.unsafe_blocks order by p.committed_at, p.id))[1] as unsafe_blocks_change
    from repository q cross join lateral (
        select s.repository_id, s.score, s.unsafe_blocks, s.committed_at, s.id from scan s
        where s.repository_id = q.id and s.branch = q.default_branch and s.status = 'succeeded'
          and s.unsafe_blocks is not null
          and s.id = (select max(n.id) from scan n where n.repository_id = s.repository_id
                      and n.branch = s.branch and n.status = 'succeeded' and n.commit_sha = s.commit_sha)
        order by s.committed_at desc, s.id desc limit 30) p
    group by p.repository_id
) t
where t.repository_id = r.id;
