package dev.rustlens.supply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.advisories.Advisory;
import dev.rustlens.analysis.advisories.AdvisoryProblem;
import dev.rustlens.analysis.advisories.CargoVersionReq;
import dev.rustlens.database.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The tables {@code advisory_database} and {@code advisory} (V23): the advisories of the revision
 * fetched last, and each configured database's state. Callers hold the transaction.
 */
@ApplicationScoped
class AdvisoryStore {

    private static final TypeReference<List<AdvisoryProblem>> PROBLEMS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, List<String>>> FUNCTIONS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;

    AdvisoryStore(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        // Advisory text comes from outside: a U+0000 in it would make PostgreSQL refuse the jsonb.
        this.json = json.copy().registerModule(StorableText.json());
    }

    /** A database's row: its stored revision (if any) and the outcome of its last fetches. */
    record DatabaseRow(String url, String branch, Optional<String> revision, Optional<OffsetDateTime> fetchedAt,
            Optional<OffsetDateTime> storedAt, int advisoryCount, List<AdvisoryProblem> problems,
            Optional<String> lastError, Optional<OffsetDateTime> lastErrorAt) {
    }

    /** The row of {@code url}, locked until the transaction ends (created when missing). */
    DatabaseRow lock(String url, String branch) {
        session().createNativeMutationQuery("""
                insert into advisory_database (url, branch) values (?1, ?2) on conflict (url) do nothing""")
                .setParameter(1, url).setParameter(2, branch).executeUpdate();
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select * from advisory_database where url = ? for update")) {
                select.setString(1, url);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return databaseRow(row);
                }
            }
        });
    }

    Optional<DatabaseRow> find(String url) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select * from advisory_database where url = ?")) {
                select.setString(1, url);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(databaseRow(row)) : Optional.empty();
                }
            }
        });
    }

    /** Records a fetch that succeeded without a new revision. */
    void fetched(String url, OffsetDateTime at) {
        session().createNativeMutationQuery("""
                update advisory_database set fetched_at = ?2, last_error = null, last_error_at = null where url = ?1""")
                .setParameter(1, url).setParameter(2, at).executeUpdate();
    }

    /** Records a failed fetch; the stored advisories stay. */
    void failed(String url, String branch, String error, OffsetDateTime at) {
        session().createNativeMutationQuery("""
                insert into advisory_database (url, branch, last_error, last_error_at) values (?1, ?2, ?3, ?4)
                on conflict (url) do update set last_error = excluded.last_error, last_error_at = excluded.last_error_at""")
                .setParameter(1, url).setParameter(2, branch).setParameter(3, StorableText.of(error, 2000))
                .setParameter(4, at).executeUpdate();
    }

    /**
     * Replaces every stored advisory by those of {@code revision} of {@code url} (whose row the
     * caller locked); another database's row loses its revision, as its advisories are gone.
     */
    void replace(String url, String branch, String revision, List<Advisory> advisories, List<AdvisoryProblem> problems,
            OffsetDateTime at) {
        session().createNativeMutationQuery("delete from advisory").executeUpdate();
        session().createNativeMutationQuery("""
                update advisory_database set revision = null, stored_at = null, advisory_count = 0, problems = '[]'
                where url <> ?1""").setParameter(1, url).executeUpdate();
        session().createNativeMutationQuery("""
                update advisory_database set branch = ?2, revision = ?3, fetched_at = ?4, stored_at = ?4,
                    advisory_count = ?5, problems = cast(?6 as jsonb), last_error = null, last_error_at = null
                where url = ?1""").setParameter(1, url).setParameter(2, branch).setParameter(3, revision)
                .setParameter(4, at).setParameter(5, advisories.size()).setParameter(6, write(problems)).executeUpdate();
        session().doWork(connection -> insert(connection, url, advisories));
    }

    /** The advisories stored for {@code url}, in path order. */
    List<Advisory> advisories(String url) {
        return session().doReturningWork(connection -> {
            List<Advisory> advisories = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select * from advisory where database_url = ? order by path")) {
                select.setString(1, url);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        advisories.add(advisory(row));
                    }
                }
            }
            return advisories;
        });
    }

    private void insert(Connection connection, String url, List<Advisory> advisories) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into advisory (id, database_url, package, title, description, date, url, informational,
                    categories, keywords, aliases, related, reference_urls, cvss, patched, unaffected, withdrawn,
                    functions, os, arch, path)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")) {
            for (Advisory advisory : advisories) {
                int column = 0;
                insert.setString(++column, StorableText.of(advisory.id()));
                insert.setString(++column, url);
                insert.setString(++column, StorableText.of(advisory.packageName()));
                insert.setString(++column, StorableText.of(advisory.title()));
                insert.setString(++column, StorableText.of(advisory.description()));
                insert.setDate(++column, Date.valueOf(advisory.date()));
                insert.setString(++column, StorableText.of(advisory.url().orElse(null)));
                insert.setString(++column, StorableText.of(advisory.informational().orElse(null)));
                insert.setArray(++column, texts(connection, advisory.categories()));
                insert.setArray(++column, texts(connection, advisory.keywords()));
                insert.setArray(++column, texts(connection, advisory.aliases()));
                insert.setArray(++column, texts(connection, advisory.related()));
                insert.setArray(++column, texts(connection, advisory.references()));
                insert.setString(++column, StorableText.of(advisory.cvss().orElse(null)));
                insert.setArray(++column, texts(connection, advisory.fixedVersions()));
                insert.setArray(++column, texts(connection, advisory.unaffectedVersions()));
                insert.setDate(++column, advisory.withdrawn().map(Date::valueOf).orElse(null));
                insert.setString(++column, write(advisory.functions()));
                insert.setArray(++column, texts(connection, advisory.os()));
                insert.setArray(++column, texts(connection, advisory.arch()));
                insert.setString(++column, StorableText.of(advisory.path()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.stream().map(StorableText::of).toArray());
    }

    private Advisory advisory(ResultSet row) throws SQLException {
        return new Advisory(row.getString("id"), row.getString("package"), row.getString("title"),
                row.getString("description"), row.getDate("date").toLocalDate(), Optional.ofNullable(row.getString("url")),
                strings(row, "reference_urls"), strings(row, "aliases"), strings(row, "related"),
                strings(row, "categories"), strings(row, "keywords"), Optional.ofNullable(row.getString("cvss")),
                Optional.ofNullable(row.getString("informational")),
                Optional.ofNullable(row.getDate("withdrawn")).map(Date::toLocalDate),
                requirements(row, "patched"), requirements(row, "unaffected"),
                read(row.getString("functions"), FUNCTIONS), strings(row, "os"), strings(row, "arch"),
                row.getString("path"));
    }

    private static List<String> strings(ResultSet row, String column) throws SQLException {
        return List.of((String[]) row.getArray(column).getArray());
    }

    /** Requirements stored were parsed before they were stored. */
    private static List<CargoVersionReq> requirements(ResultSet row, String column) throws SQLException {
        return Arrays.stream((String[]) row.getArray(column).getArray()).map(CargoVersionReq::parse).toList();
    }

    private DatabaseRow databaseRow(ResultSet row) throws SQLException {
        return new DatabaseRow(row.getString("url"), row.getString("branch"), Optional.ofNullable(row.getString("revision")),
                Optional.ofNullable(row.getObject("fetched_at", OffsetDateTime.class)),
                Optional.ofNullable(row.getObject("stored_at", OffsetDateTime.class)), row.getInt("advisory_count"),
                read(row.getString("problems"), PROBLEMS), Optional.ofNullable(row.getString("last_error")),
                Optional.ofNullable(row.getObject("last_error_at", OffsetDateTime.class)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored advisory column is not the JSON rustlens wrote", e);
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
