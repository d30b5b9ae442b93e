package dev.rustlens.finding;

import dev.rustlens.http.PageCursor;
import dev.rustlens.scan.DiagnosticImports;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * A scan's findings read for the API: a page of them, or all of them streamed through a database
 * cursor so that the heap stays flat however many there are.
 */
@ApplicationScoped
public class FindingQueries {

    private static final int FETCH_SIZE = 1000;

    private final EntityManager entityManager;
    private final DataSource dataSource;

    public FindingQueries(EntityManager entityManager, DataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /**
     * The commit a scan analysed, as an export names it, and the scan id its finding rows carry
     * ({@link Scan#findingsScanId()}).
     */
    public record ScannedCommit(String repositoryUri, String revision, long findingsScanId) {
    }

    /** A page of findings; {@code nextCursor}, opaque, is null on the last page. */
    public record FindingPage(long scanId, long total, int limit, String nextCursor, List<FindingRow> findings)
            implements PageCursor.Page {
    }

    /**
     * The commit that scan {@code id} analysed; empty when there is no such scan, a 410 (Gone) when
     * housekeeping removed its findings.
     */
    @Transactional
    public Optional<ScannedCommit> commit(long id) {
        return Scan.<Scan>findByIdOptional(id).map(scan -> {
            ScanQueries.requireDetail(scan);
            return new ScannedCommit(scan.repository.url, scan.commitSha, scan.findingsScanId());
        });
    }

    /**
     * The imported lints (docs/diagnostics.md) that the finding rows of scan id {@code rowsScanId}
     * hold, or that reported the same site as one of them.
     */
    @Transactional
    public List<String> importedLints(long rowsScanId) {
        return entityManager.unwrap(Session.class).createNativeQuery("select lint from (select f.check_id as lint"
                + " from finding f where f.scan_id = ?1 and not " + DiagnosticImports.OWN + " union select"
                + " unnest(f.also_reported_by) from finding f where f.scan_id = ?1 and f.also_reported_by is not null)"
                + " lints order by lint", String.class)
                .setParameter(1, rowsScanId).getResultList();
    }

    /** The findings of scan {@code id} that {@code where} keeps and whose id comes after {@code cursor}, {@code limit} of them. */
    @Transactional
    public FindingPage page(long id, FindingFilter.Sql where, Long cursor, int limit) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            long total;
            try (PreparedStatement count = FindingRow.prepare(connection, "select count(*) as total"
                    + FindingRow.MATCHING + " where " + where.where(), where.parameters());
                    ResultSet result = count.executeQuery()) {
                result.next();
                total = result.getLong("total");
            }
            List<Object> parameters = new ArrayList<>(where.parameters());
            parameters.add(cursor == null ? 0L : cursor);
            parameters.add(limit + 1);
            List<FindingRow> rows = new ArrayList<>();
            try (PreparedStatement select = FindingRow.prepare(connection, pageSql(id, where), parameters);
                    ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(FindingRow.of(result));
                }
            }
            String next = rows.size() > limit ? PageCursor.after(Long.toString(rows.get(limit - 1).id())) : null;
            return new FindingPage(id, total, limit, next, rows.size() > limit ? rows.subList(0, limit) : rows);
        });
    }

    /**
     * The page of scan {@code id}'s findings that {@code where} keeps, in id order: its parameters
     * are those of {@code where}, then the cursor (the id before the page) and the limit.
     */
    static String pageSql(long id, FindingFilter.Sql where) {
        return FindingRow.ofPage(Long.toString(id), where.where() + " and f.id > ?", "f.id", "limit ?");
    }

    /** Something done with each selected finding. */
    public interface FindingWriter {
        void write(FindingRow finding) throws IOException;
    }

    /**
     * Streams the findings of scan {@code id} that {@code where} keeps in id order through a
     * database cursor, so memory stays flat.
     */
    public void stream(long id, FindingFilter.Sql where, FindingWriter writer) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            // A cursor only streams inside a transaction; the export only reads.
            connection.setAutoCommit(false);
            try (PreparedStatement select = FindingRow.prepare(connection, "select "
                    + FindingRow.columns(Long.toString(id)) + " where " + where.where() + " order by f.id",
                    where.parameters())) {
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        writer.write(FindingRow.of(result));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("reading the findings failed", e);
        }
    }
}
