package dev.rustlens.coverage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.database.Columns;
import dev.rustlens.database.StorableText;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.ScannedSources;
import dev.rustlens.http.BadRequest;
import dev.rustlens.scan.RecentTrends;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanStored;
import dev.rustlens.scan.SharedUnsafeSites;
import dev.rustlens.scan.SnapshotScores;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * Stores coverage reports per commit and applies the newest one of a commit to each of its scans:
 * on upload to the scans already stored, and to each later scan as it is stored (before the gate
 * judges it). Applying maps the report's paths onto the commit's files (once), stores the figures
 * per crate snapshot and per unsafe site, and rescores the snapshots.
 */
@ApplicationScoped
public class CoverageStore {

    private final EntityManager entityManager;
    private final ScannedSources sources;
    private final SnapshotScores scores;
    private final ObjectMapper json;
    private final Event<CoverageApplied> applied;
    private final RecentTrends trends;

    public CoverageStore(EntityManager entityManager, ScannedSources sources, SnapshotScores scores, ObjectMapper json,
            Event<CoverageApplied> applied, RecentTrends trends) {
        this.trends = trends;
        this.entityManager = entityManager;
        this.sources = sources;
        this.scores = scores;
        this.json = json;
        this.applied = applied;
    }

    /**
     * What an upload did.
     *
     * @param reportId the stored report
     * @param status {@code applied} (to the scans in {@code scans}) or {@code pending} (the commit
     *               has no succeeded scan yet: the report is applied to its first one)
     * @param files files in the report
     * @param matchedFiles files mapped onto the commit's files (null while pending)
     * @param lines lines with data in the matched files (in all files while pending)
     * @param linesHit lines run at least once, of those
     * @param unmatched report paths that name no file of the commit, with the reason
     */
    public record Imported(long reportId, String commit, String format, String status, List<Long> scans, int files,
            Integer matchedFiles, int lines, int linesHit, String root, List<PathMapping.Unmatched> unmatched) {
    }

    /** Stores a parsed report for a commit and applies it to that commit's succeeded scans, in one transaction. */
    @Transactional
    public Imported importReport(long repositoryId, String commit, ParsedCoverage report, Optional<String> root) {
        GitRepository repository = GitRepository.findById(repositoryId);
        if (repository == null) {
            throw new NotFoundException("no repository " + repositoryId);
        }
        if (commit == null || !commit.matches("[0-9a-fA-F]{40}")) {
            throw new BadRequest("the \"commit\" parameter is required: the full 40-character id of the commit the"
                    + " tests ran on");
        }
        String sha = commit.toLowerCase(Locale.ROOT);
        long reportId = session().createNativeQuery("""
                insert into coverage_report (repository_id, commit_sha, format, root, sources)
                values (?1, ?2, ?3, ?4, cast(?5 as jsonb)) returning id""", Long.class).setParameter(1, repositoryId)
                .setParameter(2, sha).setParameter(3, report.format()).setParameter(4, root.orElse(null))
                .setParameter(5, asJson(report.sources())).getSingleResult();
        insertFiles(reportId, report);
        List<Scan> scans = Scan.list("repository = ?1 and commitSha = ?2 and status = ?3 order by id", repository, sha,
                Scan.Status.succeeded);
        int lines = report.files().stream().mapToInt(ParsedCoverage.FileLines::lines).sum();
        int hit = report.files().stream().mapToInt(ParsedCoverage.FileLines::linesHit).sum();
        if (scans.isEmpty()) {
            return new Imported(reportId, sha, report.format(), "pending", List.of(), report.files().size(), null, lines,
                    hit, root.orElse(null), List.of());
        }
        PathMapping.Result mapping = map(reportId, repository, sha, report, root);
        for (Scan scan : scans) {
            apply(scan, reportId);
            applied.fire(new CoverageApplied(scan));
        }
        // The scans' scores changed: a point of the repository's trend may have.
        trends.store(repository.id);
        int matchedLines = 0;
        int matchedHit = 0;
        for (ParsedCoverage.FileLines file : report.files()) {
            if (mapping.files().containsKey(file.path())) {
                matchedLines += file.lines();
                matchedHit += file.linesHit();
            }
        }
        return new Imported(reportId, sha, report.format(), "applied", scans.stream().map(scan -> scan.id).toList(),
                report.files().size(), mapping.files().size(), matchedLines, matchedHit,
                mapping.root().orElse(null), mapping.unmatched());
    }

    /**
     * Applies the newest report of a scan's commit as the scan is stored, before the gate judges
     * it (this observer's priority is the lower); a report still unmapped is mapped now, as the
     * commit's files can now be read.
     */
    void onScanStored(@Observes @Priority(Interceptor.Priority.APPLICATION) ScanStored stored) {
        Scan scan = stored.scan();
        Optional<Tuple> report = session().createNativeQuery("""
                select id, mapped, format, root from coverage_report where repository_id = ?1 and commit_sha = ?2
                order by id desc limit 1""", Tuple.class).setParameter(1, scan.repository.id)
                .setParameter(2, scan.commitSha).getResultStream().findFirst();
        if (report.isEmpty()) {
            return;
        }
        long reportId = Columns.longOf(report.get(), "id");
        if (!report.get().get("mapped", Boolean.class)) {
            map(reportId, scan.repository, scan.commitSha, storedReport(reportId, report.get().get("format",
                    String.class)), Optional.ofNullable(report.get().get("root", String.class)));
        }
        apply(scan, reportId);
    }

    private void insertFiles(long reportId, ParsedCoverage report) {
        session().doWork(connection -> {
            try (PreparedStatement file = connection.prepareStatement("""
                    insert into coverage_file (report_id, report_path, lines, lines_hit) values (?, ?, ?, ?)
                    returning id""");
                    PreparedStatement line = connection.prepareStatement(
                            "insert into coverage_line (file_id, line, hits) values (?, ?, ?)")) {
                int rows = 0;
                for (ParsedCoverage.FileLines parsed : report.files()) {
                    file.setLong(1, reportId);
                    file.setString(2, StorableText.of(parsed.path()));
                    file.setInt(3, parsed.lines());
                    file.setInt(4, parsed.linesHit());
                    long fileId;
                    try (var generated = file.executeQuery()) {
                        generated.next();
                        fileId = generated.getLong("id");
                    }
                    for (Map.Entry<Integer, Long> hits : parsed.hits().entrySet()) {
                        line.setLong(1, fileId);
                        line.setInt(2, hits.getKey());
                        line.setLong(3, hits.getValue());
                        line.addBatch();
                        if (++rows % 1000 == 0) {
                            line.executeBatch();
                        }
                    }
                }
                line.executeBatch();
            }
        });
    }

    /** A stored report's paths, as needed to map them (the lines stay in the database). */
    private ParsedCoverage storedReport(long reportId, String format) {
        List<ParsedCoverage.FileLines> files = session().createNativeQuery(
                "select report_path from coverage_file where report_id = ?1 order by id", String.class)
                .setParameter(1, reportId).getResultStream()
                .map(path -> new ParsedCoverage.FileLines(path, new TreeMap<>())).toList();
        List<String> roots = session().createNativeQuery(
                "select jsonb_array_elements_text(sources) from coverage_report where id = ?1", String.class)
                .setParameter(1, reportId).getResultList();
        return new ParsedCoverage(format, roots, files);
    }

    private PathMapping.Result map(long reportId, GitRepository repository, String commit, ParsedCoverage report,
            Optional<String> root) {
        PathMapping.Result mapping;
        try (ScannedSources.Snapshot source = sources.open(repository, commit)) {
            Map<String, Boolean> seen = new HashMap<>();
            mapping = PathMapping.map(report.files().stream().map(ParsedCoverage.FileLines::path).toList(),
                    report.sources(), root, path -> seen.computeIfAbsent(path, key -> readable(source, key)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commit " + commit + " to map a coverage report", e);
        }
        mapping.files().forEach((reportPath, repoPath) -> session().createNativeMutationQuery(
                "update coverage_file set repo_path = ?1 where report_id = ?2 and report_path = ?3")
                .setParameter(1, repoPath).setParameter(2, reportId).setParameter(3, reportPath).executeUpdate());
        session().createNativeMutationQuery("""
                update coverage_report set mapped = true, unmatched = cast(?1 as jsonb), root = coalesce(root, ?2)
                where id = ?3""").setParameter(1, asJson(mapping.unmatched()))
                .setParameter(2, mapping.root().orElse(null)).setParameter(3, reportId).executeUpdate();
        return mapping;
    }

    private String asJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a coverage report's paths as JSON", e);
        }
    }

    private static boolean readable(ScannedSources.Snapshot source, String path) {
        try {
            return source.read(path).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Stores a mapped report's figures for each crate snapshot and unsafe site of a scan, then rescores it. */
    private void apply(Scan scan, long reportId) {
        // Coverage is kept per unsafe site: a scan sharing another's sites takes a copy first.
        SharedUnsafeSites.copyForScan(entityManager, scan.id);
        session().createNativeMutationQuery("""
                delete from crate_coverage where crate_snapshot_id in (select id from crate_snapshot where scan_id = ?1)""")
                .setParameter(1, scan.id).executeUpdate();
        session().createNativeMutationQuery("""
                delete from unsafe_site_coverage where unsafe_site_id in (select u.id from unsafe_site u
                    join crate_snapshot s on s.id = u.crate_snapshot_id where s.scan_id = ?1)""")
                .setParameter(1, scan.id).executeUpdate();
        Map<Long, String> crates = new TreeMap<>();
        for (Tuple row : session().createNativeQuery("select id, path from crate_snapshot where scan_id = ?1",
                Tuple.class).setParameter(1, scan.id).getResultList()) {
            crates.put(Columns.longOf(row, "id"), row.get("path", String.class));
        }
        Map<Long, CrateFigures> figures = new HashMap<>();
        for (Tuple row : session().createNativeQuery("""
                select repo_path, sum(lines) as lines, sum(lines_hit) as lines_hit, count(*) as files
                from coverage_file where report_id = ?1 and repo_path is not null group by repo_path""", Tuple.class)
                .setParameter(1, reportId).getResultList()) {
            owner(crates, row.get("repo_path", String.class)).ifPresent(snapshot -> {
                CrateFigures sums = figures.computeIfAbsent(snapshot, key -> new CrateFigures());
                sums.files += Columns.longOf(row, "files");
                sums.lines += Columns.longOf(row, "lines");
                sums.linesHit += Columns.longOf(row, "lines_hit");
            });
        }
        applyToUnsafeSites(scan, reportId, figures);
        for (Tuple row : session().createNativeQuery("""
                select crate_snapshot_id, count(*) as sites from unsafe_site u
                join crate_snapshot s on s.id = u.crate_snapshot_id
                where s.scan_id = ?1 and not u.in_test_code group by crate_snapshot_id""", Tuple.class)
                .setParameter(1, scan.id).getResultList()) {
            CrateFigures sums = figures.get(Columns.longOf(row, "crate_snapshot_id"));
            if (sums != null) {
                sums.unsafeSites = Columns.longOf(row, "sites");
            }
        }
        for (Map.Entry<Long, CrateFigures> entry : figures.entrySet()) {
            CrateFigures sums = entry.getValue();
            session().createNativeMutationQuery("""
                    insert into crate_coverage (crate_snapshot_id, report_id, files, lines, lines_hit, unsafe_sites,
                        unsafe_sites_measured, unsafe_sites_executed) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, entry.getKey()).setParameter(2, reportId).setParameter(3, sums.files)
                    .setParameter(4, sums.lines).setParameter(5, sums.linesHit).setParameter(6, sums.unsafeSites)
                    .setParameter(7, sums.unsafeSitesMeasured).setParameter(8, sums.unsafeSitesExecuted).executeUpdate();
        }
        entityManager.flush();
        scores.score(scan);
        entityManager.flush();
    }

    /**
     * Each unsafe site in a file the report covers: its span read from the source, its lines with
     * data and those hit; counted into its snapshot's figures (sites, measured, executed).
     */
    private void applyToUnsafeSites(Scan scan, long reportId, Map<Long, CrateFigures> figures) {
        Map<String, List<Tuple>> sitesByPath = new TreeMap<>();
        for (Tuple row : session().createNativeQuery("""
                select u.id, u.crate_snapshot_id, u.path, u.line, u.col, f.id as file_id
                from unsafe_site u join crate_snapshot s on s.id = u.crate_snapshot_id
                join coverage_file f on f.report_id = ?2 and f.repo_path = u.path
                where s.scan_id = ?1 and not u.in_test_code order by u.path, u.line, u.col""", Tuple.class)
                .setParameter(1, scan.id).setParameter(2, reportId).getResultList()) {
            sitesByPath.computeIfAbsent(row.get("path", String.class), key -> new ArrayList<>()).add(row);
        }
        try (ScannedSources.Snapshot source = sources.open(scan.repository, scan.commitSha)) {
            for (Map.Entry<String, List<Tuple>> file : sitesByPath.entrySet()) {
                List<Tuple> sites = file.getValue();
                List<UnsafeSpans.Start> starts = sites.stream()
                        .map(row -> new UnsafeSpans.Start(Columns.intOf(row, "line"), Columns.intOf(row, "col"))).toList();
                Optional<SourceText> text = source.read(file.getKey());
                List<Integer> ends = text.map(found -> UnsafeSpans.endLines(found, starts))
                        .orElseGet(() -> starts.stream().map(UnsafeSpans.Start::line).toList());
                for (int i = 0; i < sites.size(); i++) {
                    Tuple site = sites.get(i);
                    Tuple lines = session().createNativeQuery("""
                            select count(*) as with_data, count(*) filter (where hits > 0) as hit from coverage_line
                            where file_id = ?1 and line between ?2 and ?3""", Tuple.class)
                            .setParameter(1, Columns.longOf(site, "file_id")).setParameter(2, starts.get(i).line())
                            .setParameter(3, ends.get(i)).getSingleResult();
                    long withData = Columns.longOf(lines, "with_data");
                    long hit = Columns.longOf(lines, "hit");
                    session().createNativeMutationQuery("""
                            insert into unsafe_site_coverage (unsafe_site_id, report_id, end_line, lines_with_data,
                                lines_hit) values (?1, ?2, ?3, ?4, ?5)""")
                            .setParameter(1, Columns.longOf(site, "id")).setParameter(2, reportId)
                            .setParameter(3, ends.get(i)).setParameter(4, withData).setParameter(5, hit).executeUpdate();
                    CrateFigures sums = figures.computeIfAbsent(Columns.longOf(site, "crate_snapshot_id"),
                            key -> new CrateFigures());
                    sums.unsafeSitesMeasured += withData > 0 ? 1 : 0;
                    sums.unsafeSitesExecuted += hit > 0 ? 1 : 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commit " + scan.commitSha + " to find unsafe sites' ends", e);
        }
    }

    /** A crate snapshot's figures as they are added up: the columns of crate_coverage. */
    private static final class CrateFigures {
        long files;
        long lines;
        long linesHit;
        long unsafeSites;
        long unsafeSitesMeasured;
        long unsafeSitesExecuted;
    }

    /** The snapshot of the crate whose directory holds the file: the deepest one. */
    private static Optional<Long> owner(Map<Long, String> crates, String path) {
        Long best = null;
        int depth = -1;
        for (Map.Entry<Long, String> crate : crates.entrySet()) {
            String directory = crate.getValue();
            boolean holds = directory.isEmpty() || path.startsWith(directory + "/");
            if (holds && directory.length() > depth) {
                best = crate.getKey();
                depth = directory.length();
            }
        }
        return Optional.ofNullable(best);
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
