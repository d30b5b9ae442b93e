package dev.rustlens.gate;

import static dev.rustlens.database.Columns.longOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.bench.BenchmarkService;
import dev.rustlens.coverage.CoverageApplied;
import dev.rustlens.coverage.NewCodeCoverage;
import dev.rustlens.database.JoinPlans;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.scan.AnalysisEngine;
import dev.rustlens.scan.DiagnosticImports;
import dev.rustlens.scan.RecentTrends;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanStored;
import dev.rustlens.scan.SnapshotScores;
import dev.rustlens.scan.TriageInForce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** Evaluates and stores quality gate verdicts, and keeps each repository's gate settings. */
@ApplicationScoped
public class GateService {

    /** The counts whose change since the baseline is reported. */
    private static final List<String> DELTA_COLUMNS = List.of("code_lines", "unsafe_blocks", "unsafe_functions",
            "unsafe_methods", "unsafe_impls", "unsafe_traits", "extern_blocks", "findings");

    private static final long STATUS_POLL_MILLIS = 2000;

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final AnalysisEngine engine;
    private final SnapshotScores scores;
    private final BenchmarkService benchmarks;
    private final Event<GateStatusChanged> statusChanges;
    private final NewCodeCoverage newCodeCoverage;
    private final VerdictSignals signals;
    private final RecentTrends trends;

    public GateService(EntityManager entityManager, ObjectMapper json, AnalysisEngine engine, SnapshotScores scores,
            BenchmarkService benchmarks, Event<GateStatusChanged> statusChanges, NewCodeCoverage newCodeCoverage,
            VerdictSignals signals, RecentTrends trends) {
        this.signals = signals;
        this.trends = trends;
        this.benchmarks = benchmarks;
        this.newCodeCoverage = newCodeCoverage;
        this.statusChanges = statusChanges;
        this.entityManager = entityManager;
        this.json = json;
        this.engine = engine;
        this.scores = scores;
    }

    /** A repository's gate of one scope: its own, or the default one. */
    public record GateSettings(String scope, List<GateCondition> conditions, String baseline, String baselineValue,
            boolean isDefault) {
    }

    @Transactional
    public GateSettings settings(long repositoryId, GateScope scope) {
        QualityGate gate = QualityGate.findById(new QualityGate.Key(repositoryId, scope.key()));
        return gate == null ? new GateSettings(scope.key(), scope.defaults(), scope.defaultBaseline(), null, true)
                : new GateSettings(scope.key(), gate.conditions, gate.baseline, gate.baselineValue, false);
    }

    /** Validates and stores a repository's gate of one scope, then re-evaluates its newest scan of each branch. */
    @Transactional
    public GateSettings save(GitRepository repository, GateScope scope, List<GateCondition> conditions, String baseline,
            String baselineValue) {
        if (conditions == null) {
            throw new BadRequest("\"conditions\" is required: a list, e.g. [{\"type\": \"min_grade\", \"grade\": \"B\"}]");
        }
        Set<String> checks = engine.catalogue().rules().stream().map(CheckInfo::id).collect(Collectors.toSet());
        conditions.forEach(condition -> condition.validate(checks));
        String checkedBaseline = baseline == null ? scope.defaultBaseline() : baseline;
        if (scope == GateScope.PULL_REQUEST || checkedBaseline.equals("merge_base")) {
            if (scope != GateScope.PULL_REQUEST || baselineValue != null || !checkedBaseline.equals("merge_base")) {
                throw new BadRequest("the pull-request gate, and only it, compares with the merge-base: baseline"
                        + " merge_base, without baselineValue");
            }
        }
        switch (checkedBaseline) {
            case "previous_scan", "merge_base" -> {
                if (baselineValue != null) {
                    throw new BadRequest("baseline " + checkedBaseline + " takes no baselineValue");
                }
            }
            case "date" -> parseDate(baselineValue);
            case "branch" -> {
                if (baselineValue == null || baselineValue.isBlank()) {
                    throw new BadRequest("baseline branch needs baselineValue: the reference branch");
                }
            }
            case "scan" -> {
                Scan chosen = baselineValue == null || !baselineValue.matches("\\d{1,18}") ? null
                        : Scan.findById(Long.parseLong(baselineValue));
                if (chosen == null || !chosen.repository.id.equals(repository.id) || chosen.status != Scan.Status.succeeded) {
                    throw new BadRequest("baseline scan needs baselineValue: the id of a succeeded scan"
                            + " of this repository");
                }
            }
            default -> throw new BadRequest("baseline must be previous_scan, date, branch or scan"
                    + " (merge_base for the pull-request gate)");
        }
        QualityGate gate = QualityGate.<QualityGate>findByIdOptional(new QualityGate.Key(repository.id, scope.key()))
                .orElseGet(() -> {
                    QualityGate created = new QualityGate();
                    created.repositoryId = repository.id;
                    created.scope = scope.key();
                    return created;
                });
        gate.conditions = List.copyOf(conditions);
        gate.baseline = checkedBaseline;
        gate.baselineValue = baselineValue;
        gate.persist();
        entityManager.flush();
        refresh(repository);
        return settings(repository.id, scope);
    }

    /**
     * The ids of the scans {@link #refresh} judges again: the newest succeeded scan of each branch of
     * the repository that {@code repositoryId} (an SQL expression) names.
     */
    static String newestScanOfEachBranch(String repositoryId) {
        return "select distinct on (branch) id from scan where repository_id = " + repositoryId
                + " and status = 'succeeded' order by branch, committed_at desc, id desc";
    }

    /**
     * Rescores and re-evaluates the newest succeeded scan of each branch of a repository, after
     * its gate or a triage mark changed, and stores its trend changes again (its newest score may
     * have changed).
     */
    @Transactional
    public void refresh(GitRepository repository) {
        List<Long> newest = session().createNativeQuery(newestScanOfEachBranch("?1"), Long.class)
                .setParameter(1, repository.id).getResultList();
        for (Long id : newest) {
            Scan scan = Scan.findById(id);
            scores.score(scan);
            entityManager.flush();
            record(scan);
        }
        trends.store(repository.id);
    }

    /** Judges each scan as it is stored, in the storing transaction: a scan and its verdict land together. */
    void onScanStored(@Observes ScanStored stored) {
        record(stored.scan());
    }

    /** Judges a scan again when a coverage report uploaded after it applies to it. */
    void onCoverageApplied(@Observes CoverageApplied applied) {
        record(applied.scan());
    }

    /**
     * Evaluates the gate on a succeeded scan and stores the verdict, in the caller's transaction:
     * when the scan is stored, and when its gate or a triage mark changes. When that changes the
     * verdict of the branch's newest scan, {@link GateStatusChanged} is fired.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Scan scan) {
        if (awaitsBaseline(scan)) {
            // No verdict until the merge-base is scanned: every finding would count as new.
            session().createNativeMutationQuery("delete from gate_result where scan_id = ?1").setParameter(1, scan.id)
                    .executeUpdate();
            return;
        }
        Optional<Boolean> before = branchVerdict(scan);
        GateScope scope = GateScope.of(scan);
        GateSettings gate = settings(scan.repository.id, scope);
        GateVerdict verdict = evaluate(scan, gate);
        String baselineCommit = verdict.baselineScanId() == null ? null
                : Scan.<Scan>findById(verdict.baselineScanId()).commitSha;
        try {
            session().createNativeMutationQuery("""
                    insert into gate_result (scan_id, baseline_scan_id, passed, conditions, new_code, scope, gate,
                        baseline_commit, triage_marks)
                    values (?1, ?2, ?3, cast(?4 as jsonb), cast(?5 as jsonb), ?6, cast(?7 as jsonb), cast(?8 as text),
                        (select count(*) from finding_triage t where t.repository_id = ?9 and %s))
                    on conflict (scan_id) do update set baseline_scan_id = excluded.baseline_scan_id,
                        passed = excluded.passed, conditions = excluded.conditions, new_code = excluded.new_code,
                        scope = excluded.scope, gate = excluded.gate, baseline_commit = excluded.baseline_commit,
                        triage_marks = excluded.triage_marks, evaluated_at = now()""".formatted(TriageInForce.of("t")))
                    .setParameter(1, scan.id).setParameter(2, verdict.baselineScanId()).setParameter(3, verdict.passed())
                    .setParameter(4, json.writeValueAsString(verdict.conditions()))
                    .setParameter(5, json.writeValueAsString(verdict.newCode()))
                    .setParameter(6, scope.key()).setParameter(7, json.writeValueAsString(gate))
                    .setParameter(8, baselineCommit).setParameter(9, scan.repository.id)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a gate verdict as JSON", e);
        }
        // Only this scan's verdict changed: when the branch's newest verdict differs, it is this scan's.
        Optional<Boolean> after = branchVerdict(scan);
        if (after.isPresent() && !after.equals(before)) {
            statusChanges.fire(new GateStatusChanged(scan.repository.id, scan.branch, scan.commitSha,
                    before.map(GateStatusChanged::statusOf).orElse(null), verdict));
        }
    }

    /** Whether the newest scan of the scan's branch that has a stored verdict passed; empty before any verdict. */
    private Optional<Boolean> branchVerdict(Scan scan) {
        return session().createNativeQuery("""
                select g.passed from gate_result g join scan s on s.id = g.scan_id
                where s.repository_id = ?1 and s.branch = ?2 and s.status = 'succeeded'
                order by s.committed_at desc, s.id desc limit 1""", Boolean.class)
                .setParameter(1, scan.repository.id).setParameter(2, scan.branch).getResultStream().findFirst();
    }

    /**
     * The verdict for CI: {@code status} is {@code passed} or {@code failed}, or {@code pending}
     * (no verdict yet: {@code scanId} is the queued or running scan to wait for, and
     * {@code waitingFor} says what it waits for).
     */
    public record GateStatus(long repositoryId, long scanId, String branch, String commit, String status,
            String waitingFor, GateVerdict verdict) {
    }

    /**
     * The verdict as of now on the newest succeeded scan of a commit (given by a prefix of its id,
     * on {@code branch} when given) or else of a branch's head (the default branch when null);
     * pending while that commit's or branch's only scan is queued or running, or while a branch
     * scan's merge-base is being scanned; empty when there is no such scan.
     */
    @Transactional
    public Optional<GateStatus> status(GitRepository repository, String commit, String branch) {
        String headBranch = branch == null ? repository.defaultBranch : branch;
        Optional<Scan> scan = succeeded(repository, commit, branch, headBranch);
        if (scan.isEmpty()) {
            Optional<Scan> active = commit != null
                    ? Scan.<Scan>find("repository = ?1 and status in ?2 and requestedCommit like ?3"
                            + " and (?4 is null or branch = ?4) order by id desc", repository,
                            List.of(Scan.Status.queued, Scan.Status.running), commit + "%", branch).firstResultOptional()
                    : Scan.findActive(repository, headBranch);
            if (active.isPresent()) {
                Scan pending = active.get();
                return Optional.of(new GateStatus(repository.id, pending.id, pending.branch,
                        pending.requestedCommit != null ? pending.requestedCommit : pending.commitSha, "pending",
                        "scan " + pending.id + " is " + pending.status, null));
            }
            // A scan that ended between the two looks is neither: look for it again.
            scan = succeeded(repository, commit, branch, headBranch);
            if (scan.isEmpty()) {
                return Optional.empty();
            }
        }
        Scan found = scan.get();
        if (awaitsBaseline(found)) {
            Optional<Scan> baseScan = Scan.<Scan>find("repository = ?1 and requestedCommit = ?2 and status in ?3"
                    + " order by id desc", repository, found.baseCommit, List.of(Scan.Status.queued, Scan.Status.running))
                    .firstResultOptional();
            return Optional.of(new GateStatus(repository.id, baseScan.map(base -> base.id).orElse(found.id), found.branch,
                    found.commitSha, "pending", baseScan.map(base -> "scan " + base.id + " of the merge-base "
                            + found.baseCommit + " is " + base.status).orElse("a scan of the merge-base "
                            + found.baseCommit + ", which has none yet"), null));
        }
        GateVerdict verdict = evaluate(found);
        return Optional.of(new GateStatus(repository.id, found.id, found.branch, found.commitSha,
                verdict.passed() ? "passed" : "failed", null, verdict));
    }

    /**
     * {@link #status}, asked again while it is pending whenever a scan of the repository ends, and
     * every {@value #STATUS_POLL_MILLIS} ms in any case (a cancelled scan, a scan stored by another
     * rustlens process), until {@code wait} is over: a CI job makes one call. Outside a
     * transaction, so that each look sees the latest commit.
     */
    @Transactional(Transactional.TxType.NEVER)
    public Optional<GateStatus> awaitStatus(GitRepository repository, String commit, String branch, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long seen = signals.generation(repository.id);
            Optional<GateStatus> status = status(repository, commit, branch);
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (status.isEmpty() || !status.get().status().equals("pending") || left <= 0) {
                return status;
            }
            try {
                signals.awaitChange(repository.id, seen, Math.min(STATUS_POLL_MILLIS, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }

    /** The newest succeeded scan of the commit (on {@code branch} when given), or of the head of {@code headBranch}. */
    private static Optional<Scan> succeeded(GitRepository repository, String commit, String branch, String headBranch) {
        return commit != null
                ? Scan.<Scan>find("repository = ?1 and status = ?2 and commitSha like ?3 and (?4 is null or branch = ?4)"
                        + " order by id desc", repository, Scan.Status.succeeded, commit + "%", branch).firstResultOptional()
                : Scan.findNewestSucceeded(repository, headBranch);
    }

    /** A scan's grade and score. */
    public record Graded(String grade, Integer score) {
    }

    /**
     * The grade of the newest succeeded scan of a repository's default branch; empty when there is
     * no such scan or no such repository.
     */
    @Transactional
    public Optional<Graded> newestGrade(long repositoryId) {
        return newestScan(repositoryId).map(scan -> new Graded(scan.grade, scan.score));
    }

    /** The verdict as of now on the scan of {@link #newestGrade}; empty when there is no such scan. */
    @Transactional
    public Optional<GateVerdict> newestVerdict(long repositoryId) {
        return newestScan(repositoryId).map(this::evaluate);
    }

    private static Optional<Scan> newestScan(long repositoryId) {
        GitRepository repository = GitRepository.findById(repositoryId);
        return repository == null ? Optional.empty()
                : Scan.findNewestSucceeded(repository, repository.defaultBranch);
    }

    /**
     * The verdict as of now on a scan; empty when the scan has not succeeded.
     *
     * @throws NotFoundException when there is no such scan
     */
    @Transactional
    public Optional<GateVerdict> verdict(long scanId) {
        return verdict(Scan.<Scan>findByIdOptional(scanId).orElseThrow(NotFoundException::new));
    }

    /**
     * The verdict on a scan as of now, evaluated again and not stored (a read never writes), since
     * benchmark alerts open and close and triage marks expire after the verdict was stored. Empty
     * for a scan that has not succeeded.
     */
    @Transactional
    public Optional<GateVerdict> verdict(Scan scan) {
        return scan.status == Scan.Status.succeeded && !awaitsBaseline(scan) ? Optional.of(evaluate(scan))
                : Optional.empty();
    }

    /** A branch scan whose merge-base has no scan yet: its new code cannot be told. */
    static boolean awaitsBaseline(Scan scan) {
        return scan.baseCommit != null && scan.previousScanId == null;
    }

    private GateVerdict evaluate(Scan scan) {
        return evaluate(scan, settings(scan.repository.id, GateScope.of(scan)));
    }

    private GateVerdict evaluate(Scan scan, GateSettings gate) {
        Long baseline = baseline(scan, gate).orElse(null);
        GateVerdict.NewCode newCode = newCode(scan, baseline);
        List<GateVerdict.ConditionResult> results = new ArrayList<>();
        for (GateCondition condition : gate.conditions()) {
            results.add(check(condition, scan, baseline, newCode));
        }
        boolean passed = results.stream().allMatch(GateVerdict.ConditionResult::passed);
        return new GateVerdict(scan.id, baseline, passed, results, newCode);
    }

    /**
     * Whether each of the given succeeded scans passes its gate as of now, for many scans at once:
     * the stored verdict, with the benchmark condition judged on the alerts open now (alerts open
     * and close after a verdict is stored, while triage changes re-evaluate the verdicts at once).
     * Scans without a stored verdict are left out.
     */
    @Transactional
    public Map<Long, Boolean> passedNow(Collection<Long> scanIds) {
        return scanIds.isEmpty() ? new HashMap<>() : passedNow(scanIds, benchmarks.openAlertCounts());
    }

    /**
     * {@link #passedNow(Collection)} with the open alerts by repository id ({@link
     * BenchmarkService#openAlertCounts}) that the caller has read already.
     */
    @Transactional
    public Map<Long, Boolean> passedNow(Collection<Long> scanIds, Map<Long, Long> openAlerts) {
        Map<Long, Boolean> passed = new HashMap<>();
        if (scanIds.isEmpty()) {
            return passed;
        }
        // Two path tests per verdict: unnesting every condition into a row to aggregate them again
        // took three times as long over 300 verdicts.
        for (Tuple row : session().createNativeQuery("""
                select g.scan_id, s.repository_id,
                       not jsonb_path_exists(g.conditions, '$[*] ? (@.passed == false
                           && @.condition.type != "no_open_benchmark_regressions")') as others_passed,
                       jsonb_path_exists(g.conditions, '$[*] ? (@.condition.type == "no_open_benchmark_regressions")')
                           as watches_benchmarks
                from gate_result g join scan s on s.id = g.scan_id
                where g.scan_id in (?1)""", Tuple.class)
                .setParameter(1, scanIds).getResultList()) {
            boolean regressed = row.get("watches_benchmarks", Boolean.class)
                    && openAlerts.getOrDefault(longOf(row, "repository_id"), 0L) > 0;
            passed.put(longOf(row, "scan_id"), row.get("others_passed", Boolean.class) && !regressed);
        }
        return passed;
    }

    private GateVerdict.ConditionResult check(GateCondition condition, Scan scan, Long baseline, GateVerdict.NewCode newCode) {
        GateCondition.Measured measured = switch (condition.type()) {
            case "no_new_findings", "max_new_findings" -> condition.onNewCode(newCode.byCheck(), newCode.bySeverity());
            case "no_open_benchmark_regressions" -> condition.onOpenAlerts(benchmarks.openAlertCount(scan.repository.id));
            case "min_grade" -> condition.onGrade(scan.grade);
            case "new_code_coverage" -> newCodeCoverage(condition, scan, baseline);
            case "no_vulnerable_dependencies" -> GateScope.of(scan) == GateScope.PULL_REQUEST
                    ? condition.onAdvisedDependencies(advised(scan, baseline, "advisory_vulnerability"),
                            "new with a vulnerability advisory")
                    : condition.onAdvisedDependencies(advised(scan, null, "advisory_vulnerability"),
                            "with a vulnerability advisory");
            case "no_new_unsound_dependencies" -> baseline == null
                    ? new GateCondition.Measured(true, "no baseline yet", "0")
                    : condition.onAdvisedDependencies(advised(scan, baseline, "advisory_unsound"), "new unsound");
            case "no_new_unsafe_dependencies" -> newUnsafeDependencies(condition, scan, baseline);
            default -> baseline == null
                    ? new GateCondition.Measured(true, GateCondition.percent(docCoverage(scan.id)), "no baseline yet")
                    : condition.onDocCoverage(docCoverage(scan.id), docCoverage(baseline));
        };
        return new GateVerdict.ConditionResult(condition, condition.describe(), measured.passed(), measured.actual(),
                measured.expected());
    }

    /**
     * The locked versions ({@code name version (advisory)}) with an advisory finding of {@code rule}
     * that counts (not suppressed, not only in dev-dependencies, not triaged), only those new against
     * {@code baseline} unless it is null.
     */
    private List<String> advised(Scan scan, Long baseline, String rule) {
        return session().createNativeQuery("""
                select distinct d.name || ' ' || d.version || ' (' || f.advisory || ')' from (
                    select f.path, f.line, substring(f.message from 'RUSTSEC-[0-9]{4}-[0-9]{4}') as advisory
                    from finding f
                    where f.scan_id = ?5 and f.check_id = ?2 and f.suppression = 'NONE' and not f.in_test_code
                      and (cast(?3 as bigint) is null
                          or not exists (select 1 from finding b where b.scan_id = ?3 and b.fingerprint = f.fingerprint))
                      and not exists (select 1 from finding_triage t where t.repository_id = ?4
                          and t.fingerprint = f.fingerprint and %s)) f
                join scan_lockfile l on l.scan_id = ?1 and l.lock_path = f.path
                join scan_dependency d on d.lockfile_id = l.id and d.line = f.line
                order by 1""".formatted(TriageInForce.of("t")), String.class)
                .setParameter(1, scan.id).setParameter(2, rule)
                .setParameter(3, baseline == null ? null : Scan.findingsScanIdOf(baseline))
                .setParameter(4, scan.repository.id).setParameter(5, scan.findingsScanId()).getResultList();
    }

    /**
     * {@code no_new_unsafe_dependencies}: the normal and build dependencies locked now under a name
     * the baseline did not lock, whose analysis (this analyzer's) found unsafe code.
     */
    private GateCondition.Measured newUnsafeDependencies(GateCondition condition, Scan scan, Long baseline) {
        if (baseline == null) {
            return new GateCondition.Measured(true, "no baseline yet", "0");
        }
        List<String> usingUnsafe = new ArrayList<>();
        List<String> notAnalysed = new ArrayList<>();
        for (Tuple row : session().createNativeQuery("""
                select distinct d.name, d.version, a.status,
                    a.unsafe_blocks + a.unsafe_functions + a.unsafe_methods + a.unsafe_impls + a.unsafe_traits
                        + a.extern_blocks as unsafe_items
                from scan_dependency d
                left join package_analysis a on a.name = d.name and a.version = d.version and a.checksum = d.checksum
                    and a.analyzer_version = ?3
                where d.scan_id = ?1 and d.kind <> 'dev'
                  and not exists (select 1 from scan_dependency b where b.scan_id = ?2 and b.name = d.name)
                order by d.name, d.version""", Tuple.class)
                .setParameter(1, scan.id).setParameter(2, baseline).setParameter(3, engine.catalogue().analyzerVersion())
                .getResultList()) {
            String name = row.get("name", String.class) + " " + row.get("version", String.class);
            Number unsafeItems = row.get("unsafe_items", Number.class);
            if (!"ANALYSED".equalsIgnoreCase(row.get("status", String.class)) || unsafeItems == null) {
                notAnalysed.add(name);
            } else if (unsafeItems.longValue() > 0) {
                usingUnsafe.add(name);
            }
        }
        return condition.onNewUnsafeDependencies(usingUnsafe, notAnalysed);
    }

    /** {@code new_code_coverage}: passes without a baseline, fails when the new lines cannot be told or covered. */
    private GateCondition.Measured newCodeCoverage(GateCondition condition, Scan scan, Long baseline) {
        if (baseline == null) {
            return new GateCondition.Measured(true, "no baseline yet", ">= " + GateCondition.percent(condition.percent()));
        }
        NewCodeCoverage.Figures figures = newCodeCoverage.of(scan, Scan.<Scan>findById(baseline).commitSha);
        return figures.problem() == null ? condition.onNewCodeCoverage(figures.lines(), figures.linesRun())
                : new GateCondition.Measured(false, figures.problem(), ">= " + GateCondition.percent(condition.percent()));
    }

    private Optional<Long> baseline(Scan scan, GateSettings gate) {
        List<Long> found = switch (gate.baseline()) {
            case "date" -> session().createNativeQuery("""
                    select id from scan where repository_id = ?1 and branch = ?2 and status = 'succeeded' and id <> ?3
                      and committed_at < ?4 and findings_removed_at is null
                    order by committed_at desc, id desc limit 1""", Long.class)
                    .setParameter(1, scan.repository.id).setParameter(2, scan.branch).setParameter(3, scan.id)
                    .setParameter(4, parseDate(gate.baselineValue()).atStartOfDay().atOffset(ZoneOffset.UTC)).getResultList();
            case "branch" -> session().createNativeQuery("""
                    select id from scan where repository_id = ?1 and branch = ?2 and status = 'succeeded' and id <> ?3
                      and findings_removed_at is null
                    order by committed_at desc, id desc limit 1""", Long.class)
                    .setParameter(1, scan.repository.id).setParameter(2, gate.baselineValue()).setParameter(3, scan.id)
                    .getResultList();
            case "scan" -> scan.id.toString().equals(gate.baselineValue()) ? List.of()
                    : List.of(Long.parseLong(gate.baselineValue()));
            // The scan of the merge-base, which tracking already compares a branch scan with.
            default -> scan.previousScanId == null ? List.of() : List.of(scan.previousScanId);
        };
        return found.stream().findFirst();
    }

    private GateVerdict.NewCode newCode(Scan scan, Long baseline) {
        Map<String, Long> bySeverity = new TreeMap<>();
        Map<String, Long> byCheck = new TreeMap<>();
        long total = 0;
        Map<String, Long> delta = new LinkedHashMap<>();
        // Against the previous scan, findingsNew already says whether anything is new.
        boolean nothingNew = baseline != null && baseline.equals(scan.previousScanId)
                && Integer.valueOf(0).equals(scan.findingsNew);
        if (baseline != null && !nothingNew) {
            List<Tuple> rows = baseline.equals(scan.previousScanId) ? newAgainstPrevious(scan) : newAgainst(scan, baseline);
            for (Tuple row : rows) {
                long count = longOf(row, "count");
                byCheck.merge(row.get("check_id", String.class), count, Long::sum);
                bySeverity.merge(row.get("severity", String.class), count, Long::sum);
                total += count;
            }
        }
        if (baseline != null) {
            Map<String, Long> now = totals(scan.id);
            Map<String, Long> before = totals(baseline);
            now.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, 0L)));
        }
        return new GateVerdict.NewCode(baseline, total, bySeverity, byCheck, delta);
    }

    /** The scan's findings whose fingerprints {@code baseline} lacks, but those triage marks take out, by check and severity. */
    private List<Tuple> newAgainst(Scan scan, long baseline) {
        return JoinPlans.withoutNestedLoops(session(), () -> session().createNativeQuery("""
                select f.check_id, f.severity, count(*) as count from finding f
                where f.scan_id = ?1 and f.suppression = 'NONE' and not f.in_test_code
                  and not exists (select 1 from finding b where b.scan_id = ?2 and b.fingerprint = f.fingerprint)
                  and not exists (select 1 from finding_triage t where t.repository_id = ?3
                      and t.fingerprint = f.fingerprint and %s)
                  and %s group by f.check_id, f.severity""".formatted(TriageInForce.of("t"),
                        DiagnosticImports.comparable("f", "?2")), Tuple.class)
                .setParameter(1, scan.findingsScanId()).setParameter(2, Scan.findingsScanIdOf(baseline))
                .setParameter(3, scan.repository.id).getResultList());
    }

    /**
     * {@link #newAgainst} for the scan's previous scan, which its findings are tracked against: the
     * stored counts of its findings tracked as new (a few hundred rows), less those triage marks take
     * out, rather than its findings compared with the baseline's (145,000 each for the corpus, 150-230 ms).
     */
    private List<Tuple> newAgainstPrevious(Scan scan) {
        return session().createNativeQuery("""
                select c.check_id, c.severity, c.count - coalesce(t.count, 0) as count
                from (select check_id, severity, sum(findings) as count from finding_count
                      where scan_id = ?1 and tracking = 'new' and suppression = 'NONE' and not in_test_code
                      group by check_id, severity) c
                left join (select f.check_id, f.severity, count(*) as count from finding_triage t
                           join finding f on f.scan_id = ?3 and f.fingerprint = t.fingerprint
                           where t.repository_id = ?2 and %s and f.tracking = 'new' and f.suppression = 'NONE'
                             and not f.in_test_code
                           group by f.check_id, f.severity) t on t.check_id = c.check_id and t.severity = c.severity
                where c.count > coalesce(t.count, 0)""".formatted(TriageInForce.of("t")), Tuple.class)
                .setParameter(1, scan.findingsScanId()).setParameter(2, scan.repository.id)
                .setParameter(3, scan.findingsScanId()).getResultList();
    }

    private Map<String, Long> totals(long scanId) {
        Tuple row = session().createNativeQuery("select " + DELTA_COLUMNS.stream()
                .map(column -> "coalesce(sum(" + column + "), 0) as " + column).collect(Collectors.joining(", "))
                + " from crate_snapshot where scan_id = ?1", Tuple.class).setParameter(1, scanId).getSingleResult();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String column : DELTA_COLUMNS) {
            totals.put(column, longOf(row, column));
        }
        return totals;
    }

    private double docCoverage(long scanId) {
        Tuple row = session().createNativeQuery("""
                select coalesce(sum((metrics->>'public_items')::bigint), 0) as items,
                       coalesce(sum((metrics->>'documented_public_items')::bigint), 0) as documented
                from crate_snapshot where scan_id = ?1""", Tuple.class).setParameter(1, scanId).getSingleResult();
        long items = longOf(row, "items");
        return items == 0 ? 100.0 : 100.0 * longOf(row, "documented") / items;
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new BadRequest("baseline date needs baselineValue: a date like 2026-01-31");
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
