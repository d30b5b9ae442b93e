package dev.rustlens.supply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.advisories.Advisory;
import dev.rustlens.analysis.advisories.AdvisoryMatcher;
import dev.rustlens.analysis.dependencies.DeclaredDependency;
import dev.rustlens.analysis.dependencies.DependencyGraph;
import dev.rustlens.analysis.dependencies.LockProblem;
import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.dependencies.PackageSource;
import dev.rustlens.analysis.dependencies.ResolvedPackage;
import dev.rustlens.database.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * A scan's dependencies as stored (tables {@code scan_lockfile} and {@code scan_dependency}): written
 * with the scan's results, copied with them for an unchanged rescan, and matched against the advisory
 * database when the scan is stored and again whenever the database changes.
 */
@ApplicationScoped
public class ScanDependencies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager entityManager;

    public ScanDependencies(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A stored locked package with the advisories that affect it. */
    public record Advised(long id, String lockPath, LockedPackage locked, String kind, List<String> dependents,
            List<Advisory> advisories) {
    }

    /** Stores the dependency graphs read from a scan's tree, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(long scanId, List<DependencyGraph> graphs) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (DependencyGraph graph : graphs) {
                long lockfileId = insertLockfile(connection, scanId, graph);
                insertPackages(connection, scanId, lockfileId, graph.packages());
            }
        });
    }

    /** Copies the dependencies of scan {@code from} to scan {@code to} (the same commit, analysed alike). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void copy(long from, long to) {
        entityManager.createNativeQuery("""
                insert into scan_lockfile (scan_id, root, lock_path, lock_version, members, declared, problems)
                select ?2, root, lock_path, lock_version, members, declared, problems from scan_lockfile where scan_id = ?1""")
                .setParameter(1, from).setParameter(2, to).executeUpdate();
        entityManager.createNativeQuery("""
                insert into scan_dependency (scan_id, lockfile_id, name, version, source_kind, source, checksum, line,
                    depth, kind, dependents, parents, dependencies, advisories)
                select ?2, n.id, d.name, d.version, d.source_kind, d.source, d.checksum, d.line, d.depth, d.kind,
                    d.dependents, d.parents, d.dependencies, d.advisories
                from scan_dependency d
                join scan_lockfile o on o.id = d.lockfile_id
                join scan_lockfile n on n.scan_id = ?2 and n.root = o.root
                where d.scan_id = ?1""")
                .setParameter(1, from).setParameter(2, to).executeUpdate();
    }

    /**
     * Matches the scan's locked packages against {@code advisories}, records each package's
     * advisory ids, and answers the packages that have any, in lock file order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Advised> match(long scanId, AdvisoryMatcher advisories) {
        List<Advised> advised = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Tuple row : entityManager.unwrap(Session.class).createNativeQuery("""
                select d.id, l.lock_path, d.name, d.version, d.source, d.checksum, d.line, d.kind, d.dependents,
                    d.advisories
                from scan_dependency d join scan_lockfile l on l.id = d.lockfile_id
                where d.scan_id = ?1 and d.source_kind = 'registry'
                order by l.lock_path, d.line""", Tuple.class).setParameter(1, scanId).getResultList()) {
            LockedPackage locked = new LockedPackage(row.get("name", String.class), row.get("version", String.class),
                    PackageSource.parse(Optional.of(row.get("source", String.class))),
                    Optional.ofNullable(row.get("checksum", String.class)), row.get("line", Integer.class));
            List<Advisory> matches = advisories.matches(locked);
            List<String> ids = matches.stream().map(Advisory::id).sorted().toList();
            long id = row.get("id", Long.class);
            if (!ids.equals(List.of(row.get("advisories", String[].class)))) {
                updates.add(new Object[] {id, ids.toArray(String[]::new)});
            }
            if (!matches.isEmpty()) {
                advised.add(new Advised(id, row.get("lock_path", String.class), locked, row.get("kind", String.class),
                        List.of(row.get("dependents", String[].class)), matches));
            }
        }
        if (!updates.isEmpty()) {
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "update scan_dependency set advisories = ? where id = ?")) {
                    for (Object[] change : updates) {
                        update.setArray(1, connection.createArrayOf("text", (String[]) change[1]));
                        update.setLong(2, (Long) change[0]);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            });
        }
        return advised;
    }

    private static long insertLockfile(Connection connection, long scanId, DependencyGraph graph) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into scan_lockfile (scan_id, root, lock_path, lock_version, members, declared, problems)
                values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, scanId);
            insert.setString(2, StorableText.of(graph.root()));
            insert.setString(3, graph.lockPath().map(StorableText::of).orElse(null));
            insert.setInt(4, graph.lockVersion());
            insert.setArray(5, texts(connection, graph.members()));
            insert.setString(6, json(graph.declared().stream().map(ScanDependencies::declared).toList()));
            insert.setString(7, json(graph.problems().stream().map(ScanDependencies::problem).toList()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertPackages(Connection connection, long scanId, long lockfileId,
            List<ResolvedPackage> packages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into scan_dependency (scan_id, lockfile_id, name, version, source_kind, source, checksum, line,
                    depth, kind, dependents, parents, dependencies)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int count = 0;
            for (ResolvedPackage resolved : packages) {
                LockedPackage locked = resolved.locked();
                insert.setLong(1, scanId);
                insert.setLong(2, lockfileId);
                insert.setString(3, StorableText.of(locked.name()));
                insert.setString(4, StorableText.of(locked.version()));
                insert.setString(5, locked.source().kind().name().toLowerCase(Locale.ROOT));
                insert.setString(6, StorableText.of(locked.source().text()));
                insert.setString(7, locked.checksum().map(StorableText::of).orElse(null));
                insert.setInt(8, locked.line());
                insert.setInt(9, resolved.depth());
                insert.setString(10, resolved.kind().name().toLowerCase(Locale.ROOT));
                insert.setArray(11, texts(connection, resolved.dependents()));
                insert.setArray(12, texts(connection, resolved.parents()));
                insert.setArray(13, texts(connection, resolved.dependencies()));
                insert.addBatch();
                if (++count % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.stream().map(StorableText::of).toArray(String[]::new));
    }

    private static Map<String, Object> declared(DeclaredDependency dependency) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("member", dependency.member());
        row.put("name", dependency.name());
        row.put("requirement", dependency.requirement());
        row.put("kind", dependency.kind().name().toLowerCase(Locale.ROOT));
        row.put("optional", dependency.optional());
        row.put("target", dependency.target().orElse(null));
        row.put("manifest_path", dependency.manifestPath());
        row.put("line", dependency.line());
        return row;
    }

    private static Map<String, Object> problem(LockProblem problem) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", problem.path());
        row.put("line", problem.line());
        row.put("message", problem.message());
        return row;
    }

    private static String json(Object value) {
        try {
            return StorableText.of(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
