package dev.rustlens.scan;

import dev.rustlens.scoring.ScoreFormula;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Rescores, in the background, the stored scans whose snapshots an older score formula scored,
 * so that trends stay on one scale: newest scans first, a batch of scans per transaction, the
 * scans locked with {@code skip locked} so that instances share the work. Start-up never waits
 * for it; its progress is on the pages and at {@code GET /api/v1/scoring}.
 */
@ApplicationScoped
public class ScoreUpgrade {

    private static final Logger LOG = Logger.getLogger(ScoreUpgrade.class);
    /** Scans rescored per transaction. */
    static final int BATCH = 50;

    private final EntityManager entityManager;
    private final SnapshotScores scores;
    private final RecentTrends trends;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private volatile boolean stopping;
    private volatile Thread thread;

    public ScoreUpgrade(EntityManager entityManager, SnapshotScores scores, RecentTrends trends) {
        this.entityManager = entityManager;
        this.scores = scores;
        this.trends = trends;
    }

    /**
     * How far the rescoring is: the formula version, the scans to rescore when it started and how
     * many are done, and whether it is still running.
     */
    public record Progress(int formulaVersion, long scans, long rescored, boolean running) {
    }

    public Progress progress() {
        return new Progress(ScoreFormula.VERSION, total.get(), done.get(), running.get());
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
        }
    }

    /** Starts rescoring on a thread of its own unless it is running; returns at once. */
    public void start() {
        if (running.compareAndSet(false, true)) {
            Thread started = new Thread(this::run, "rustlens-score-upgrade");
            started.setDaemon(true);
            thread = started;
            started.start();
        }
    }

    private void run() {
        try {
            done.set(0);
            total.set(QuarkusTransaction.requiringNew().call(() -> session().createNativeQuery("""
                    select count(distinct scan_id) from crate_snapshot
                    where score_formula < ?1 or score_formula is null""", Long.class)
                    .setParameter(1, ScoreFormula.VERSION).getSingleResult()));
            if (total.get() > 0) {
                LOG.infof("rescoring %d scans with score formula version %d in the background", total.get(),
                        ScoreFormula.VERSION);
            }
            long below = Long.MAX_VALUE;
            while (!stopping) {
                long cursor = below;
                List<Long> batch = QuarkusTransaction.requiringNew().call(() -> rescoreBatch(cursor));
                if (batch.isEmpty()) {
                    break;
                }
                below = batch.getLast();
            }
            if (total.get() > 0 && !stopping) {
                LOG.infof("rescored %d scans with score formula version %d", done.get(), ScoreFormula.VERSION);
            }
        } catch (RuntimeException e) {
            // The database went away or the instance is stopping: the next start picks up what is left.
            LOG.warn("background rescoring stopped; it resumes at the next start", e);
        } finally {
            running.set(false);
        }
    }

    /**
     * Rescores the next batch of stale scans with ids below {@code below}, newest first, and stores
     * their repositories' trend changes again; returns the ids looked at (empty when none is left).
     * Scans another instance holds are passed over.
     */
    private List<Long> rescoreBatch(long below) {
        List<Long> stale = session().createNativeQuery("""
                select distinct scan_id from crate_snapshot
                where (score_formula < ?1 or score_formula is null) and scan_id < ?2
                order by scan_id desc limit ?3""", Long.class)
                .setParameter(1, ScoreFormula.VERSION).setParameter(2, below).setParameter(3, BATCH).getResultList();
        if (stale.isEmpty()) {
            return stale;
        }
        List<Long> locked = session().createNativeQuery("""
                select id from scan where id = any(?1) and status = 'succeeded' for update skip locked""", Long.class)
                .setParameter(1, stale.toArray(Long[]::new)).getResultList();
        for (Long id : locked) {
            scores.score(Scan.findById(id));
            done.incrementAndGet();
            // Keeps the batch's memory to one scan's snapshots and findings.
            entityManager.flush();
            entityManager.clear();
        }
        // Last, and by repository id: two instances lock the rows of the repositories they share in one order.
        session().createNativeQuery("select distinct repository_id from scan where id = any(?1) order by 1", Long.class)
                .setParameter(1, locked.toArray(Long[]::new)).getResultList().forEach(trends::store);
        return stale;
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
