package dev.rustlens.supply;

import dev.rustlens.analysis.advisories.Advisory;
import dev.rustlens.analysis.advisories.AdvisoryMatcher;
import dev.rustlens.analysis.advisories.AdvisoryParser;
import dev.rustlens.analysis.advisories.AdvisoryProblem;
import dev.rustlens.analysis.advisories.ParsedDatabase;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.CronSchedule;
import dev.rustlens.supply.AdvisoryFetch.FetchFailed;
import dev.rustlens.supply.AdvisoryFetch.Fetched;
import dev.rustlens.supply.AdvisoryStore.DatabaseRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The RustSec advisory database in use: fetched on a schedule ({@code rustlens.advisories}), every
 * advisory of a new revision read and stored in one transaction, and kept in memory as an
 * {@link AdvisoryMatcher}, loaded from the tables at start-up so that a restart needs no network. A
 * refresh that stores a new revision fires {@link AdvisoriesChanged} once it committed. A failed
 * fetch is logged and kept as the database's last error; the advisories in use stay.
 */
@ApplicationScoped
public class AdvisoryDatabase {

    private static final Logger LOG = Logger.getLogger(AdvisoryDatabase.class);

    private final RustlensConfig.Advisories config;
    private final AdvisoryFetch fetch;
    private final AdvisoryStore store;
    private final Event<AdvisoriesChanged> changed;
    /** One refresh at a time on this instance; instances share the work through the row lock. */
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot current;
    private volatile boolean stopping;

    public AdvisoryDatabase(RustlensConfig config, AdvisoryFetch fetch, AdvisoryStore store, Event<AdvisoriesChanged> changed) {
        this.config = config.advisories();
        this.fetch = fetch;
        this.store = store;
        this.changed = changed;
    }

    /**
     * The advisories in use.
     *
     * @param revision the database's commit they were read from
     * @param fetchedAt when that revision was stored
     * @param matcher matches locked packages against them
     * @param advisories every advisory read (withdrawn ones included), in path order
     */
    public record Snapshot(String revision, OffsetDateTime fetchedAt, AdvisoryMatcher matcher, List<Advisory> advisories) {
    }

    /** What a refresh did. */
    public enum Result {
        /** A new revision was stored and is in use; {@link AdvisoriesChanged} was fired. */
        CHANGED,
        /** The branch has not moved since the revision in use. */
        UNCHANGED,
        /** The fetch failed; the advisories in use stay. */
        FAILED,
        /** rustlens.advisories.enabled is false: nothing was fetched. */
        DISABLED
    }

    /**
     * The outcome of one refresh.
     *
     * @param result what happened
     * @param revision the revision in use afterwards, if any
     * @param advisories how many advisories it has
     * @param problems the files of that revision left out (when it changed)
     * @param error why the fetch failed
     */
    public record Refresh(Result result, Optional<String> revision, int advisories, List<AdvisoryProblem> problems,
            Optional<String> error) {
    }

    /**
     * The configured database's state, as stored.
     *
     * @param url the configured URL
     * @param branch the configured branch
     * @param enabled whether rustlens fetches and matches at all
     * @param revision the commit whose advisories are stored
     * @param fetchedAt the last fetch that succeeded
     * @param advisories how many advisories are stored
     * @param lastError the last failed fetch, until one succeeds
     * @param lastErrorAt when it failed
     * @param problems the files of the stored revision left out
     */
    public record Status(String url, String branch, boolean enabled, Optional<String> revision,
            Optional<OffsetDateTime> fetchedAt, int advisories, Optional<String> lastError,
            Optional<OffsetDateTime> lastErrorAt, List<AdvisoryProblem> problems) {
    }

    /** The advisories in use; empty until a fetch succeeded once, or when switched off. */
    public Optional<Snapshot> current() {
        return Optional.ofNullable(current);
    }

    /** The configured database's state. */
    public Status status() {
        Optional<DatabaseRow> row = QuarkusTransaction.requiringNew().call(() -> store.find(config.url()));
        return new Status(config.url(), config.branch(), config.enabled(), row.flatMap(DatabaseRow::revision),
                row.flatMap(DatabaseRow::fetchedAt), row.map(DatabaseRow::advisoryCount).orElse(0),
                row.flatMap(DatabaseRow::lastError), row.flatMap(DatabaseRow::lastErrorAt),
                row.map(DatabaseRow::problems).orElse(List.of()));
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        load();
        if (refreshIsDue(ZonedDateTime.now(ZoneOffset.UTC))) {
            Thread first = new Thread(this::refresh, "rustlens-advisory-refresh");
            first.setDaemon(true);
            first.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(cron = "{rustlens.advisories.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (config.enabled()) {
            refresh();
        }
    }

    /**
     * Fetches the branch and, when it moved, reads and stores the new revision's advisories in one
     * transaction, puts them in use and fires {@link AdvisoriesChanged} after the commit.
     */
    public Refresh refresh() {
        if (!config.enabled()) {
            return new Refresh(Result.DISABLED, Optional.empty(), 0, List.of(), Optional.empty());
        }
        refreshing.lock();
        try {
            return refreshNow();
        } finally {
            refreshing.unlock();
        }
    }

    private Refresh refreshNow() {
        String url = config.url();
        String branch = config.branch();
        Fetched fetched;
        try {
            fetched = fetch.fetch(url, branch, () -> stopping);
        } catch (FetchFailed e) {
            // One line says what failed (the message names the URL and the cause); the trace is for debugging.
            LOG.warn(e.getMessage());
            LOG.debug("the advisory fetch's failure", e);
            QuarkusTransaction.requiringNew().run(() -> store.failed(url, branch, e.getMessage(), OffsetDateTime.now()));
            Snapshot inUse = current;
            return new Refresh(Result.FAILED, Optional.ofNullable(inUse).map(Snapshot::revision),
                    inUse == null ? 0 : inUse.advisories().size(), List.of(), Optional.of(e.getMessage()));
        }
        ParsedDatabase parsed = AdvisoryParser.parseAll(fetched.files());
        List<AdvisoryProblem> problems = new ArrayList<>(fetched.tooLarge());
        problems.addAll(parsed.problems());
        OffsetDateTime now = OffsetDateTime.now();
        boolean stored = QuarkusTransaction.requiringNew().call(() -> {
            DatabaseRow row = store.lock(url, branch);
            if (row.revision().equals(Optional.of(fetched.revision()))) {
                store.fetched(url, now);
                return false;
            }
            store.replace(url, branch, fetched.revision(), parsed.advisories(), problems, now);
            return true;
        });
        if (!stored) {
            if (current == null || !current.revision().equals(fetched.revision())) {
                load(); // another instance stored it first
            }
            return new Refresh(Result.UNCHANGED, Optional.of(fetched.revision()), parsed.advisories().size(), List.of(),
                    Optional.empty());
        }
        current = new Snapshot(fetched.revision(), now, new AdvisoryMatcher(parsed.advisories()), parsed.advisories());
        LOG.infof("advisory database %s at %s: %d advisories, %d files left out", url, fetched.revision(),
                parsed.advisories().size(), problems.size());
        problems.forEach(problem -> LOG.warnf("advisory database %s: %s", url, problem));
        changed.fire(new AdvisoriesChanged(fetched.revision()));
        return new Refresh(Result.CHANGED, Optional.of(fetched.revision()), parsed.advisories().size(),
                List.copyOf(problems), Optional.empty());
    }

    /** Puts the stored advisories of the configured database in use, if any. */
    void load() {
        Optional<Snapshot> stored = QuarkusTransaction.requiringNew().call(() -> store.find(config.url())
                .filter(row -> row.revision().isPresent())
                .map(row -> {
                    List<Advisory> advisories = store.advisories(row.url());
                    return new Snapshot(row.revision().orElseThrow(), row.storedAt().orElseThrow(),
                            new AdvisoryMatcher(advisories), advisories);
                }));
        current = stored.orElse(null);
    }

    /**
     * Whether the schedule fired since the last successful fetch (or nothing is stored): the
     * fires missed while no instance ran are caught up once at start-up.
     */
    private boolean refreshIsDue(ZonedDateTime now) {
        Optional<OffsetDateTime> fetchedAt = QuarkusTransaction.requiringNew().call(() -> store.find(config.url())
                .filter(row -> row.revision().isPresent()).flatMap(DatabaseRow::fetchedAt));
        if (fetchedAt.isEmpty()) {
            return true;
        }
        return CronSchedule.parse(config.refresh()).lastFireBefore(now)
                .map(fire -> fire.toOffsetDateTime().isAfter(fetchedAt.get())).orElse(false);
    }
}
