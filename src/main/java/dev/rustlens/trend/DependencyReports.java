package dev.rustlens.trend;

import static dev.rustlens.database.Columns.intOf;
import static dev.rustlens.database.Columns.longOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.advisories.Advisory;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.AnalysisEngine;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanQueries;
import dev.rustlens.supply.AdvisoryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * A scan's dependencies as pages and exports show them: every locked package with its place in the
 * tree, its unsafe exposure (the server's analysis of that package version) and its advisories, the
 * totals in cargo-geiger's terms, and the change since the scan's baseline; and, across the server,
 * which repositories lock a version that has an advisory.
 */
@ApplicationScoped
public class DependencyReports {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final AdvisoryDatabase advisories;
    private final AnalysisEngine engine;

    public DependencyReports(EntityManager entityManager, AdvisoryDatabase advisories, AnalysisEngine engine) {
        this.entityManager = entityManager;
        this.advisories = advisories;
        this.engine = engine;
    }

    /** One scan's dependencies. */
    public record DependencyReport(long repositoryId, String repository, long scanId, String branch, String commit,
            OffsetDateTime committedAt, Totals totals, List<Lockfile> lockfiles, List<Dependency> packages,
            Changes changes, String advisoryDatabase) {
    }

    /**
     * A lock file (or a workspace without one), its members, their declared requirements and what
     * could not be read.
     */
    public record Lockfile(String root, String lockPath, int lockVersion, List<String> members,
            List<Map<String, Object>> declared, List<Map<String, Object>> problems) {
    }

    /** A locked package that no workspace member is. */
    public record Dependency(String lockPath, String name, String version, String sourceKind, String source,
            String checksum, int line, int depth, String kind, List<String> dependents, List<String> parents,
            List<String> dependencies, Exposure exposure, List<AdvisoryRef> advisories) {

        /** The package as the lock file's dependency lists name it. */
        public String key() {
            return name + " " + version;
        }
    }

    /**
     * What the server's analysis of a package version found; the counts are null unless it was
     * analysed ({@code status} {@code analysed}), and {@code reason} says why not.
     */
    public record Exposure(String status, String reason, Integer unsafeBlocks, Integer unsafeFunctions,
            Integer unsafeMethods, Integer unsafeImpls, Integer unsafeTraits, Integer externBlocks, Boolean forbidsUnsafe,
            String unsafeRating) {

        static final Exposure PENDING = new Exposure("pending", "not analysed yet", null, null, null, null, null, null,
                null, null);
        static final Exposure NOT_FETCHED = new Exposure("not_fetched",
                "only registry packages with a checksum are fetched and analysed", null, null, null, null, null, null,
                null, null);

        /** Whether the analysis found unsafe code. */
        public boolean usesUnsafe() {
            return unsafeBlocks != null && unsafeBlocks + unsafeFunctions + unsafeMethods + unsafeImpls + unsafeTraits
                    + externBlocks > 0;
        }
    }

    /** An advisory that affects a locked version. */
    public record AdvisoryRef(String id, String rule, String title, String url, List<String> aliases,
            List<String> fixedVersions, String cvss, String date) {
    }

    /**
     * The totals: packages locked, analysed, using unsafe code, forbidding it, with advisories, and
     * the unsafe code of the whole tree; {@code summary} says it as cargo-geiger would.
     */
    public record Totals(int packages, int analysed, int usingUnsafe, int forbiddingUnsafe, int withAdvisories,
            long unsafeBlocks, long unsafeFunctions, long unsafeImplsAndTraits, String summary) {
    }

    /** What changed since the scan's baseline; empty lists without one. */
    public record Changes(Long baselineScanId, String baselineCommit, List<Change> added, List<Change> removed,
            List<Change> upgraded, long unsafeBlocksAdded) {
    }

    /** A package added, removed, or locked at another version; unsafe blocks at each side when analysed. */
    public record Change(String name, String before, String after, String kind, Integer unsafeBlocksBefore,
            Integer unsafeBlocksAfter) {
    }

    /** A locked version with an advisory, in one repository's current scan. */
    public record AdvisoryUse(long repositoryId, String repository, long scanId, String commit, String lockPath,
            int line, String name, String version, String kind, int depth) {
    }

    /** An advisory and where it is used. */
    public record AdvisedPackage(AdvisoryRef advisory, String name, List<AdvisoryUse> uses) {
    }

    /** The advisories that affect the current scan of any repository, and the database they come from. */
    public record ServerAdvisories(String advisoryDatabase, OffsetDateTime fetchedAt, int repositories,
            List<AdvisedPackage> advisories) {
    }

    /** The dependencies of the repository's current scan (its newest succeeded scan of the default branch). */
    @Transactional
    public Optional<DependencyReport> current(long repositoryId) {
        GitRepository repository = GitRepository.findById(repositoryId);
        if (repository == null) {
            return Optional.empty();
        }
        return Scan.findNewestSucceeded(repository, repository.defaultBranch).map(scan -> report(scan));
    }

    /** The dependencies of a scan; empty when there is no such scan or it has not succeeded. */
    @Transactional
    public Optional<DependencyReport> ofScan(long scanId) {
        Scan scan = Scan.findById(scanId);
        if (scan == null || scan.status != Scan.Status.succeeded) {
            return Optional.empty();
        }
        ScanQueries.requireDetail(scan);
        return Optional.of(report(scan));
    }

    private DependencyReport report(Scan scan) {
        Map<String, Advisory> known = knownAdvisories();
        List<Lockfile> lockfiles = lockfiles(scan.id);
        List<Dependency> packages = dependencies(scan.id, known);
        Changes changes = changes(scan, packages, known);
        return new DependencyReport(scan.repository.id, scan.repository.name, scan.id, scan.branch, scan.commitSha,
                scan.committedAt, totals(packages), lockfiles, packages, changes, databaseRevision());
    }

    private List<Lockfile> lockfiles(long scanId) {
        List<Lockfile> lockfiles = new ArrayList<>();
        for (Tuple row : session().createNativeQuery("""
                select root, lock_path, lock_version, members, cast(declared as text) as declared,
                    cast(problems as text) as problems
                from scan_lockfile where scan_id = ?1 order by root""", Tuple.class).setParameter(1, scanId)
                .getResultList()) {
            lockfiles.add(new Lockfile(row.get("root", String.class), row.get("lock_path", String.class),
                    intOf(row, "lock_version"), List.of(row.get("members", String[].class)),
                    rows(row.get("declared", String.class)), rows(row.get("problems", String.class))));
        }
        return lockfiles;
    }

    private List<Dependency> dependencies(long scanId, Map<String, Advisory> known) {
        List<Dependency> packages = new ArrayList<>();
        for (Tuple row : session().createNativeQuery("""
                select l.lock_path, d.name, d.version, d.source_kind, d.source, d.checksum, d.line, d.depth, d.kind,
                    d.dependents, d.parents, d.dependencies, d.advisories,
                    a.status, a.reason, a.unsafe_blocks, a.unsafe_functions, a.unsafe_methods, a.unsafe_impls,
                    a.unsafe_traits, a.extern_blocks, a.forbids_unsafe, a.unsafe_rating
                from scan_dependency d
                join scan_lockfile l on l.id = d.lockfile_id
                left join package_analysis a on a.name = d.name and a.version = d.version
                    and a.checksum = d.checksum and a.analyzer_version = ?2
                where d.scan_id = ?1
                order by d.depth, d.name, d.version, l.lock_path""", Tuple.class)
                .setParameter(1, scanId).setParameter(2, engine.catalogue().analyzerVersion()).getResultList()) {
            packages.add(new Dependency(row.get("lock_path", String.class), row.get("name", String.class),
                    row.get("version", String.class), row.get("source_kind", String.class),
                    row.get("source", String.class), row.get("checksum", String.class), intOf(row, "line"),
                    intOf(row, "depth"), row.get("kind", String.class), List.of(row.get("dependents", String[].class)),
                    List.of(row.get("parents", String[].class)), List.of(row.get("dependencies", String[].class)),
                    exposure(row), advisoryRefs(row.get("advisories", String[].class), known)));
        }
        return packages;
    }

    private static Exposure exposure(Tuple row) {
        String status = row.get("status", String.class);
        if (status == null) {
            return "registry".equals(row.get("source_kind", String.class)) && row.get("checksum", String.class) != null
                    ? Exposure.PENDING : Exposure.NOT_FETCHED;
        }
        if (!status.equals("ANALYSED")) {
            // A refused archive keeps zero counts in its row: they were never measured.
            return new Exposure(status.toLowerCase(Locale.ROOT), Objects.requireNonNullElse(row.get("reason", String.class),
                    ""), null, null, null, null, null, null, null, null);
        }
        return new Exposure("analysed", Objects.requireNonNullElse(row.get("reason", String.class), ""),
                row.get("unsafe_blocks", Integer.class), row.get("unsafe_functions", Integer.class),
                row.get("unsafe_methods", Integer.class), row.get("unsafe_impls", Integer.class),
                row.get("unsafe_traits", Integer.class), row.get("extern_blocks", Integer.class),
                row.get("forbids_unsafe", Boolean.class), row.get("unsafe_rating", String.class));
    }

    private static List<AdvisoryRef> advisoryRefs(String[] ids, Map<String, Advisory> known) {
        List<AdvisoryRef> refs = new ArrayList<>();
        for (String id : ids) {
            Advisory advisory = known.get(id);
            refs.add(advisory == null
                    ? new AdvisoryRef(id, "", "(no longer in the advisory database)", Advisory.page(id), List.of(),
                            List.of(), null, null)
                    : ref(advisory));
        }
        return refs;
    }

    static AdvisoryRef ref(Advisory advisory) {
        return new AdvisoryRef(advisory.id(), advisory.checkId(), advisory.title(), Advisory.page(advisory.id()),
                advisory.aliases(), advisory.fixedVersions(), advisory.cvss().orElse(null), advisory.date().toString());
    }

    private static Totals totals(List<Dependency> packages) {
        int analysed = 0;
        int usingUnsafe = 0;
        int forbidding = 0;
        int advised = 0;
        long blocks = 0;
        long functions = 0;
        long implsAndTraits = 0;
        for (Dependency dependency : packages) {
            Exposure exposure = dependency.exposure();
            advised += dependency.advisories().isEmpty() ? 0 : 1;
            if (exposure.unsafeBlocks() == null) {
                continue;
            }
            analysed++;
            usingUnsafe += exposure.usesUnsafe() ? 1 : 0;
            forbidding += Boolean.TRUE.equals(exposure.forbidsUnsafe()) ? 1 : 0;
            blocks += exposure.unsafeBlocks();
            functions += exposure.unsafeFunctions() + exposure.unsafeMethods();
            implsAndTraits += exposure.unsafeImpls() + exposure.unsafeTraits();
        }
        String summary = String.format(Locale.ROOT, "unsafe in the dependency tree: %,d blocks in %d of %d packages",
                blocks, usingUnsafe, packages.size())
                + (analysed < packages.size() ? String.format(Locale.ROOT, " (%d analysed)", analysed) : "");
        return new Totals(packages.size(), analysed, usingUnsafe, forbidding, advised, blocks, functions,
                implsAndTraits, summary);
    }

    /**
     * The change against the scan's baseline, by package name: a name locked only now is added,
     * only then removed, at other versions upgraded (or downgraded); unsafe blocks added sums the
     * added packages' blocks and the growth of the upgraded ones, as analysed.
     */
    private Changes changes(Scan scan, List<Dependency> now, Map<String, Advisory> known) {
        Scan baseline = scan.previousScanId == null ? null : Scan.findById(scan.previousScanId);
        if (baseline == null) {
            return new Changes(null, null, List.of(), List.of(), List.of(), 0);
        }
        Map<String, List<Dependency>> before = byName(dependencies(baseline.id, known));
        Map<String, List<Dependency>> after = byName(now);
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> upgraded = new ArrayList<>();
        long unsafeAdded = 0;
        for (Map.Entry<String, List<Dependency>> entry : after.entrySet()) {
            List<Dependency> old = before.get(entry.getKey());
            Dependency current = entry.getValue().get(0);
            if (old == null) {
                added.add(new Change(entry.getKey(), null, versions(entry.getValue()), current.kind(), null,
                        blocks(entry.getValue())));
                unsafeAdded += Objects.requireNonNullElse(blocks(entry.getValue()), 0);
            } else if (!versions(old).equals(versions(entry.getValue()))) {
                Integer from = blocks(old);
                Integer to = blocks(entry.getValue());
                upgraded.add(new Change(entry.getKey(), versions(old), versions(entry.getValue()), current.kind(), from, to));
                if (from != null && to != null && to > from) {
                    unsafeAdded += to - from;
                }
            }
        }
        before.forEach((name, old) -> {
            if (!after.containsKey(name)) {
                removed.add(new Change(name, versions(old), null, old.get(0).kind(), blocks(old), null));
            }
        });
        return new Changes(baseline.id, baseline.commitSha, added, removed, upgraded, unsafeAdded);
    }

    private static Map<String, List<Dependency>> byName(List<Dependency> packages) {
        return packages.stream().collect(Collectors.groupingBy(Dependency::name, TreeMap::new, Collectors.toList()));
    }

    private static String versions(List<Dependency> packages) {
        return packages.stream().map(Dependency::version).distinct().sorted().collect(Collectors.joining(", "));
    }

    /** The unsafe blocks of a package's locked versions, null unless every one was analysed. */
    private static Integer blocks(List<Dependency> packages) {
        int sum = 0;
        Map<String, Dependency> distinct = packages.stream()
                .collect(Collectors.toMap(Dependency::version, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        for (Dependency dependency : distinct.values()) {
            if (dependency.exposure().unsafeBlocks() == null) {
                return null;
            }
            sum += dependency.exposure().unsafeBlocks();
        }
        return sum;
    }

    /** Where the current scans of all repositories lock a version that has an advisory, most severe first. */
    @Transactional
    public ServerAdvisories serverWide() {
        Map<String, Advisory> known = knownAdvisories();
        Map<String, AdvisedPackage> byAdvisory = new LinkedHashMap<>();
        Set<Long> repositories = new HashSet<>();
        for (Tuple row : session().createNativeQuery("""
                with current_scan as (select r.id as repository_id, r.name as repository,
                    (%s limit 1) as scan_id from repository r)
                select cur.repository_id, cur.repository, cur.scan_id, s.commit_sha, l.lock_path, d.line, d.name,
                    d.version, d.kind, d.depth, d.advisories
                from current_scan cur
                join scan s on s.id = cur.scan_id
                join scan_dependency d on d.scan_id = cur.scan_id and d.advisories <> '{}'
                join scan_lockfile l on l.id = d.lockfile_id
                order by d.name, d.version, cur.repository""".formatted(RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST),
                Tuple.class).getResultList()) {
            long repositoryId = longOf(row, "repository_id");
            repositories.add(repositoryId);
            AdvisoryUse use = new AdvisoryUse(repositoryId, row.get("repository", String.class), longOf(row, "scan_id"),
                    row.get("commit_sha", String.class), row.get("lock_path", String.class), intOf(row, "line"),
                    row.get("name", String.class), row.get("version", String.class), row.get("kind", String.class),
                    intOf(row, "depth"));
            for (AdvisoryRef ref : advisoryRefs(row.get("advisories", String[].class), known)) {
                byAdvisory.computeIfAbsent(ref.id(), id -> new AdvisedPackage(ref, use.name(), new ArrayList<>()))
                        .uses().add(use);
            }
        }
        List<AdvisedPackage> sorted = new ArrayList<>(byAdvisory.values());
        sorted.sort(Comparator.comparingInt((AdvisedPackage advised) -> ruleRank(advised.advisory().rule()))
                .thenComparing(advised -> advised.advisory().id(), Comparator.reverseOrder()));
        Optional<AdvisoryDatabase.Snapshot> database = advisories.current();
        return new ServerAdvisories(database.map(AdvisoryDatabase.Snapshot::revision).orElse(null),
                database.map(AdvisoryDatabase.Snapshot::fetchedAt).orElse(null), repositories.size(), sorted);
    }

    /** Vulnerabilities first, then unsound, unmaintained, notices, and advisories no longer known. */
    private static int ruleRank(String rule) {
        return switch (rule) {
            case "advisory_vulnerability" -> 0;
            case "advisory_unsound" -> 1;
            case "advisory_unmaintained" -> 2;
            case "advisory_notice" -> 3;
            default -> 4;
        };
    }

    private Map<String, Advisory> knownAdvisories() {
        return advisories.current().map(snapshot -> snapshot.advisories().stream()
                .collect(Collectors.toMap(Advisory::id, Function.identity(), (a, b) -> a)))
                .orElse(Map.of());
    }

    private String databaseRevision() {
        return advisories.current().map(AdvisoryDatabase.Snapshot::revision).orElse(null);
    }

    private static List<Map<String, Object>> rows(String json) {
        try {
            return JSON.readValue(json, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
