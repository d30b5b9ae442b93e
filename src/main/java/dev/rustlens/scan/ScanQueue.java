package dev.rustlens.scan;

import static dev.rustlens.database.Columns.longOf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.SpecHints;

/**
 * Scan and backfill jobs as rows of their tables. Workers of any instance claim the oldest queued
 * one with {@code FOR UPDATE SKIP LOCKED}, so each runs once at a time; a claim records the
 * worker, its instance and (for a scan) one more attempt. What a dead worker held is queued again.
 */
@ApplicationScoped
public class ScanQueue {

    /** Queues again, or fails after its attempts, a running scan whose worker died; {@code %s} says which scans. */
    private static final String RECOVER = """
            update scan set
                status = case when attempt < ?1 then 'queued' else 'failed' end,
                error = case when attempt < ?1
                    then 'the rustlens instance running this scan stopped (' || ?3 || '); it was queued again'
                    else 'the rustlens instance running this scan stopped ' || attempt || ' times (' || ?3 || ');'
                        || ' see the server log, then scan again' end,
                finished_at = case when attempt < ?1 then null else now() end,
                started_at = case when attempt < ?1 then null else started_at end,
                files_done = null, files_total = null, heartbeat_at = null, worker = null
            where id in (select id from scan where status = 'running' and %s for update skip locked)
            returning id, repository_id, branch, commit_sha, status, error""";

    private static final int QUEUED_COUNT_TIMEOUT_MILLIS = 2000;

    private final EntityManager entityManager;
    private final Event<ScanFailed> failed;

    public ScanQueue(EntityManager entityManager, Event<ScanFailed> failed) {
        this.entityManager = entityManager;
        this.failed = failed;
    }

    /** Claims the oldest queued scan for {@code worker} of {@code instance}, marking it running. */
    @Transactional
    public Optional<Long> claim(String worker, String instance) {
        List<?> claimed = entityManager.createNativeQuery("""
                update scan set status = 'running', started_at = now(), heartbeat_at = now(), worker = ?1,
                    instance_id = ?2, attempt = attempt + 1, error = null
                where id = (select id from scan where status = 'queued' order by id limit 1 for update skip locked)
                returning id""").setParameter(1, worker).setParameter(2, instance).getResultList();
        return claimed.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Claims the oldest queued backfill for {@code worker} of {@code instance}, marking it running. */
    @Transactional
    public Optional<Long> claimBackfill(String worker, String instance) {
        List<?> claimed = entityManager.createNativeQuery("""
                update backfill set status = 'running', started_at = now(), worker = ?1, instance_id = ?2
                where id = (select id from backfill where status = 'queued' order by id limit 1 for update skip locked)
                returning id""").setParameter(1, worker).setParameter(2, instance).getResultList();
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
                update backfill set status = 'queued', started_at = null, worker = null, instance_id = null
                where id = ?1 and status = 'running'""").setParameter(1, backfillId).executeUpdate();
    }

    /**
     * Puts a scan that {@code worker} stopped because rustlens shuts down back in the queue, saying
     * so; the attempt is not counted against it.
     */
    @Transactional
    public void requeue(long scanId, String worker, String note) {
        entityManager.createNativeQuery("""
                update scan set status = 'queued', started_at = null, heartbeat_at = null, worker = null,
                    files_done = null, files_total = null, error = ?3, attempt = greatest(attempt - 1, 0)
                where id = ?1 and status = 'running' and worker = ?2""")
                .setParameter(1, scanId).setParameter(2, worker).setParameter(3, note).executeUpdate();
    }

    /**
     * At start-up, or as it stops: queues again the scans and backfills this instance was
     * running (a crash or kill left them so), or fails a scan that used up its attempts.
     *
     * @return how many scans were queued again or failed
     */
    @Transactional
    public int recoverInstance(String instance, int maxAttempts, String cause) {
        entityManager.createNativeQuery("""
                update backfill set status = 'queued', started_at = null, worker = null, instance_id = null
                where status = 'running' and instance_id = ?1""").setParameter(1, instance).executeUpdate();
        return recovered(entityManager.createNativeQuery(RECOVER.formatted("instance_id = ?2"), Tuple.class)
                .setParameter(1, maxAttempts).setParameter(2, instance).setParameter(3, cause));
    }

    /**
     * Queues again (or fails, after their attempts) running scans whose worker stopped sending
     * heartbeats, on any instance, and backfills running for longer than a fetch may take.
     *
     * @return how many scans were queued again or failed
     */
    @Transactional
    public int recoverStale(Duration staleAfter, int maxAttempts, Duration backfillLimit) {
        entityManager.createNativeQuery("""
                update backfill set status = 'queued', started_at = null, worker = null, instance_id = null
                where status = 'running' and started_at < now() - make_interval(secs => ?1)""")
                .setParameter(1, backfillLimit.toSeconds()).executeUpdate();
        return recovered(entityManager.createNativeQuery(RECOVER.formatted("heartbeat_at < now() - make_interval(secs => ?2)"),
                Tuple.class).setParameter(1, maxAttempts).setParameter(2, staleAfter.toSeconds())
                .setParameter(3, "no heartbeat for " + staleAfter.toSeconds() + " s"));
    }

    /**
     * Runs a {@link #RECOVER} update; the scans it failed for good (their attempts used up) are
     * told of as any failed scan is.
     *
     * @return how many scans were queued again or failed
     */
    private int recovered(Query recover) {
        List<?> rows = recover.getResultList();
        for (Object row : rows) {
            Tuple scan = (Tuple) row;
            if ("failed".equals(scan.get("status", String.class))) {
                failed.fire(new ScanFailed(longOf(scan, "repository_id"), longOf(scan, "id"),
                        scan.get("branch", String.class), scan.get("commit_sha", String.class),
                        scan.get("error", String.class)));
            }
        }
        return rows.size();
    }

    /**
     * Records the merge-base of a branch scan that {@code worker} runs, and queues a scan of that
     * commit on the target branch unless it is scanned or queued already: the branch scan's
     * verdict waits for it, and it is compared with it once it is stored.
     */
    @Transactional
    public void recordBase(long scanId, String worker, String baseCommit, String targetBranch) {
        int recorded = entityManager.createNativeQuery("""
                update scan set base_commit = ?3 where id = ?1 and worker = ?2 and status = 'running'""")
                .setParameter(1, scanId).setParameter(2, worker).setParameter(3, baseCommit).executeUpdate();
        if (recorded == 0) {
            return; // cancelled or taken over meanwhile
        }
        entityManager.createNativeQuery("""
                insert into scan (repository_id, branch, requested_commit, trigger, status, queued_at)
                select s.repository_id, ?2, ?3, 'baseline', 'queued', now() from scan s
                where s.id = ?1 and not exists (select 1 from scan b where b.repository_id = s.repository_id
                    and (b.commit_sha = ?3 and b.status = 'succeeded'
                         or b.requested_commit = ?3 and b.status in ('queued', 'running')))
                on conflict do nothing""")
                .setParameter(1, scanId).setParameter(2, targetBranch).setParameter(3, baseCommit).executeUpdate();
    }

    /**
     * Proves that these running scans of {@code instance} have a live worker. A scan whose row a
     * transaction holds is being stored (the store locks it), which proves it alive too: it is
     * skipped rather than waited for, and recovery skips it likewise, so a long store neither
     * stalls the heartbeats nor gets its scan queued again.
     */
    @Transactional
    public void heartbeat(Collection<Long> scanIds, String instance) {
        if (!scanIds.isEmpty()) {
            entityManager.createNativeQuery("""
                    update scan set heartbeat_at = now()
                    where id in (select id from scan where id in (?1) and status = 'running' and instance_id = ?2
                                 for update skip locked)""")
                    .setParameter(1, scanIds).setParameter(2, instance).executeUpdate();
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

    /** How many scans wait in the queue; gives up after two seconds (it is asked while metrics are scraped). */
    @Transactional
    public long queuedScans() {
        return ((Number) entityManager.createNativeQuery("select count(*) from scan where status = 'queued'")
                .setHint(SpecHints.HINT_SPEC_QUERY_TIMEOUT, QUEUED_COUNT_TIMEOUT_MILLIS).getSingleResult()).longValue();
    }

    /** Records progress of a scan that {@code worker} runs. */
    @Transactional
    public void progress(long scanId, String worker, int done, int total) {
        entityManager.createNativeQuery("update scan set files_done = ?1, files_total = ?2 where id = ?3 and worker = ?4")
                .setParameter(1, done).setParameter(2, total).setParameter(3, scanId).setParameter(4, worker)
                .executeUpdate();
    }
}
