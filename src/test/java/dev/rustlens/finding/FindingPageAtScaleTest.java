package dev.rustlens.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.scan.SeededScans;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a page of a large scan's findings reads the page, not the scan. Chosen together with
 * the columns' joins (the viewed scan's crate snapshots, triage), PostgreSQL planned the page from
 * the crate's snapshots in every scan and sorted all their findings (a backfilled corpus scan of
 * 145,000 findings: 340-560 ms a page). Here a crate scanned ten times with 6,000 findings each:
 * no step of the page's plan may read more findings than the viewed scan has, and each finding
 * of the page is read by its id once the page is chosen.
 */
@QuarkusTest
class FindingPageAtScaleTest {

    private static final int SCANS = 10;
    private static final int FINDINGS = 6_000;
    private static final int LIMIT = 100;

    @Inject
    EntityManager entityManager;

    @Inject
    UserTransaction transaction;

    @Test
    void aPageOfALargeScanReadsOnlyThePagesFindings() throws Exception {
        transaction.begin();
        try {
            Session session = entityManager.unwrap(Session.class);
            SeededScans seeded = new SeededScans(session, "finding-page-at-scale");
            for (int i = 1; i < SCANS; i++) {
                seeded.scan(SCANS - i, 1, FINDINGS);
            }
            // As after a store that grew the findings by more than a tenth, the crate snapshots by
            // less (docs/database.md): the findings' statistics know the newest scan, the
            // snapshots' do not, so PostgreSQL expects one snapshot of it where there is a crate's.
            session.createNativeMutationQuery("analyze crate_snapshot").executeUpdate();
            long newest = seeded.scan(0, 1, FINDINGS);
            session.createNativeMutationQuery("analyze finding").executeUpdate();
            for (FindingFilter filter : List.of(new FindingFilter(null, null, null, null, null, null, null),
                    new FindingFilter(null, "unwrap_used", null, null, null, null, true))) {
                FindingFilter.Sql where = filter.sql(newest);
                List<Object> parameters = new ArrayList<>(where.parameters());
                parameters.add(0L);
                parameters.add(LIMIT + 1);
                JsonNode plan = session.doReturningWork(connection -> {
                    try (PreparedStatement explain = FindingRow.prepare(connection, "explain (analyze, format json) "
                            + FindingQueries.pageSql(newest, where), parameters); ResultSet result = explain.executeQuery()) {
                        result.next();
                        return readJson(result.getString(1));
                    }
                });
                List<String> findingReads = new ArrayList<>();
                collectFindingReads(plan.get(0).get("Plan"), findingReads);
                assertTrue(!findingReads.isEmpty(), plan.toPrettyString());
                for (String read : findingReads) {
                    assertTrue(Long.parseLong(read.split(" ")[0]) <= FINDINGS,
                            "a step read " + read + " findings, more than the scan has:\n" + plan.toPrettyString());
                }
                // The page is chosen first and each of its findings then read by its id: no
                // estimate can make the columns' joins run over the scan, or over the crate's scans.
                assertTrue(findingReads.contains((LIMIT + 1) + " Index Scan finding_pkey x" + (LIMIT + 1)),
                        findingReads + "\n" + plan.toPrettyString());
                assertEquals(LIMIT + 1, plan.get(0).get("Plan").get("Actual Rows").asLong(), filter.toString());
            }
        } finally {
            transaction.rollback();
        }
    }

    /**
     * Each plan node that reads table {@code finding}: the rows it read (returned or filtered out)
     * over all its loops, its kind and, for an index scan, the index and how many times it ran.
     */
    private static void collectFindingReads(JsonNode node, List<String> reads) {
        if ("finding".equals(node.path("Relation Name").asText())) {
            long loops = node.get("Actual Loops").asLong();
            long read = node.get("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong();
            reads.add(read * loops + " " + node.get("Node Type").asText()
                    + (node.has("Index Name") ? " " + node.get("Index Name").asText() + " x" + loops : ""));
        }
        for (JsonNode child : node.path("Plans")) {
            collectFindingReads(child, reads);
        }
    }

    private static JsonNode readJson(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("PostgreSQL's plan is not JSON: " + json, e);
        }
    }
}
