-- Issue 22: the overview sorted by a trend column reads one row per repository, not the trends of
-- every repository. Each repository's row holds the changes its score and unsafe-blocks sparklines
-- show: from the first to the last value of its newest 30 points (one per scanned commit of the
-- default branch, its newest scan, scans without crates left out; scores without a value left
-- out), null without a value. Only RecentTrends writes it, whenever the repository's trend changes.
create table repository_trend (
    repository_id        bigint  not null,
    score_change         integer,
    unsafe_blocks_change integer,
    constraint repository_trend_pkey primary key (repository_id),
    constraint repository_trend_repository_fkey foreign key (repository_id) references repository (id)
        on delete cascade
);

-- The same points as RecentTrends reads, for the scans stored before this version.
insert into repository_trend (repository_id, score_change, unsafe_blocks_change)
select p.repository_id,
       (array_agg(p.score order by p.committed_at desc, p.id desc) filter (where p.score is not null))[1]
           - (array_agg(p.score order by p.committed_at, p.id) filter (where p.score is not null))[1],
       (array_agg(p.unsafe_blocks order by p.committed_at desc, p.id desc))[1]
           - (array_agg(p.unsafe_blocks order by p.committed_at, p.id))[1]
from repository r cross join lateral (
    select s.repository_id, s.score, s.unsafe_blocks, s.committed_at, s.id from scan s
    where s.repository_id = r.id and s.branch = r.default_branch and s.status = 'succeeded'
      and s.unsafe_blocks is not null
      and s.id = (select max(n.id) from scan n where n.repository_id = s.repository_id
                  and n.branch = s.branch and n.status = 'succeeded' and n.commit_sha = s.commit_sha)
    order by s.committed_at desc, s.id desc limit 30) p
group by p.repository_id;
