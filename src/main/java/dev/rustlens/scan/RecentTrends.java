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
 * drawing and ranking them reads one row per repository however many repositories and scans there are.
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
     * The recent trends of the repositories {@code repositoryIds} as stored for each ({@link
     * #store}): one row a repository however many scans it has had. A repository without a
     * stored trend has none.
     */
    @Transactional
    public Map<Long, RecentTrend> of(Collection<Long> repositoryIds) {
        if (repositoryIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, RecentTrend> trends = new HashMap<>();
        session().createNativeQuery("select repository_id, scores, unsafe_blocks from repository_trend"
                + " where repository_id in (?1)", Tuple.class).setParameter(1, repositoryIds).getResultList()
                .forEach(row -> trends.put(Columns.longOf(row, "repository_id"), new RecentTrend(
                        List.of(row.get("scores", Integer[].class)), List.of(row.get("unsafe_blocks", Integer[].class)))));
        return trends;
    }

    /**
     * The recent trend of repository {@code repositoryId} read from its scans: at most {@value
     * #POINTS} scanned commits, newest first through {@code scan_branch_newest_idx} (a commit
     * scanned again counted once, its newest scan, and a scan without crates left out, as the
     * trends API counts them), with the unsafe blocks stored with each scan. The newest scan of a
     * commit is a probe per scan read: written as "no newer scan of the commit", PostgreSQL
     * compared each with every scan of the repository.
     */
    private RecentTrend read(long repositoryId) {
        List<Integer> scores = new ArrayList<>();
        List<Integer> unsafeBlocks = new ArrayList<>();
        for (Tuple row : session().createNativeQuery("""
                select t.score, t.unsafe_blocks
                from repository r cross join lateral (
                    select s.score, s.committed_at, s.id, s.unsafe_blocks from scan s
                    where s.repository_id = r.id and s.branch = r.default_branch and s.status = 'succeeded'
                      and s.unsafe_blocks is not null
                      and s.id = (select max(n.id) from scan n where n.repository_id = s.repository_id
                                  and n.branch = s.branch and n.status = 'succeeded' and n.commit_sha = s.commit_sha)
                    order by s.committed_at desc, s.id desc limit ?2) t
                where r.id = ?1
                order by t.committed_at, t.id""", Tuple.class)
                .setParameter(1, repositoryId).setParameter(2, POINTS).getResultList()) {
            Integer score = Columns.nullableIntOf(row, "score");
            if (score != null) {
                scores.add(score);
            }
            unsafeBlocks.add(Columns.intOf(row, "unsafe_blocks"));
        }
        return new RecentTrend(scores, unsafeBlocks);
    }

    /**
     * Stores repository {@code repositoryId}'s recent trend and its changes as they are now, in the
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
        RecentTrend trend = read(repositoryId);
        session().createNativeMutationQuery("""
                insert into repository_trend (repository_id, score_change, unsafe_blocks_change, scores, unsafe_blocks)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (repository_id) do update
                set score_change = excluded.score_change, unsafe_blocks_change = excluded.unsafe_blocks_change,
                    scores = excluded.scores, unsafe_blocks = excluded.unsafe_blocks""")
                .setParameter(1, repositoryId).setParameter(2, trend.scoreChange(), Integer.class)
                .setParameter(3, trend.unsafeBlocksChange(), Integer.class)
                .setParameter(4, trend.scores().toArray(Integer[]::new))
                .setParameter(5, trend.unsafeBlocks().toArray(Integer[]::new)).executeUpdate();
    }

    /** A repository's trend is its default branch's. */
    void onDefaultBranchChanged(@Observes DefaultBranchChanged changed) {
        store(changed.repositoryId());
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
