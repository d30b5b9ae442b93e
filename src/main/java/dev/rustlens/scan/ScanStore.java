package dev.rustlens.scan;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.UnsafeSite;
import dev.rustlens.analysis.advisories.AdvisoryRules;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.VerificationEvidence;
import dev.rustlens.analysis.dependencies.DependencyGraph;
import dev.rustlens.analysis.diagnostics.Diagnostic;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import dev.rustlens.database.JoinPlans;
import dev.rustlens.database.StorableText;
import dev.rustlens.scan.ScanPhases.Outcome;
import dev.rustlens.scan.ScanPhases.Phase;
import dev.rustlens.scoring.ScoredFinding;
import dev.rustlens.supply.AdvisoryDatabase;
import dev.rustlens.supply.ScanDependencies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Writes a scan's end: all its crates, findings and unsafe sites in one transaction, so its
 * results appear all at once or not at all.
 */
@ApplicationScoped
public class ScanStore {

    /** A stored error is a sentence or a few, never a dump: what went wrong in detail is in the server log. */
    private static final int MAX_ERROR_LENGTH = 500;
    /** The transaction timeout (quarkus.transaction-manager.default-transaction-timeout). */
    private static final Duration LONGEST_STORE = Duration.ofMinutes(10);
    /** The checks whose findings come from matching locked packages against the advisory database. */
    private static final List<String> ADVISORY_CHECKS = AdvisoryRules.ALL.stream().map(CheckInfo::id).toList();

    private final EntityManager entityManager;
    private final FileResultStore fileResults;
    private final SnapshotScores scores;
    private final Event<ScanStored> stored;
    private final Event<ScanFailed> failed;
    private final DiagnosticImports diagnostics;
    private final FindingCounts counts;
    private final ScanDependencies dependencies;
    private final AdvisoryDatabase advisories;
    private final CrateTestCode testCode;
    private final RecentTrends trends;

    public ScanStore(EntityManager entityManager, FileResultStore fileResults, SnapshotScores scores,
            Event<ScanStored> stored, Event<ScanFailed> failed, DiagnosticImports diagnostics, FindingCounts counts,
            ScanDependencies dependencies, AdvisoryDatabase advisories, CrateTestCode testCode, RecentTrends trends) {
        this.testCode = testCode;
        this.trends = trends;
        this.counts = counts;
        this.dependencies = dependencies;
        this.advisories = advisories;
        this.stored = stored;
        this.diagnostics = diagnostics;
        this.failed = failed;
        this.entityManager = entityManager;
        this.fileResults = fileResults;
        this.scores = scores;
    }

    /**
     * Stores the results of a scan that {@code worker} ran, and the file results it computed for the
     * cache, timing the scoring and the gate in {@code phases}.
     *
     * @return {@link Outcome#SUCCEEDED}, or {@link Outcome#ABANDONED} when the scan was cancelled or
     *         queued again for another worker meanwhile and its results are not wanted
     */
    @Transactional
    public Outcome succeed(long scanId, String worker, String commitSha, OffsetDateTime committedAt,
            AnalysisResult result, List<DependencyGraph> dependencyGraphs, FileResultStore.ScanCache cache,
            String analyzerVersion, List<String> coreModules, ScanPhases phases) {
        return succeed(scanId, worker, commitSha, committedAt, new Results(StoredCrates.of(result), result.problems(),
                result.filesAnalyzed(), result.filesReused(), dependencyGraphs), cache, analyzerVersion, coreModules,
                phases);
    }

    /**
     * A scan's results as stored: from an analysis here, or uploaded (an upload carries no
     * dependency graphs).
     */
    record Results(List<StoredCrates.StoredCrate> crates, List<String> problems, int filesAnalyzed, int filesReused,
            List<DependencyGraph> dependencies) {
    }

    /** Stores the results of a scan that {@code worker} ran, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    Outcome succeed(long scanId, String worker, String commitSha, OffsetDateTime committedAt, Results result,
            FileResultStore.ScanCache cache, String analyzerVersion, List<String> coreModules, ScanPhases phases) {
        phases.begin(Phase.STORE);
        // Locked until the results are stored: a cancel waits, then finds the scan ended.
        Scan scan = runningBy(scanId, worker);
        if (scan == null) {
            return Outcome.ABANDONED;
        }
        allowLongStatements();
        diagnostics.lock(scan.repository.id, commitSha);
        Optional<List<Diagnostic>> imported = diagnostics.of(scan.repository.id, commitSha);
        Optional<Scan> previous = Scan.findBaseline(scan, commitSha, committedAt);
        // Our own findings are tracked here; imported ones, if any, once applied below.
        Set<String> previousFingerprints = new HashSet<>(previous.map(p -> entityManager.unwrap(Session.class)
                .createNativeQuery("select fingerprint from finding f where scan_id = ?1 and "
                        + DiagnosticImports.OWN, String.class)
                .setParameter(1, p.findingsScanId()).getResultList()).orElse(List.of()));
        Set<String> triaged = scores.triagedFingerprints(scan.repository.id);
        Map<Long, List<ScoredFinding>> scored = new HashMap<>();
        Set<String> currentFingerprints = new HashSet<>();
        Map<String, Long> snapshots = new LinkedHashMap<>();
        int unsafeBlocks = 0;
        Map<String, Crate> crates = Crate.byName(scan.repository);
        // Sites are shared only along a branch: a branch's scans are deleted together.
        Map<Long, SharedUnsafeSites.Lender> siteLenders = previous.filter(p -> p.branch.equals(scan.branch))
                .map(p -> SharedUnsafeSites.lenders(entityManager, p.id)).orElse(Map.of());
        FindingTally tally = new FindingTally();
        for (StoredCrates.StoredCrate stored : result.crates()) {
            String name = stored.name();
            Crate crate = crates.computeIfAbsent(name, created -> {
                Crate first = new Crate();
                first.repository = scan.repository;
                first.name = name;
                first.persist();
                return first;
            });
            CrateSnapshot snapshot = snapshotOf(scan, crate, stored);
            snapshot.unsafeSitesDigest = SharedUnsafeSites.digest(stored.unsafeSites());
            SharedUnsafeSites.Lender lender = siteLenders.get(crate.id);
            if (!stored.unsafeSites().isEmpty() && lender != null && lender.digest().equals(snapshot.unsafeSitesDigest)) {
                snapshot.unsafeSitesOf = lender.rowsOf();
            }
            snapshot.persist();
            entityManager.flush();
            snapshots.put(name, snapshot.id);
            stored.testCode().ifPresent(crateTestCode -> testCode.save(snapshot.id, crateTestCode));
            unsafeBlocks += snapshot.unsafeBlocks;
            // Built once from the analysis result: written, then scored without reading them back.
            List<String> fingerprints = stored.fingerprints();
            insertFindings(scan.id, snapshot.id, stored.findings(), fingerprints, previousFingerprints, tally);
            currentFingerprints.addAll(fingerprints);
            scored.put(snapshot.id, stored.scored(triaged));
            if (snapshot.unsafeSitesOf == null) {
                insertUnsafeSites(snapshot.id, stored.unsafeSites());
            }
        }
        dependencies.store(scan.id, result.dependencies());
        currentFingerprints.addAll(insertAdvisoryFindings(scan.id, snapshots, previousFingerprints, tally));
        scan.previousScanId = previous.map(p -> p.id).orElse(null);
        scan.unsafeBlocks = result.crates().isEmpty() ? null : unsafeBlocks;
        scan.findingsNew = (int) currentFingerprints.stream().filter(f -> !previousFingerprints.contains(f)).count();
        scan.findingsFixed = (int) previousFingerprints.stream().filter(f -> !currentFingerprints.contains(f)).count();
        scan.commitSha = commitSha;
        scan.committedAt = committedAt;
        scan.status = Scan.Status.succeeded;
        fileResults.save(cache, analyzerVersion);
        scan.analyzerVersion = analyzerVersion;
        scan.coreModules = coreModules;
        scan.filesAnalyzed = result.filesAnalyzed();
        scan.filesReused = result.filesReused();
        scan.filesTotal = result.filesAnalyzed() + result.filesReused();
        scan.filesDone = scan.filesTotal;
        scan.error = result.problems().isEmpty() ? null : truncate(String.join("\n", result.problems()));
        entityManager.flush();
        phases.begin(Phase.SCORE);
        scores.score(scan, scored, triaged);
        entityManager.flush();
        if (imported.isPresent()) {
            diagnostics.apply(scan, imported.get());
            previous.ifPresent(baseline -> track(scan, baseline));
        }
        // Counted as written, unless imported lints were applied to the findings since.
        judgeAndPublish(scan, phases, imported.isPresent() ? () -> counts.recount(scan.id)
                : () -> counts.store(scan.id, tally));
        return Outcome.SUCCEEDED;
    }

    /**
     * The end of both ways a scan succeeds: its findings are counted ({@code countFindings}), the
     * gate judges it (the {@link ScanStored} observers), the scans that follow it or forked from its
     * commit are compared with it, its repository's trend changes are stored again (a new point, or
     * a commit's newer scan), and its end is stamped.
     */
    private void judgeAndPublish(Scan scan, ScanPhases phases, Runnable countFindings) {
        phases.begin(Phase.GATE);
        countFindings.run();
        stored.fire(new ScanStored(scan));
        phases.begin(Phase.STORE);
        compareSuccessorsWith(scan);
        compareBranchesWith(scan);
        trends.store(scan.repository.id);
        phases.begin(Phase.PUBLISH);
        finishNow(scan);
    }

    /** Counts a stored scan's findings (they changed, or are new) and has it judged. */
    private void publishStored(Scan scan) {
        if (scan.findingsRemovedAt == null) {
            counts.recount(scan.id);
        }
        stored.fire(new ScanStored(scan));
    }

    /** Ends a scan that {@code worker} ran as failed, with a message for the user, and fires {@link ScanFailed}. */
    @Transactional
    public void fail(long scanId, String worker, String commitSha, String error) {
        Scan scan = runningBy(scanId, worker);
        if (scan != null) {
            scan.status = Scan.Status.failed;
            scan.commitSha = commitSha == null ? scan.commitSha : commitSha;
            scan.error = truncate(error);
            failed.fire(new ScanFailed(scan.repository.id, scan.id, scan.branch, scan.commitSha, scan.error));
            finishNow(scan);
        }
    }

    /**
     * Ends a scan by copying the results of an earlier scan of the same commit and branch, analysed
     * with the same analyzer version and core modules and compared with the same baseline (the
     * analysis is deterministic): an unchanged rescan copies rows inside PostgreSQL instead of
     * sending them again, new and fixed findings included, so its verdict is the first scan's
     * (unless triage marks changed since); its scores are the earlier scan's when that was scored
     * with the triage marks now in force, else it is scored again.
     *
     * @return how the scan ended, {@link Outcome#ABANDONED} when it was cancelled or queued again
     *         meanwhile; empty when there is no such earlier scan, and the scan must analyse
     */
    @Transactional
    public Optional<Outcome> succeedAsPrevious(long scanId, String worker, String commitSha,
            OffsetDateTime committedAt, String analyzerVersion, List<String> coreModules, ScanPhases phases) {
        phases.begin(Phase.STORE);
        Scan scan = runningBy(scanId, worker);
        if (scan == null) {
            return Optional.of(Outcome.ABANDONED);
        }
        allowLongStatements();
        // The earlier scan's imported diagnostics are current once the imports' lock is held.
        diagnostics.lock(scan.repository.id, commitSha);
        // The results are the earlier scan's only when it was analysed alike and compared with the
        // same baseline (a backfill may have scanned a commit in between since).
        Long baseline = Scan.findBaseline(scan, commitSha, committedAt).map(b -> b.id).orElse(null);
        Optional<Scan> previous = Scan.findEarlierOfCommit(scan, commitSha)
                .filter(p -> analyzerVersion.equals(p.analyzerVersion) && coreModules.equals(p.coreModules)
                        && Objects.equals(baseline, p.previousScanId));
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        Scan source = previous.get();
        long from = source.id;
        // With the source's scores, which SnapshotScores keeps when they still hold and replaces when
        // not: each snapshot is written once, not inserted and then updated. With the source's unsafe
        // sites, shared rather than copied.
        int crates = entityManager.createNativeQuery("""
                insert into crate_snapshot (scan_id, crate_id, path, version, edition, files, code_lines, unsafe_blocks,
                    unsafe_functions, unsafe_methods, unsafe_impls, unsafe_traits, extern_blocks, unsafe_in_macros,
                    findings, metrics, evidence, test_code, score, grade, score_formula, score_exact, ratings, fixes,
                    fix_worth, unsafe_sites_digest, unsafe_sites_of)
                select ?1, crate_id, path, version, edition, files, code_lines, unsafe_blocks, unsafe_functions,
                    unsafe_methods, unsafe_impls, unsafe_traits, extern_blocks, unsafe_in_macros, findings, metrics,
                    evidence, test_code, score, grade, score_formula, score_exact, ratings, fixes, fix_worth,
                    unsafe_sites_digest,"""
                + " " + CrateSnapshot.unsafeSitesOf("crate_snapshot") + " from crate_snapshot where scan_id = ?2")
                .setParameter(1, scanId).setParameter(2, from).executeUpdate();
        // The findings are the source's rows, shared rather than copied.
        SharedFindings.share(scan, source);
        int findings = counts.total(from);
        dependencies.copy(from, scanId);
        scan.previousScanId = source.previousScanId;
        scan.unsafeBlocks = source.unsafeBlocks;
        scan.findingsNew = source.findingsNew;
        scan.findingsFixed = source.findingsFixed;
        scan.commitSha = commitSha;
        scan.committedAt = committedAt;
        scan.analyzerVersion = analyzerVersion;
        scan.coreModules = coreModules;
        scan.error = source.error;
        scan.filesTotal = source.filesTotal;
        scan.filesDone = source.filesTotal;
        scan.filesAnalyzed = 0;
        scan.filesReused = source.filesTotal;
        scan.status = Scan.Status.succeeded;
        phases.handled(0, source.filesTotal == null ? 0 : source.filesTotal, crates, findings);
        entityManager.flush();
        // The shared advisory findings are the earlier scan's matches: the database may have changed since.
        boolean advisoriesChanged = replaceAdvisoryFindings(scan);
        boolean trackedAgain = advisoriesChanged && scan.previousScanId != null;
        if (trackedAgain) {
            track(scan, Scan.findById(scan.previousScanId));
        }
        // The earlier scan's scores are copied only when they were computed with the triage marks
        // now in force (only a branch's newest scan is scored again when they change).
        phases.begin(Phase.SCORE);
        scores.scoreOrCopy(scan, source, advisoriesChanged);
        entityManager.flush();
        // Counts go with the rows: none while the scan shares the earlier scan's, its own once it has rows.
        judgeAndPublish(scan, phases, () -> counts.recount(scan.id));
        return Optional.of(Outcome.SUCCEEDED);
    }

    /**
     * Matches a stored scan's locked packages against the advisory database again (it changed) and
     * replaces its advisory findings; when they changed, the scan is tracked and judged again, and
     * so are the scans compared with it.
     *
     * @return whether the scan's advisory findings changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rematchAdvisories(Scan scan) {
        // trackAgain counts the scan's findings again.
        if (scan.findingsRemovedAt != null || !replaceAdvisoryFindings(scan)) {
            return false;
        }
        trackAgain(scan);
        return true;
    }

    /**
     * Replaces the scan's advisory findings with those of the current advisory database, each new or
     * unchanged against its baseline's findings.
     *
     * @return whether they changed (by fingerprint)
     */
    private boolean replaceAdvisoryFindings(Scan scan) {
        Session session = entityManager.unwrap(Session.class);
        Map<String, Long> snapshots = new LinkedHashMap<>();
        for (Object[] row : session.createNativeQuery("select c.name, s.id from crate_snapshot s"
                + " join crate c on c.id = s.crate_id where s.scan_id = ?1 order by s.path, c.name", Object[].class)
                .setParameter(1, scan.id).getResultList()) {
            snapshots.put((String) row[0], ((Number) row[1]).longValue());
        }
        Set<String> baseline = new HashSet<>(scan.previousScanId == null ? List.of() : session.createNativeQuery(
                "select fingerprint from finding f where scan_id = ?1 and " + DiagnosticImports.OWN, String.class)
                .setParameter(1, Scan.findingsScanIdOf(scan.previousScanId)).getResultList());
        List<AdvisoryRows> matched = advisoryFindings(scan.id, snapshots);
        List<String> stored = new ArrayList<>();
        Set<String> before = new HashSet<>();
        for (Object[] row : session.createNativeQuery("""
                select f.fingerprint, c.name, f.check_id, f.severity, f.path, f.line, f.col, f.end_line, f.end_col,
                    f.message, f.in_test_code, f.suppression, f.tracking
                from finding f join crate_snapshot s on s.id = f.crate_snapshot_id join crate c on c.id = s.crate_id
                where f.scan_id = ?1 and f.check_id in (?2)""", Object[].class)
                .setParameter(1, scan.findingsScanId()).setParameter(2, ADVISORY_CHECKS).getResultList()) {
            before.add((String) row[0]);
            stored.add(comparable(row));
        }
        List<String> wanted = new ArrayList<>();
        Set<String> after = new HashSet<>();
        for (AdvisoryRows rows : matched) {
            for (int i = 0; i < rows.findings().size(); i++) {
                Finding finding = rows.findings().get(i);
                String fingerprint = rows.fingerprints().get(i);
                after.add(fingerprint);
                wanted.add(comparable(fingerprint, rows.crateName(), finding.checkId(), finding.severity().name(),
                        finding.path(), finding.line(), finding.column(), finding.endLine(), finding.endColumn(),
                        finding.message(), finding.inTestCode(), finding.suppression().name(),
                        FindingInserts.tracking(fingerprint, baseline)));
            }
        }
        stored.sort(null);
        wanted.sort(null);
        if (stored.equals(wanted)) {
            // The rows stay as they are (and stay shared, for an unchanged rescan).
            return false;
        }
        SharedFindings.beforeChanging(entityManager, scan);
        session.createNativeMutationQuery("delete from finding where scan_id = ?1 and check_id in (?2)")
                .setParameter(1, scan.id).setParameter(2, ADVISORY_CHECKS).executeUpdate();
        FindingTally inserted = new FindingTally();
        matched.forEach(rows -> insertFindings(scan.id, rows.snapshotId(), rows.findings(), rows.fingerprints(),
                baseline, inserted));
        entityManager.flush();
        if (before.equals(after)) {
            // The same findings in other words (a severity, a message): counted here, as no caller tracks them again.
            counts.recount(scan.id);
            return false;
        }
        return true;
    }

    /**
     * A finding row's columns as one string (fingerprint, crate, check, severity, path, line, column,
     * end line, end column, message, test code, suppression, tracking), so that the advisory findings
     * stored and those matched now compare as wholes.
     */
    private static String comparable(Object... columns) {
        return Arrays.stream(columns).map(String::valueOf).collect(Collectors.joining("\t"));
    }

    /** The advisory findings of one crate snapshot, with their fingerprints. */
    private record AdvisoryRows(long snapshotId, String crateName, List<Finding> findings, List<String> fingerprints) {
    }

    /**
     * Inserts the findings of the scan's locked packages that the current advisory database
     * affects, each new or unchanged against {@code previousFingerprints}.
     *
     * @return their fingerprints
     */
    private List<String> insertAdvisoryFindings(long scanId, Map<String, Long> snapshots,
            Set<String> previousFingerprints, FindingTally tally) {
        List<String> all = new ArrayList<>();
        for (AdvisoryRows rows : advisoryFindings(scanId, snapshots)) {
            insertFindings(scanId, rows.snapshotId(), rows.findings(), rows.fingerprints(), previousFingerprints, tally);
            all.addAll(rows.fingerprints());
        }
        return all;
    }

    /**
     * The findings of the scan's locked packages that the current advisory database affects, by
     * crate snapshot; none without a database or without a crate to hold them.
     */
    private List<AdvisoryRows> advisoryFindings(long scanId, Map<String, Long> snapshots) {
        Optional<AdvisoryDatabase.Snapshot> database = advisories.current();
        if (database.isEmpty() || snapshots.isEmpty()) {
            return List.of();
        }
        List<ScanDependencies.Advised> advised = dependencies.match(scanId, database.get().matcher());
        Map.Entry<String, Long> first = snapshots.entrySet().iterator().next();
        Map<Map.Entry<String, Long>, List<Finding>> bySnapshot = new LinkedHashMap<>();
        for (AdvisoryFindings.Placed placed : AdvisoryFindings.of(advised, snapshots, first)) {
            bySnapshot.computeIfAbsent(Map.entry(placed.crateName(), placed.snapshotId()), key -> new ArrayList<>())
                    .add(placed.finding());
        }
        List<AdvisoryRows> rows = new ArrayList<>();
        bySnapshot.forEach((snapshot, findings) -> rows.add(new AdvisoryRows(snapshot.getValue(), snapshot.getKey(),
                findings, Fingerprints.of(snapshot.getKey(), findings))));
        return rows;
    }

    /**
     * A commit scanned after the commits that follow it (a backfill, a scan of a chosen commit)
     * becomes their baseline: the scans of the next scanned commit, compared until now with an
     * older one, are compared with it again (their new and fixed findings, their verdict), so that
     * what is new does not depend on the order the commits were scanned in.
     */
    private void compareSuccessorsWith(Scan scan) {
        Optional<Scan> next = Scan.find("repository = ?1 and branch = ?2 and status = ?3 and commitSha <> ?4"
                + " and committedAt >= ?5 order by committedAt, id", scan.repository, scan.branch, Scan.Status.succeeded,
                scan.commitSha, scan.committedAt).firstResultOptional();
        if (next.isEmpty()) {
            return;
        }
        for (Scan successor : Scan.<Scan>list("repository = ?1 and branch = ?2 and status = ?3 and commitSha = ?4",
                scan.repository, scan.branch, Scan.Status.succeeded, next.get().commitSha)) {
            Optional<Long> baseline = Scan.findBaseline(successor, successor.commitSha, successor.committedAt)
                    .map(b -> b.id);
            // A rescan of a commit the successor already compares with changes nothing: same commit, same findings.
            Scan compared = successor.previousScanId == null ? null : Scan.findById(successor.previousScanId);
            if (baseline.equals(Optional.of(scan.id)) && (compared == null || !compared.commitSha.equals(scan.commitSha))) {
                compareWith(successor, scan);
            }
        }
    }

    /**
     * A commit that branch scans forked from, scanned after them (their baseline scan, queued
     * when they ran): the scans of those branches waiting for it are compared with it now, and
     * their verdicts follow.
     */
    private void compareBranchesWith(Scan scan) {
        for (Scan branchScan : Scan.<Scan>list("repository = ?1 and baseCommit = ?2 and status = ?3 and id <> ?4"
                + " and previousScanId is null", scan.repository, scan.commitSha, Scan.Status.succeeded, scan.id)) {
            compareWith(branchScan, scan);
        }
    }

    /**
     * Tracks a stored scan's findings again after the diagnostics imported for its commit changed:
     * against its baseline, and the scans compared with it against it; each is judged again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void trackAgain(Scan scan) {
        Scan baseline = scan.previousScanId == null ? null : Scan.findById(scan.previousScanId);
        if (baseline == null) {
            publishStored(scan);
        } else {
            compareWith(scan, baseline);
        }
        for (Scan later : Scan.<Scan>list("previousScanId = ?1 and status = ?2 and id <> ?1", scan.id,
                Scan.Status.succeeded)) {
            compareWith(later, scan);
        }
    }

    /** Tracks the findings of {@code later} against {@code baseline}'s, as if it had been stored after it, and judges it. */
    private void compareWith(Scan later, Scan baseline) {
        track(later, baseline);
        publishStored(later);
    }

    /**
     * Tracks the findings of {@code later} against {@code baseline}'s. An imported lint is new or
     * fixed only when both commits have diagnostics imported (see {@link DiagnosticImports#comparable}).
     */
    private void track(Scan later, Scan baseline) {
        Session session = entityManager.unwrap(Session.class);
        SharedFindings.beforeChanging(entityManager, later);
        long baselineRows = baseline.findingsScanId();
        JoinPlans.withoutNestedLoops(session, () -> {
            // Two updates whose baseline lookups are joins (hashed or merged, not nested loops), not a
            // subquery per finding, which the planner may answer by reading the whole baseline scan.
            session.createNativeMutationQuery("update finding set tracking = 'unchanged'"
                    + " where scan_id = ?1 and tracking <> 'unchanged'").setParameter(1, later.id).executeUpdate();
            session.createNativeMutationQuery("update finding f set tracking = 'new' where f.scan_id = ?1"
                    + " and not exists (select 1 from finding b where b.scan_id = ?2 and b.fingerprint = f.fingerprint)"
                    + " and " + DiagnosticImports.comparable("f", "?2"))
                    .setParameter(1, later.id).setParameter(2, baselineRows).executeUpdate();
            later.findingsNew = count(session, "select count(distinct f.fingerprint) from finding f where f.scan_id = ?1"
                    + " and not exists (select 1 from finding b where b.scan_id = ?2 and b.fingerprint = f.fingerprint)"
                    + " and " + DiagnosticImports.comparable("f", "?2"), later.id, baselineRows);
            later.findingsFixed = count(session, "select count(distinct b.fingerprint) from finding b where b.scan_id = ?2"
                    + " and not exists (select 1 from finding f where f.scan_id = ?1 and f.fingerprint = b.fingerprint)"
                    + " and " + DiagnosticImports.comparable("b", "?1"), later.id, baselineRows);
            return later;
        });
        later.previousScanId = baseline.id;
        entityManager.flush();
    }

    private static int count(Session session, String sql, long later, long baseline) {
        return session.createNativeQuery(sql, Long.class).setParameter(1, later).setParameter(2, baseline)
                .getSingleResult().intValue();
    }

    /**
     * Storing a large scan may rightly take minutes: this transaction is exempt from the timeouts
     * that keep page queries short, up to the transaction's own limit. The pool resets the
     * connection's network timeout when it gets the connection back.
     */
    private void allowLongStatements() {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local statement_timeout = 0");
            }
            connection.setNetworkTimeout(Runnable::run, (int) LONGEST_STORE.toMillis());
        });
    }

    /**
     * Stamps the scan's end with PostgreSQL's clock as the transaction's last statement, after every
     * write (the claim's start is PostgreSQL's too): the scan's duration runs from the claim to its
     * commit, not to when its writes began. The entity is read again, so that a later change to it
     * cannot write its old end back.
     */
    private void finishNow(Scan scan) {
        entityManager.flush();
        entityManager.createNativeQuery("update scan set finished_at = clock_timestamp() where id = ?1")
                .setParameter(1, scan.id).executeUpdate();
        entityManager.refresh(scan);
    }

    /** The scan, locked, when it is still running by {@code worker}; else null. */
    private static Scan runningBy(long scanId, String worker) {
        Scan scan = Scan.findById(scanId, LockModeType.PESSIMISTIC_WRITE);
        return scan != null && scan.status == Scan.Status.running && worker.equals(scan.worker) ? scan : null;
    }

    private static String truncate(String text) {
        return StorableText.of(text, MAX_ERROR_LENGTH);
    }

    private static CrateSnapshot snapshotOf(Scan scan, Crate crate, StoredCrates.StoredCrate result) {
        Metrics metrics = result.metrics();
        CrateSnapshot snapshot = new CrateSnapshot();
        snapshot.scan = scan;
        snapshot.crate = crate;
        snapshot.path = StorableText.of(result.directory());
        snapshot.version = StorableText.of(result.version().orElse(null));
        snapshot.edition = StorableText.of(result.edition().orElse(null));
        snapshot.files = (int) metrics.get(Metric.FILES);
        snapshot.codeLines = (int) metrics.get(Metric.CODE_LINES);
        snapshot.unsafeBlocks = (int) metrics.get(Metric.UNSAFE_BLOCKS);
        snapshot.unsafeFunctions = (int) metrics.get(Metric.UNSAFE_FUNCTIONS);
        snapshot.unsafeMethods = (int) metrics.get(Metric.UNSAFE_METHODS);
        snapshot.unsafeImpls = (int) metrics.get(Metric.UNSAFE_IMPLS);
        snapshot.unsafeTraits = (int) metrics.get(Metric.UNSAFE_TRAITS);
        snapshot.externBlocks = (int) metrics.get(Metric.EXTERN_BLOCKS);
        snapshot.unsafeInMacros = (int) metrics.get(Metric.UNSAFE_IN_MACROS);
        snapshot.findings = (int) metrics.get(Metric.FINDINGS);
        snapshot.metrics = metrics.asMap();
        snapshot.evidence = result.evidence().stream().map(evidence -> new VerificationEvidence(evidence.kind(),
                StorableText.of(evidence.path()), StorableText.of(evidence.detail()))).toList();
        return snapshot;
    }

    /** Inserts a crate's findings with their fingerprints, each new or unchanged against the previous scan. */
    private void insertFindings(long scanId, long snapshotId, List<Finding> findings, List<String> fingerprints,
            Set<String> previousFingerprints, FindingTally tally) {
        entityManager.unwrap(Session.class).doWork(connection -> FindingInserts.insert(connection, scanId, snapshotId,
                findings, fingerprints, previousFingerprints));
        tally.add(snapshotId, findings, fingerprints, previousFingerprints);
    }

    private void insertUnsafeSites(long snapshotId, List<UnsafeSite> sites) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into unsafe_site (crate_snapshot_id, kind, path, line, col, in_test_code)
                    values (?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < sites.size(); i++) {
                    UnsafeSite site = sites.get(i);
                    insert.setLong(1, snapshotId);
                    insert.setString(2, site.kind().name());
                    insert.setString(3, StorableText.of(site.path()));
                    insert.setInt(4, site.line());
                    insert.setInt(5, site.column());
                    insert.setBoolean(6, site.inTestCode());
                    FindingInserts.addBatch(insert, i);
                }
                insert.executeBatch();
            }
        });
    }

}
