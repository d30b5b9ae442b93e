package dev.rustlens.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.trend.Trends;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * The retention policy's defaults (all scans for 30 days, then the newest of each day for a
 * year, then of each week; the newest of a branch and the baselines of kept scans always) over
 * one branch's history: exactly the scans beyond it lose their findings, and the repository's
 * trend (scores, findings by severity) stays the same; their findings' exports answer 410.
 */
@QuarkusTest
class HousekeepingTest {

    @Inject
    EntityManager entityManager;

    @Inject
    Housekeeping housekeeping;

    @Inject
    Trends trends;

    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void scansBeyondThePolicyLoseTheirFindingsAndNothingElse() {
        Map<String, Long> scans = new LinkedHashMap<>();
        long repository = QuarkusTransaction.requiringNew().call(() -> {
            SeededScans seeded = new SeededScans(session(), "housekeeping");
            // Two scans in one week more than a year ago, three in one day 100 days ago, then two recent ones.
            scans.put("week-older", seeded.scan(0, 1, 30));
            scans.put("week-newer", seeded.scan(0, 1, 40));
            scans.put("day-first", seeded.scan(0, 1, 50));
            scans.put("day-second", seeded.scan(0, 1, 60));
            scans.put("day-last", seeded.scan(0, 1, 70));
            scans.put("ten-days-ago", seeded.scan(10, 1, 80));
            scans.put("newest", seeded.scan(0, 1, 90));
            commit(scans.get("week-older"), "date_trunc('week', now() - interval '400 days', 'UTC') + interval '1 day 10 hours'");
            commit(scans.get("week-newer"), "date_trunc('week', now() - interval '400 days', 'UTC') + interval '3 days 10 hours'");
            commit(scans.get("day-first"), "date_trunc('day', now() - interval '100 days', 'UTC') + interval '8 hours'");
            commit(scans.get("day-second"), "date_trunc('day', now() - interval '100 days', 'UTC') + interval '9 hours'");
            commit(scans.get("day-last"), "date_trunc('day', now() - interval '100 days', 'UTC') + interval '10 hours'");
            String[] order = {"day-first", "day-second", "day-last", "ten-days-ago", "newest"};
            previous(scans.get("day-first"), scans.get("week-newer"));
            for (int i = 1; i < order.length; i++) {
                previous(scans.get(order[i]), scans.get(order[i - 1]));
            }
            session().createNativeMutationQuery("update scan set finished_at = now() - interval '2 days'"
                    + " where repository_id = ?1").setParameter(1, seeded.repository()).executeUpdate();
            return seeded.repository();
        });
        try {
            removesExactlyTheScansBeyondThePolicy(repository, scans);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> SeededScans.delete(session(), repository));
        }
    }

    private void removesExactlyTheScansBeyondThePolicy(long repository, Map<String, Long> scans) {
        Trends.Query all = new Trends.Query("main", "2000-01-01", null, null);
        Trends.Trend before = QuarkusTransaction.requiringNew().call(() -> trends.repositoryTrend(repository, all))
                .orElseThrow();

        housekeeping.removeBeyondPolicy(OffsetDateTime.now());

        Map<String, Long> findings = new LinkedHashMap<>();
        scans.forEach((name, scan) -> findings.put(name, QuarkusTransaction.requiringNew().call(() -> session()
                .createNativeQuery("select count(*) from finding where scan_id = ?1", Long.class)
                .setParameter(1, scan).getSingleResult())));
        // Kept: the newest, the recent one, the newest of the old day and of the old week, and the
        // baseline of the old day's newest; removed: what only a removed or unkept scan compared with.
        assertEquals(Map.of("week-older", 0L, "week-newer", 40L, "day-first", 0L, "day-second", 60L, "day-last", 70L,
                "ten-days-ago", 80L, "newest", 90L), findings);
        Trends.Trend after = QuarkusTransaction.requiringNew().call(() -> trends.repositoryTrend(repository, all))
                .orElseThrow();
        assertEquals(before, after);
        assertEquals(7, after.points().size());
        assertEquals(0, housekeeping.removeBeyondPolicy(OffsetDateTime.now()).scans(), "a second run removes nothing");
        for (String export : new String[] {"findings", "findings.csv", "findings.sarif", "unsafe-sites"}) {
            given().get("/api/v1/scans/" + scans.get("day-first") + "/" + export).then().statusCode(410)
                    .body(containsString("removed by housekeeping"));
        }
        given().get("/api/v1/scans/" + scans.get("day-second") + "/findings").then().statusCode(200);
        // clippy's output for a removed scan's commit is kept for the commit, but not applied to it:
        // with its findings gone, its counts would be recounted from the imported lints alone.
        String commit = "ab".repeat(20);
        QuarkusTransaction.requiringNew().run(() -> session().createNativeMutationQuery(
                "update scan set commit_sha = ?2 where id = ?1").setParameter(1, scans.get("day-first"))
                .setParameter(2, commit).executeUpdate());
        given().contentType("application/x-ndjson")
                .body(DiagnosticImportTest.recorded("/diagnostics/target-kinds-clippy.jsonl"))
                .queryParam("commit", commit).post("/api/v1/repositories/{id}/diagnostics", repository)
                .then().statusCode(201).body("scans", hasSize(0));
        Trends.Trend afterUpload = QuarkusTransaction.requiringNew().call(() -> trends.repositoryTrend(repository, all))
                .orElseThrow();
        assertEquals(after.points().stream().map(Trends.Point::findingsBySeverity).toList(),
                afterUpload.points().stream().map(Trends.Point::findingsBySeverity).toList());
        assertEquals(after.points().stream().map(Trends.Point::metrics).toList(),
                afterUpload.points().stream().map(Trends.Point::metrics).toList());
        // The findings page says so too, rather than "no finding matches".
        given().queryParam("repository", repository).queryParam("scan", scans.get("day-first")).get("/findings").then()
                .statusCode(200).body(containsString("Housekeeping removed the findings and unsafe sites of this scan on"),
                        not(containsString("No finding matches these filters.")),
                        containsString("0 findings in scan #" + scans.get("day-first")));
    }

    /**
     * An unchanged rescan reads the finding rows and unsafe sites of the scan it repeats: removing
     * that scan keeps them while the rescan is kept, and they go when the rescan is removed too.
     */
    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void sharedFindingsStayWhileAScanKeptReadsThem() {
        withSharedHistory("housekeeping-shared", scans -> {
            given().get("/api/v1/scans/" + scans.get("rescan") + "/findings").then().statusCode(200).body("total",
                    equalTo(30));
            assertEquals(1, housekeeping.removeBeyondPolicy(OffsetDateTime.now()).scans(), "the first scan is removed");
            assertEquals(30L, findingRows(scans.get("first")), "its rows stay: the rescan, kept, reads them");
            assertEquals(3L, siteRows(scans.get("first")));
            given().get("/api/v1/scans/" + scans.get("first") + "/findings").then().statusCode(410);
            given().get("/api/v1/scans/" + scans.get("rescan") + "/findings").then().statusCode(200).body("total",
                    equalTo(30));
            given().get("/api/v1/scans/" + scans.get("rescan") + "/unsafe-sites").then().statusCode(200)
                    .body("unsafeSites.line", equalTo(List.of(1, 2, 3)));
            // The newest scan moved to later that day: the rescan is no longer the newest of its day.
            QuarkusTransaction.requiringNew().run(() -> commit(scans.get("newest"),
                    "date_trunc('day', now() - interval '100 days', 'UTC') + interval '10 hours'"));
            Housekeeping.Removed removed = housekeeping.removeBeyondPolicy(OffsetDateTime.now());
            assertEquals(30L, removed.findings(), "the rows go with the last scan reading them");
            assertEquals(3L, removed.unsafeSites());
            assertEquals(0L, findingRows(scans.get("first")));
            assertEquals(0L, siteRows(scans.get("first")));
        });
    }

    /**
     * The rows housekeeping kept for an unchanged rescan alone go when the rescan gets rows of its
     * own (its findings are about to change; test coverage is imported for its unsafe sites).
     */
    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void keptRowsGoWhenTheirLastReaderGetsItsOwn() {
        withSharedHistory("housekeeping-own", scans -> {
            assertEquals(1, housekeeping.removeBeyondPolicy(OffsetDateTime.now()).scans());
            assertEquals(30L, findingRows(scans.get("first")));
            QuarkusTransaction.requiringNew().run(() -> SharedFindings.beforeChanging(entityManager,
                    Scan.findById(scans.get("rescan"))));
            assertEquals(0L, findingRows(scans.get("first")), "no kept scan reads them any more");
            assertEquals(30L, findingRows(scans.get("rescan")));
            given().get("/api/v1/scans/" + scans.get("rescan") + "/findings").then().statusCode(200)
                    .body("total", equalTo(30));
            assertEquals(3L, siteRows(scans.get("first")));
            QuarkusTransaction.requiringNew().run(() -> SharedUnsafeSites.copyForScan(entityManager,
                    scans.get("rescan")));
            assertEquals(0L, siteRows(scans.get("first")), "no kept scan reads them any more");
            assertEquals(3L, siteRows(scans.get("rescan")));
            given().get("/api/v1/scans/" + scans.get("rescan") + "/unsafe-sites").then().statusCode(200)
                    .body("unsafeSites.line", equalTo(List.of(1, 2, 3)));
        });
    }

    /**
     * A scan that housekeeping removed but whose rows a kept rescan reads, changed after all (a
     * backfill tracks its commit again): the rescan gets the rows, and the removed scan keeps none.
     */
    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void aRemovedScansKeptRowsGoToTheRescanWhenTheyChange() {
        withSharedHistory("housekeeping-heir", scans -> {
            assertEquals(1, housekeeping.removeBeyondPolicy(OffsetDateTime.now()).scans());
            QuarkusTransaction.requiringNew().run(() -> SharedFindings.beforeChanging(entityManager,
                    Scan.findById(scans.get("first"))));
            assertEquals(0L, findingRows(scans.get("first")));
            assertEquals(30L, findingRows(scans.get("rescan")));
            given().get("/api/v1/scans/" + scans.get("rescan") + "/findings").then().statusCode(200)
                    .body("total", equalTo(30));
        });
    }

    /**
     * Runs {@code test} on a seeded repository of its own, named {@code name}: a first scan and an
     * unchanged rescan sharing its 30 findings and 3 unsafe sites, both committed 100 days ago (the rescan the newest of
     * that day), and a scan of now with 40, all stored two days ago; deleted afterwards.
     */
    private void withSharedHistory(String name, Consumer<Map<String, Long>> test) {
        Map<String, Long> scans = new LinkedHashMap<>();
        long repository = QuarkusTransaction.requiringNew().call(() -> {
            SeededScans seeded = new SeededScans(session(), name);
            scans.put("first", seeded.scan(0, 1, 30));
            scans.put("rescan", seeded.scan(0, 1, 0));
            scans.put("newest", seeded.scan(0, 1, 40));
            commit(scans.get("first"), "date_trunc('day', now() - interval '100 days', 'UTC') + interval '8 hours'");
            commit(scans.get("rescan"), "date_trunc('day', now() - interval '100 days', 'UTC') + interval '9 hours'");
            session().createNativeMutationQuery("update scan set findings_of = ?2,"
                    + " commit_sha = (select commit_sha from scan where id = ?2) where id = ?1")
                    .setParameter(1, scans.get("rescan")).setParameter(2, scans.get("first")).executeUpdate();
            new FindingCounts(session()).recount(scans.get("rescan"));
            session().createNativeMutationQuery("""
                    insert into unsafe_site (crate_snapshot_id, kind, path, line, col, in_test_code)
                    select s.id, 'BLOCK', 'src/lib.rs', n, 5, false from crate_snapshot s, generate_series(1, 3) n
                    where s.scan_id = ?1""").setParameter(1, scans.get("first")).executeUpdate();
            session().createNativeMutationQuery("update crate_snapshot set unsafe_sites_of = (select id from"
                    + " crate_snapshot where scan_id = ?2) where scan_id = ?1").setParameter(1, scans.get("rescan"))
                    .setParameter(2, scans.get("first")).executeUpdate();
            session().createNativeMutationQuery("update scan set finished_at = now() - interval '2 days'"
                    + " where repository_id = ?1").setParameter(1, seeded.repository()).executeUpdate();
            return seeded.repository();
        });
        try {
            test.accept(scans);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> SeededScans.delete(session(), repository));
        }
    }

    private long findingRows(long scan) {
        return QuarkusTransaction.requiringNew().call(() -> session()
                .createNativeQuery("select count(*) from finding where scan_id = ?1", Long.class)
                .setParameter(1, scan).getSingleResult());
    }

    /** The unsafe_site rows carrying the ids of the scan's snapshots: its own sites and those it lends. */
    private long siteRows(long scan) {
        return QuarkusTransaction.requiringNew().call(() -> session().createNativeQuery("select count(*) from"
                + " unsafe_site u join crate_snapshot s on s.id = u.crate_snapshot_id where s.scan_id = ?1", Long.class)
                .setParameter(1, scan).getSingleResult());
    }

    private void commit(long scan, String time) {
        session().createNativeMutationQuery("update scan set committed_at = " + time + " where id = ?1")
                .setParameter(1, scan).executeUpdate();
    }

    private void previous(long scan, long baseline) {
        session().createNativeMutationQuery("update scan set previous_scan_id = ?2 where id = ?1")
                .setParameter(1, scan).setParameter(2, baseline).executeUpdate();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
