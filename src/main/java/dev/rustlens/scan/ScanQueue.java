package dev.rustlens.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Scan jobs as rows of the scan table. Workers of any instance claim the oldest queued scan with
 * {@code FOR UPDATE SKIP LOCKED}, so each scan runs exactly once.
 */
@ApplicationScoped
public class ScanQueue {

    private final EntityManager entityManager;

    public ScanQueue(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Claims the oldest queued scan for {@code worker}, marking it running. */
    @Transactional
    public Optional<Long> claim(String worker) {
        List<?> claimed = entityManager.createNativeQuery("""
                update scan set status = 'running', started_at = now(), heartbeat_at = now(), worker = ?1
                where id = (select id from scan where status = 'queued' order by id limit 1 for update skip locked)
                returning id""").setParameter(1, worker).getResultList();
        return claimed.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Claims the oldest queued backfill for {@code worker}, marking it running. */
    @Transactional
    public Optional<Long> claimBackfill(String worker) {
        List<?> claimed = entityManager.createNativeQuery("""
                update backfill set status = 'running', started_at = now(), worker = ?1
                where id = (select id from backfill where status = 'queued' order by id limit 1 for update skip locked)
                returning id""").setParameter(1, worker).getResultList();
        return claimed.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Ends a backfill: done with the number of scans it queued, or failed with a message for the user. */
    @Transactional
    public void endBackfill(long backfillId, Backfill.Status status, String error, int scansQueued) {
        entityManager.createNativeQuery("""
                update backfill set status = ?1, error = ?2, scans_queued = ?3, finished_at = now()
                where id = ?4 and status = 'running'""")
                .setParameter(1, status.name()).setParameter(2, error).setParameter(3, scansQueued)
                .setParameter(4, backfillId).executeUpdate();
    }

    /** Puts a backfill interrupted by a shutdown back in the queue. */
    @Transactional
    public void requeueBackfill(long backfillId) {
        entityManager.createNativeQuery("""
                update backfill set status = 'queued', started_at = null, worker = null
                where id = ?1 and status = 'running'""").setParameter(1, backfillId).executeUpdate();
    }

    /** Puts a scan interrupted by a shutdown back in the queue, saying so. */
    @Transactional
    public void requeue(long scanId, String note) {
        entityManager.createNativeQuery("""
                update scan set status = 'queued', started_at = null, heartbeat_at = null, worker = null,
                    files_done = null, files_total = null, error = ?2
                where id = ?1 and status = 'running'""").setParameter(1, scanId).setParameter(2, note).executeUpdate();
    }

    /** Proves that these running scans' worker is alive. */
    @Transactional
    public void heartbeat(Collection<Long> scanIds) {
        if (!scanIds.isEmpty()) {
            entityManager.createNativeQuery("update scan set heartbeat_at = now() where id in (?1) and status = 'running'")
                    .setParameter(1, scanIds).executeUpdate();
        }
    }

    /** Of these scans, the ones that were cancelled meanwhile. */
    @Transactional
    public List<Long> cancelledAmong(Collection<Long> scanIds) {
        if (scanIds.isEmpty()) {
            return List.of();
        }
        return entityManager.unwrap(org.hibernate.Session.class)
                .createNativeQuery("select id from scan where id in (?1) and status = 'cancelled'", Long.class)
                .setParameterList(1, scanIds).getResultList();
    }

    /** Fails running scans whose worker stopped sending heartbeats; returns how many. */
    @Transactional
    public int failStale(Duration staleAfter) {
        return entityManager.createNativeQuery("""
                update scan set status = 'failed', finished_at = now(),
                    error = 'the worker running this scan stopped (no heartbeat for ' || ?1 || ' s); scan it again'
                where status = 'running' and heartbeat_at < now() - make_interval(secs => ?1)""")
                .setParameter(1, staleAfter.toSeconds()).executeUpdate();
    }

    /** Records progress of a running scan. */
    @Transactional
    public void progress(long scanId, int done, int total) {
        entityManager.createNativeQuery("update scan set files_done = ?1, files_total = ?2 where id = ?3")
                .setParameter(1, done).setParameter(2, total).setParameter(3, scanId).executeUpdate();
    }
}
