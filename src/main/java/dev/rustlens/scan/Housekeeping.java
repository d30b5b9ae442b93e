package dev.rustlens.scan;

import dev.rustlens.config.RustlensConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Housekeeping of old scans, as SonarQube thins old analyses (docs/database.md): the findings and
 * unsafe sites, nearly all of a scan's rows, of scans beyond the policy of
 * {@code rustlens.housekeeping} are removed, one scan per transaction. Every scan keeps its
 * snapshots, scores and finding counts, so trends and grades do not change.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    /**
     * The succeeded scans that still have their findings and that the policy does not keep: not
     * the newest of their branch, not younger than ?1 (keep all), not the newest of their day while
     * younger than ?2 (keep daily) nor of their week, not the baseline of a scan kept for one of
     * those reasons, not a gate's chosen baseline, and stored more than a day ago (a backfill in
     * progress compares its commits with each other).
     */
    private static final String BEYOND_POLICY = """
            with ranked as (
                select id, previous_scan_id, committed_at, finished_at,
                       row_number() over (partition by repository_id, branch
                                          order by committed_at desc, id desc) as newest_of_branch,
                       row_number() over (partition by repository_id, branch, date_trunc('day', committed_at, 'UTC')
                                          order by committed_at desc, id desc) as newest_of_day,
                       row_number() over (partition by repository_id, branch, date_trunc('week', committed_at, 'UTC')
                                          order by committed_at desc, id desc) as newest_of_week
                from scan where status = 'succeeded' and findings_removed_at is null and committed_at is not null
            ), kept as (
                select id, previous_scan_id from ranked
                where newest_of_branch = 1 or committed_at >= ?1 or (newest_of_day = 1 and committed_at >= ?2)
                   or newest_of_week = 1 or finished_at >= ?3
                   or id in (select cast(baseline_value as bigint) from quality_gate
                             where baseline = 'scan' and baseline_value ~ '^[0-9]{1,18}$')
            )
            select r.id from ranked r
            where not exists (select 1 from kept k where k.id = r.id or k.previous_scan_id = r.id)
            order by r.id""";

    private final EntityManager entityManager;
    private final RustlensConfig config;

    public Housekeeping(EntityManager entityManager, RustlensConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** What one run removed. */
    public record Removed(int scans, long findings, long unsafeSites) {

        Removed plus(Removed other) {
            return new Removed(scans + other.scans, findings + other.findings, unsafeSites + other.unsafeSites);
        }
    }

    @Scheduled(cron = "{rustlens.housekeeping.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        removeBeyondPolicy(OffsetDateTime.now());
    }

    /** Removes the findings and unsafe sites of the scans the policy does not keep as of {@code now}. */
    public Removed removeBeyondPolicy(OffsetDateTime now) {
        RustlensConfig.Housekeeping policy = config.housekeeping();
        List<Long> scans = QuarkusTransaction.requiringNew().call(() -> session()
                .createNativeQuery(BEYOND_POLICY, Long.class)
                .setParameter(1, now.minus(policy.keepAll())).setParameter(2, now.minus(policy.keepDaily()))
                .setParameter(3, now.minusDays(1)).getResultList());
        Removed removed = new Removed(0, 0, 0);
        for (long scan : scans) {
            removed = removed.plus(QuarkusTransaction.requiringNew().call(() -> remove(scan)));
        }
        if (removed.scans() > 0) {
            LOG.infof("housekeeping: removed the findings (%d) and unsafe sites (%d) of %d old scan(s);"
                    + " their counts, scores and trends stay (rustlens.housekeeping)", removed.findings(),
                    removed.unsafeSites(), removed.scans());
        }
        return removed;
    }

    /** Removes one scan's findings and unsafe sites, unless another run did. */
    private Removed remove(long scanId) {
        Session session = session();
        // Removing a large scan's rows may outlast a page's statement timeout.
        session.createNativeMutationQuery("set local statement_timeout = 0").executeUpdate();
        int marked = session.createNativeMutationQuery("update scan set findings_removed_at = now()"
                + " where id = ?1 and findings_removed_at is null").setParameter(1, scanId).executeUpdate();
        if (marked == 0) {
            return new Removed(0, 0, 0);
        }
        // Rows an unchanged rescan shares go when the last scan reading them does.
        long sites = SharedUnsafeSites.deleteIfUnread(entityManager, scanId);
        long rowsScanId = Scan.findingsScanIdOf(scanId);
        long findings = SharedFindings.deleteIfUnread(entityManager, rowsScanId);
        // Its locked packages go with its findings (their advisories are findings); its lock files' summary stays.
        session.createNativeMutationQuery("delete from scan_dependency where scan_id = ?1").setParameter(1, scanId)
                .executeUpdate();
        // Where its test code is only placed lints among its findings.
        session.createNativeMutationQuery("update crate_snapshot set test_code = null where scan_id = ?1")
                .setParameter(1, scanId).executeUpdate();
        return new Removed(1, findings, sites);
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
