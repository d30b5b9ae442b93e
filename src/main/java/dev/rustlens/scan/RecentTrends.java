package dev.rustlens.scan;

import dev.rustlens.database.Columns;
import dev.rustlens.gitrepo.DefaultBranchChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Repositories' recent trends as the overview draws them, and the changes its trend columns sort
 * by, kept in {@code repository_trend} (written here only) by whatever changes a trend, so that
 * ranking by them reads one row per repository however many repositories and scans there are.
 */
@ApplicationScoped
public class RecentTrends {

    /** How many of the newest points of a repository's trend the overview shows. */
    public static final int POINTS = 30;

    private final EntityManager entityManager;

    public RecentTrends(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The recent trends of the repositories {@code repositoryIds}, in one query that reads at most
     * {@value #POINTS} scanned commits of each, newest first through {@code
     * scan_branch_newest_idx} (a commit scanned again counted once, its newest scan, and a scan
     * without crates left out, as the trends API counts them), with the unsafe blocks stored with
     * each scan. The newest scan of a commit is a probe per scan read: written as "no newer scan of
     * the commit", PostgreSQL compared each with every scan of the repository.
     */
    @Transactional
    public Map<Long, RecentTrend> of(Collection<Long> repositoryIds) {
        if (repositoryIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Integer>> scores = new HashMap<>();
        Map<Long, List<Integer>> unsafeBlocks = new HashMap<>();
        for (Tuple row : session().createNativeQuery("""
                select r.id as repository_id, t.score, t.unsafe_blocks
                from repository r cross join lateral (
                    select s.score, s.committed_at, s.id, s.unsafe_blocks from scan s
                    where s.repository_id = r.id and s.branch = r.default_branch and s.status = 'succeeded'
                      and s.unsafe_blocks is not null
                      and s.id = (select max(n.id) from scan n where n.repository_id = s.repository_id
                                  and n.branch = s.branch and n.status = 'succeeded' and n.commit_sha = s.commit_sha)
                    order by s.committed_at desc, s.id desc limit ?2) t
                where r.id in (?1)
                order by r.id, t.committed_at, t.id""", Tuple.class)
                .setParameter(1, repositoryIds).setParameter(2, POINTS).getResultList()) {
            long repositoryId = Columns.longOf(row, "repository_id");
            Integer score = Columns.nullableIntOf(row, "score");
            if (score != null) {
                scores.computeIfAbsent(repositoryId, id -> new ArrayList<>()).add(score);
            }
            unsafeBlocks.computeIfAbsent(repositoryId, id -> new ArrayList<>())
                    .add(Columns.intOf(row, "unsafe_blocks"));
        }
        Map<Long, RecentTrend> trends = new HashMap<>();
        unsafeBlocks.forEach((repositoryId, blocks) -> trends.put(repositoryId,
                new RecentTrend(scores.getOrDefault(repositoryId, List.of()), blocks)));
        return trends;
    }

    /**
     * Stores the changes of repository {@code repositoryId}'s recent trend as it is now, in the
     * caller's transaction, as its last write: after a scan is stored, scans are rescored, or the
     * default branch changes. The repository's row is locked first, so that of two transactions
     * that change one trend the later reads it as the earlier committed it (a lock that does not
     * wait for the key lock a new scan of the repository holds).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(long repositoryId) {
        entityManager.flush();
        session().createNativeQuery("select id from repository where id = ?1 for no key update", Long.class)
                .setParameter(1, repositoryId).getResultList();
        RecentTrend trend = of(List.of(repositoryId)).getOrDefault(repositoryId, RecentTrend.NONE);
        session().createNativeMutationQuery("""
                insert into repository_trend (repository_id, score_change, unsafe_blocks_change) values (?1, ?2, ?3)
                on conflict (repository_id) do update
                set score_change = excluded.score_change, unsafe_blocks_change = excluded.unsafe_blocks_change""")
                .setParameter(1, repositoryId).setParameter(2, trend.scoreChange(), Integer.class)
                .setParameter(3, trend.unsafeBlocksChange(), Integer.class).executeUpdate();
    }

    /** A repository's trend is its default branch's. */
    void onDefaultBranchChanged(@Observes DefaultBranchChanged changed) {
        store(changed.repositoryId());
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
