package dev.rustlens.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.TestCode;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Suppression;
import dev.rustlens.analysis.diagnostics.Diagnostic;
import dev.rustlens.analysis.diagnostics.ImportedLints;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.database.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * The clippy and rustc diagnostics imported for a commit (docs/diagnostics.md), kept per commit
 * and applied to each of its scans as findings: a lint on the same site as one of our findings
 * of a corresponding check marks that finding as also reported by the lint instead of adding one.
 * Imported findings never change the safety score.
 */
@ApplicationScoped
public class DiagnosticImports {

    /** Whether finding {@code f} is one of our own checks' rather than an imported lint. */
    public static final String OWN = "(position('::' in f.check_id) = 0)";
    /** How many paths outside every crate an answer shows. */
    static final int EXAMPLES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Diagnostic>> DIAGNOSTICS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final CrateTestCode testCode;

    public DiagnosticImports(EntityManager entityManager, CrateTestCode testCode) {
        this.entityManager = entityManager;
        this.testCode = testCode;
    }

    /**
     * Whether finding {@code alias} may be compared with the findings of scan {@code otherScan} (an SQL
     * expression) to tell it new or fixed: our own findings always, an imported one only when the
     * other scan's commit has diagnostics imported too, so that a baseline without an import does
     * not make every lint of the head new (nor every lint of the baseline fixed).
     */
    public static String comparable(String alias, String otherScan) {
        return "(" + OWN.replace("f.", alias + ".") + " or exists (select 1 from scan o join diagnostic_import d"
                + " on d.repository_id = o.repository_id and d.commit_sha = o.commit_sha where o.id = " + otherScan + "))";
    }

    /** What applying an import to one scan did. */
    public record Applied(long scanId, String branch, int imported, int mergedWithOwn, Unmatched notInCrate) {
    }

    /** Diagnostics left out for their paths: how many, and a few of the paths. */
    public record Unmatched(int count, List<String> examples) {
    }

    /**
     * Takes the transaction's lock on the imports of {@code commit}: an upload and the storing of a
     * scan of that commit wait for each other, so a scan never misses an import that arrives while
     * it is being stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(long repositoryId, String commit) {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(?1, hashtext(?2)) as text)")
                .setParameter(1, (int) repositoryId).setParameter(2, commit).getSingleResult();
    }

    /** The diagnostics imported for a commit; empty when none were. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<List<Diagnostic>> of(long repositoryId, String commit) {
        List<String> found = entityManager.unwrap(Session.class).createNativeQuery("""
                select cast(diagnostics as text) from diagnostic_import where repository_id = ?1 and commit_sha = ?2""",
                String.class).setParameter(1, repositoryId).setParameter(2, commit).getResultList();
        return found.stream().findFirst().map(json -> {
            try {
                return JSON.readValue(json, DIAGNOSTICS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the diagnostics stored for " + commit + " do not read", e);
            }
        });
    }

    /**
     * Keeps the diagnostics of a commit, replacing those of an earlier upload.
     *
     * @return the diagnostics as stored (as PostgreSQL can hold their text)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Diagnostic> save(long repositoryId, String commit, List<Diagnostic> diagnostics, String uploadedBy) {
        List<Diagnostic> storable = diagnostics.stream().map(DiagnosticImports::storable).toList();
        String json;
        try {
            json = JSON.writeValueAsString(storable);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("diagnostics do not write as JSON", e);
        }
        entityManager.createNativeQuery("""
                insert into diagnostic_import (repository_id, commit_sha, diagnostics, uploaded_by)
                values (?1, ?2, cast(?3 as jsonb), ?4)
                on conflict (repository_id, commit_sha) do update set diagnostics = excluded.diagnostics,
                    uploaded_by = excluded.uploaded_by, uploaded_at = now()""")
                .setParameter(1, repositoryId).setParameter(2, commit).setParameter(3, json)
                .setParameter(4, StorableText.of(uploadedBy)).executeUpdate();
        return storable;
    }

    /**
     * Makes {@code diagnostics} the imported findings of a stored scan, in place of any applied
     * before: each in the crate whose directory holds its file, merged into one of our findings
     * on the same site, or added; then the crates' finding counts follow. An added one is test code
     * when cargo reported it for test targets only, or when it lies in the crate's test code as the
     * scan found it ({@code #[cfg(test)]} code of a library, which cargo compiles as the library).
     * Tracking is left to the caller (new and fixed depend on the baseline).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Applied apply(Scan scan, List<Diagnostic> diagnostics) {
        Session session = entityManager.unwrap(Session.class);
        SharedFindings.beforeChanging(entityManager, scan);
        session.createNativeMutationQuery("delete from finding f where f.scan_id = ?1 and not " + OWN)
                .setParameter(1, scan.id).executeUpdate();
        session.createNativeMutationQuery("update finding set also_reported_by = null where scan_id = ?1"
                + " and also_reported_by is not null").setParameter(1, scan.id).executeUpdate();
        List<CrateSnapshot> snapshots = new ArrayList<>(CrateSnapshot.listForScan(scan));
        // The deepest crate directory that holds a file is its crate (a workspace member inside the root package).
        snapshots.sort(Comparator.comparingInt((CrateSnapshot s) -> s.path.length()).reversed());
        Map<String, List<OwnFinding>> own = ownFindingsWithALint(scan, diagnostics);
        Map<Long, TestCode> testCodes = testCode.ofScan(scan.id);
        Map<Long, String> alsoReportedBy = new LinkedHashMap<>();
        Map<CrateSnapshot, List<Finding>> added = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        int notInCrate = 0;
        for (Diagnostic diagnostic : diagnostics) {
            Optional<CrateSnapshot> crate = snapshots.stream().filter(s -> holds(s.path, diagnostic.path())).findFirst();
            if (crate.isEmpty()) {
                notInCrate++;
                if (unmatched.size() < EXAMPLES && !unmatched.contains(diagnostic.path())) {
                    unmatched.add(diagnostic.path());
                }
                continue;
            }
            Optional<OwnFinding> same = sameSite(own.getOrDefault(diagnostic.path(), List.of()), diagnostic);
            if (same.isPresent()) {
                same.get().taken = true;
                alsoReportedBy.put(same.get().id, diagnostic.checkId());
            } else {
                TestCode crateTestCode = testCodes.getOrDefault(crate.get().id, TestCode.NONE);
                boolean inTestCode = diagnostic.inTestCode()
                        || crateTestCode.contains(diagnostic.path(), diagnostic.line(), diagnostic.column());
                added.computeIfAbsent(crate.get(), s -> new ArrayList<>()).add(new Finding(diagnostic.checkId(),
                        diagnostic.severity(), diagnostic.path(), diagnostic.line(), diagnostic.column(),
                        diagnostic.endLine(), diagnostic.endColumn(), diagnostic.message(), inTestCode, Suppression.NONE,
                        diagnostic.context()));
            }
        }
        added.forEach((snapshot, findings) -> insert(scan.id, snapshot, findings));
        markAlsoReported(alsoReportedBy);
        recount(scan);
        int imported = added.values().stream().mapToInt(List::size).sum();
        return new Applied(scan.id, scan.branch, imported, alsoReportedBy.size(),
                new Unmatched(notInCrate, List.copyOf(unmatched)));
    }

    /** One of our findings that a lint may report too. */
    private static final class OwnFinding {
        final long id;
        final String checkId;
        final int line;
        final int column;
        boolean taken;

        OwnFinding(long id, String checkId, int line, int column) {
            this.id = id;
            this.checkId = checkId;
            this.line = line;
            this.column = column;
        }
    }

    /** Our findings, by path, of the checks that some imported lint corresponds to. */
    private Map<String, List<OwnFinding>> ownFindingsWithALint(Scan scan, List<Diagnostic> diagnostics) {
        Set<String> checks = new HashSet<>();
        diagnostics.forEach(diagnostic -> checks.addAll(ImportedLints.checksOnSameSite(diagnostic.checkId())));
        Map<String, List<OwnFinding>> byPath = new HashMap<>();
        if (checks.isEmpty()) {
            return byPath;
        }
        for (Tuple row : entityManager.unwrap(Session.class).createNativeQuery("""
                select f.id, f.check_id, f.path, f.line, f.col from finding f
                where f.scan_id = ?1 and f.check_id in (?2) order by f.id""", Tuple.class)
                .setParameter(1, scan.id).setParameter(2, checks).getResultList()) {
            byPath.computeIfAbsent(row.get("path", String.class), path -> new ArrayList<>()).add(new OwnFinding(
                    row.get("id", Number.class).longValue(), row.get("check_id", String.class),
                    row.get("line", Integer.class), row.get("col", Integer.class)));
        }
        return byPath;
    }

    /**
     * Our finding of a corresponding check whose first line lies in the lint's primary span, not
     * yet taken by another lint, the nearest in column first: one site, one finding.
     */
    private static Optional<OwnFinding> sameSite(List<OwnFinding> candidates, Diagnostic diagnostic) {
        Set<String> checks = ImportedLints.checksOnSameSite(diagnostic.checkId());
        return candidates.stream()
                .filter(own -> !own.taken && checks.contains(own.checkId) && own.line >= diagnostic.line()
                        && own.line <= diagnostic.endLine())
                .min(Comparator.comparingInt((OwnFinding own) -> Math.abs(own.line - diagnostic.line()))
                        .thenComparingInt(own -> Math.abs(own.column - diagnostic.column())));
    }

    private static boolean holds(String directory, String path) {
        return directory.isEmpty() || path.startsWith(directory + "/");
    }

    /** Inserts imported findings, new until tracked against a baseline. */
    private void insert(long scanId, CrateSnapshot snapshot, List<Finding> findings) {
        List<String> fingerprints = Fingerprints.of(snapshot.crate.name, findings);
        entityManager.unwrap(Session.class).doWork(connection -> FindingInserts.insert(connection, scanId, snapshot.id,
                findings, fingerprints, Set.of()));
    }

    /** Marks each of our findings with the lint that reported its site too (one per finding, see {@link #sameSite}). */
    private void markAlsoReported(Map<Long, String> alsoReportedBy) {
        if (alsoReportedBy.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update finding set also_reported_by = ? where id = ?")) {
                for (Map.Entry<Long, String> merged : alsoReportedBy.entrySet()) {
                    update.setArray(1, connection.createArrayOf("text", new String[] {merged.getValue()}));
                    update.setLong(2, merged.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /**
     * Each crate's finding count (column and metric) from its stored findings, imported ones
     * included, so that the crate tables agree with the finding lists.
     */
    private void recount(Scan scan) {
        Map<Long, Long> active = new HashMap<>();
        for (Tuple row : entityManager.unwrap(Session.class).createNativeQuery("""
                select f.crate_snapshot_id, count(*) as active from finding f
                where f.scan_id = ?1 and f.suppression = 'NONE' group by f.crate_snapshot_id""", Tuple.class)
                .setParameter(1, scan.id).getResultList()) {
            active.put(row.get("crate_snapshot_id", Number.class).longValue(), row.get("active", Number.class).longValue());
        }
        for (CrateSnapshot snapshot : CrateSnapshot.listForScan(scan)) {
            long count = active.getOrDefault(snapshot.id, 0L);
            snapshot.findings = (int) count;
            Map<String, Long> metrics = new HashMap<>(snapshot.metrics);
            metrics.put(Metric.FINDINGS.key(), count);
            snapshot.metrics = metrics;
        }
        entityManager.flush();
    }

    private static Diagnostic storable(Diagnostic diagnostic) {
        return new Diagnostic(diagnostic.checkId(), diagnostic.severity(), StorableText.of(diagnostic.path()),
                diagnostic.line(), diagnostic.column(), diagnostic.endLine(), diagnostic.endColumn(),
                StorableText.of(diagnostic.message()), StorableText.of(diagnostic.context()), diagnostic.inTestCode());
    }
}
