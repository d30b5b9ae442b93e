package dev.rustlens.bench;

import dev.rustlens.bench.detect.Detector.Evaluation;
import dev.rustlens.bench.detect.Detector;
import dev.rustlens.bench.detect.Threshold;
import dev.rustlens.bench.ingest.MalformedResultsException;
import dev.rustlens.bench.ingest.ParsedResult;
import dev.rustlens.database.Columns;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.Session;

/** Stores benchmark results, judges each new one against its history, and keeps the alerts. */
@ApplicationScoped
public class BenchmarkService {

    private static final Pattern LABEL = Pattern.compile("[\\p{Graph}]{1,200}");
    private static final int MAX_NAME_LENGTH = 500;

    private final Event<BenchmarkAlertOpened> alertsOpened;

    public BenchmarkService(Event<BenchmarkAlertOpened> alertsOpened) {
        this.alertsOpened = alertsOpened;
    }

    /**
     * Where the results were measured: commit, branch and testbed are required; {@code committedAt}
     * (when the commit was made) is optional.
     */
    public record Origin(String commit, String branch, String testbed, String crateName, OffsetDateTime committedAt) {

        /** The commit time a client sent, an ISO-8601 date-time with its offset, or null. */
        public static OffsetDateTime committedAt(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new BadRequest("committedAt must be an ISO-8601 date-time with an offset, e.g."
                        + " 2026-12-06T18:00:00Z (git show -s --format=%cI), not \"" + value.strip() + "\"", e);
            }
        }

        /** Checks each field; the message names the missing or bad one. */
        public Origin {
            commit = required("commit", commit);
            branch = required("branch", branch);
            testbed = required("testbed", testbed);
            crateName = crateName == null || crateName.isBlank() ? null : required("crate", crateName);
        }

        private static String required(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new BadRequest("the \"" + field + "\" parameter is required");
            }
            if (!LABEL.matcher(value).matches()) {
                throw new BadRequest("\"" + field + "\" must be 1 to 200 visible characters without spaces");
            }
            return value;
        }
    }

    /** What an upload did: results newly stored, results re-sent (updated in place), alerts raised. */
    public record IngestSummary(int stored, int updated, List<AlertView> alerts) {
    }

    /**
     * Stores {@code results} for the repository in one transaction: either all or, on any bad
     * value, none. A result already stored for the same benchmark, measure, commit, branch and
     * testbed is updated rather than duplicated, and is not judged again.
     */
    @Transactional
    public IngestSummary ingest(long repositoryId, Origin origin, List<ParsedResult> results) {
        GitRepository repository = repository(repositoryId);
        Set<String> seen = new HashSet<>();
        for (ParsedResult result : results) {
            if (result.benchmark().indexOf('\0') >= 0 || result.measure().indexOf('\0') >= 0) {
                throw new MalformedResultsException(result.benchmark(), "names must not contain the NUL character");
            }
            if (result.benchmark().isBlank() || result.benchmark().length() > MAX_NAME_LENGTH) {
                throw new MalformedResultsException(result.benchmark(), "a benchmark name must be 1 to 500 characters");
            }
            if (!seen.add(result.benchmark() + "\n" + result.measure())) {
                throw new MalformedResultsException(result.benchmark(), "measure \"" + result.measure()
                        + "\" appears twice in one upload");
            }
        }
        int stored = 0;
        int updated = 0;
        List<AlertView> alerts = new ArrayList<>();
        for (ParsedResult parsed : results) {
            Benchmark benchmark = Benchmark.findByName(repository, parsed.benchmark()).orElseGet(() -> {
                Benchmark created = new Benchmark();
                created.repository = repository;
                created.name = parsed.benchmark();
                created.persist();
                return created;
            });
            if (origin.crateName() != null) {
                benchmark.crateName = origin.crateName();
            }
            var existing = BenchmarkResult.find(benchmark, parsed.measure(), origin.commit(), origin.branch(),
                    origin.testbed());
            if (existing.isPresent()) {
                existing.get().value = parsed.value();
                if (origin.committedAt() != null) {
                    existing.get().committedAt = origin.committedAt();
                }
                existing.get().lowerValue = parsed.lowerValue();
                existing.get().upperValue = parsed.upperValue();
                updated++;
                continue;
            }
            BenchmarkResult result = new BenchmarkResult();
            result.benchmark = benchmark;
            result.measure = parsed.measure();
            result.value = parsed.value();
            result.lowerValue = parsed.lowerValue();
            result.upperValue = parsed.upperValue();
            result.commitSha = origin.commit();
            result.branch = origin.branch();
            result.testbed = origin.testbed();
            result.committedAt = origin.committedAt();
            result.persistAndFlush();
            stored++;
            judge(result).ifPresent(alert -> alerts.add(AlertView.of(alert)));
        }
        return new IngestSummary(stored, updated, alerts);
    }

    private Optional<BenchmarkAlert> judge(BenchmarkResult result) {
        Threshold threshold = BenchmarkThreshold.effective(result.benchmark, result.measure);
        List<Double> baseline = BenchmarkResult.window(result, threshold.windowSize()).stream()
                .map(r -> r.value).toList();
        Evaluation evaluation = Detector.evaluate(threshold, baseline, result.value);
        if (evaluation.breach() == null) {
            return Optional.empty();
        }
        // One regression is one alert: the same benchmark and measure at the same commit, seen again
        // on another testbed or branch, joins the alert it already has.
        Optional<BenchmarkAlert> raised = BenchmarkAlert.find("result.benchmark = ?1 and result.measure = ?2"
                + " and result.commitSha = ?3 and status <> ?4 order by id", result.benchmark, result.measure,
                result.commitSha, BenchmarkAlert.Status.resolved).firstResultOptional();
        if (raised.isPresent()) {
            return raised;
        }
        BenchmarkAlert alert = new BenchmarkAlert();
        alert.result = result;
        alert.test = evaluation.test().wireName();
        alert.boundary = evaluation.breach().name();
        alert.baselineMean = evaluation.baselineMean();
        alert.baselineSpread = evaluation.baselineSpread();
        alert.baselineSize = evaluation.baselineSize();
        alert.limitValue = evaluation.breach() == Detector.Breach.upper ? evaluation.upperLimit()
                : evaluation.lowerLimit();
        alert.value = result.value;
        alert.changePercent = evaluation.changePercent();
        alert.status = BenchmarkAlert.Status.open;
        alert.updatedAt = OffsetDateTime.now();
        alert.persist();
        alertsOpened.fire(new BenchmarkAlertOpened(AlertView.of(alert)));
        return Optional.of(alert);
    }

    /**
     * The number of open regressions of a repository (open alerts, one per benchmark, measure and
     * commit, also where an older upload opened several); the quality gate fails on any.
     */
    @Transactional
    public long openAlertCount(long repositoryId) {
        return openRegressions("and b.repository_id = ?1", repositoryId).getOrDefault(repositoryId, 0L);
    }

    /** The number of open regressions of every repository that has any, by repository id, in one query. */
    @Transactional
    public Map<Long, Long> openAlertCounts() {
        return openRegressions("", null);
    }

    private static Map<Long, Long> openRegressions(String repositoryFilter, Long repositoryId) {
        var query = BenchmarkAlert.getEntityManager().unwrap(Session.class).createNativeQuery("""
                select b.repository_id, count(distinct (b.id, r.measure, r.commit_sha)) as regressions
                from benchmark_alert a join benchmark_result r on r.id = a.result_id
                    join benchmark b on b.id = r.benchmark_id
                where a.status = 'open'""" + " " + repositoryFilter + " group by b.repository_id", Tuple.class);
        if (repositoryId != null) {
            query.setParameter(1, repositoryId);
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Tuple row : query.getResultList()) {
            counts.put(Columns.longOf(row, "repository_id"), Columns.longOf(row, "regressions"));
        }
        return counts;
    }

    /**
     * Moves an alert to {@code target}: open → acknowledged → resolved (or open → resolved),
     * recording {@code author} as who did it.
     */
    @Transactional
    public AlertView transition(long alertId, BenchmarkAlert.Status target, String author) {
        BenchmarkAlert alert = BenchmarkAlert.findById(alertId);
        if (alert == null) {
            throw new NotFoundException();
        }
        boolean allowed = switch (target) {
            case acknowledged -> alert.status == BenchmarkAlert.Status.open;
            case resolved -> alert.status != BenchmarkAlert.Status.resolved;
            case open -> false;
        };
        if (!allowed) {
            throw new ClientErrorException("alert " + alertId + " is " + alert.status + " and cannot become " + target,
                    Response.Status.CONFLICT);
        }
        alert.status = target;
        alert.updatedAt = OffsetDateTime.now();
        alert.changedBy = author;
        return AlertView.of(alert);
    }

    /** Sets the threshold of one measure of a benchmark. */
    @Transactional
    public Threshold setThreshold(long benchmarkId, String measure, Threshold threshold) {
        Benchmark benchmark = benchmark(benchmarkId);
        BenchmarkThreshold stored = BenchmarkThreshold.<BenchmarkThreshold>find("benchmark = ?1 and measure = ?2",
                benchmark, measure).firstResultOptional().orElseGet(() -> {
                    BenchmarkThreshold created = new BenchmarkThreshold();
                    created.benchmark = benchmark;
                    created.measure = measure;
                    return created;
                });
        stored.test = threshold.test().wireName();
        stored.windowSize = threshold.windowSize();
        stored.minSampleSize = threshold.minSampleSize();
        stored.upperBoundary = threshold.upperBoundary();
        stored.lowerBoundary = threshold.lowerBoundary();
        stored.persist();
        return threshold;
    }

    static GitRepository repository(long id) {
        GitRepository repository = GitRepository.findById(id);
        if (repository == null) {
            throw new NotFoundException();
        }
        return repository;
    }

    static Benchmark benchmark(long id) {
        Benchmark benchmark = Benchmark.findById(id);
        if (benchmark == null) {
            throw new NotFoundException();
        }
        return benchmark;
    }
}
