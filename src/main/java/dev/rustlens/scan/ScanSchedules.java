package dev.rustlens.scan;

import static dev.rustlens.database.Columns.longOf;

import dev.rustlens.config.InstanceIdentity;
import dev.rustlens.gitrepo.CronSchedule;
import dev.rustlens.gitrepo.GitRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Runs every repository's cron schedule on this instance. All instances run all schedules; a
 * fire queues a scan only on the instance that first records that (repository, fire time) in
 * PostgreSQL, so a schedule fires once however many instances share the database. Misfire policy:
 * a schedule that missed fires while no instance ran fires once at start-up, for the latest fire
 * time it missed; older missed fires are not replayed.
 */
@ApplicationScoped
public class ScanSchedules {

    private static final Logger LOG = Logger.getLogger(ScanSchedules.class);

    private final Scheduler scheduler;
    private final ScanService scans;
    private final ScanWorkers workers;
    private final EntityManager entityManager;
    private final String instance;
    /** The cron of each repository this instance has a job for. */
    private final Map<Long, String> jobs = new HashMap<>();

    public ScanSchedules(Scheduler scheduler, ScanService scans, ScanWorkers workers, EntityManager entityManager,
            InstanceIdentity identity) {
        this.instance = identity.id();
        this.scheduler = scheduler;
        this.scans = scans;
        this.workers = workers;
        this.entityManager = entityManager;
    }

    void start(@Observes StartupEvent event) {
        sync();
        catchUp(ZonedDateTime.now());
    }

    /**
     * Fires, once, each schedule whose latest fire time before {@code now} is later than both its
     * latest recorded fire and the moment it was set: the fires missed while no instance ran.
     *
     * @return how many schedules were caught up (on this instance or another)
     */
    public int catchUp(ZonedDateTime now) {
        List<Tuple> schedules = QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class)
                .createNativeQuery("""
                        select r.id, r.schedule, greatest(r.schedule_since,
                            (select max(f.fire_time) from schedule_fire f where f.repository_id = r.id)) as covered
                        from repository r where r.schedule is not null and r.schedule_paused_at is null""", Tuple.class).getResultList());
        int caughtUp = 0;
        for (Tuple row : schedules) {
            long repositoryId = longOf(row, "id");
            String schedule = row.get("schedule", String.class);
            Instant covered = Optional.ofNullable(row.get("covered", Instant.class)).orElse(Instant.EPOCH);
            try {
                Optional<ZonedDateTime> missed = CronSchedule.parse(schedule).lastFireBefore(now)
                        .filter(fire -> fire.toInstant().isAfter(covered));
                if (missed.isPresent()) {
                    LOG.infof("repository %d: catching up the scheduled scan of %s, missed while rustlens was down",
                            repositoryId, missed.get());
                    fire(repositoryId, missed.get().toInstant());
                    caughtUp++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("repository %d: cannot catch up schedule '%s': %s", repositoryId, schedule, e.getMessage());
            }
        }
        return caughtUp;
    }

    /**
     * Makes this instance's jobs match the schedules in the database; runs at start, after a
     * change made here, and every minute for changes made on other instances.
     */
    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void sync() {
        Map<Long, String> wanted = QuarkusTransaction.requiringNew().call(() -> GitRepository.listScheduled()
                .stream().collect(Collectors.toMap(repository -> repository.id, repository -> repository.schedule)));
        jobs.entrySet().removeIf(job -> {
            if (job.getValue().equals(wanted.get(job.getKey()))) {
                return false;
            }
            scheduler.unscheduleJob(jobId(job.getKey()));
            return true;
        });
        wanted.forEach((repositoryId, cron) -> {
            if (!jobs.containsKey(repositoryId)) {
                try {
                    scheduler.newJob(jobId(repositoryId)).setCron(cron)
                            .setTask(execution -> fire(repositoryId, execution.getScheduledFireTime())).schedule();
                    jobs.put(repositoryId, cron);
                } catch (RuntimeException e) {
                    LOG.warnf("repository %d: cannot run schedule '%s': %s", repositoryId, cron, e.getMessage());
                }
            }
        });
    }

    /**
     * Queues the scan of one fire of a repository's schedule, unless another instance already
     * did for that fire time.
     *
     * @return the scan queued (or the active scan it found), empty when the fire was taken
     */
    public Optional<Long> fire(long repositoryId, Instant fireTime) {
        OffsetDateTime time = fireTime.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
        Optional<Long> scan = QuarkusTransaction.requiringNew().call(() -> {
            int claimed = entityManager.createNativeQuery("""
                    insert into schedule_fire (repository_id, fire_time, instance) values (?1, ?2, ?3)
                    on conflict do nothing""")
                    .setParameter(1, repositoryId).setParameter(2, time).setParameter(3, instance).executeUpdate();
            if (claimed == 0) {
                return Optional.<Long>empty();
            }
            Optional<Long> queued = scans.enqueueInTransaction(repositoryId, Scan.Trigger.schedule, ScanRequest.DEFAULT_BRANCH_HEAD).map(ScanView::id);
            queued.ifPresent(id -> entityManager.createNativeQuery(
                    "update schedule_fire set scan_id = ?1 where repository_id = ?2 and fire_time = ?3")
                    .setParameter(1, id).setParameter(2, repositoryId).setParameter(3, time).executeUpdate());
            return queued;
        });
        scan.ifPresent(id -> workers.signal());
        return scan;
    }

    private static String jobId(long repositoryId) {
        return "rustlens-schedule-" + repositoryId;
    }
}
