package dev.rustlens.trend;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.finding.FindingFilter;
import dev.rustlens.finding.FindingRow;
import dev.rustlens.http.PageCursor;
import dev.rustlens.scan.DiagnosticImports;
import dev.rustlens.scan.SeededScans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The findings of every repository's current scan at the level of their query, on seeded scans of
 * varied findings: for every order and filter (fixed findings too), paging by cursor visits every
 * finding a direct query lists, once, in its order, and the total (from the stored counts, less what
 * triage takes out) is what that query counts; a filter the counts cannot answer is counted up to
 * the cap and says so.
 */
@QuarkusTest
@TestSecurity(user = "viewer", roles = "viewer")
class PortfolioFindingsTest {

    /** Checks (one an imported lint) and severities the seeded findings cycle through. */
    private static final String FINDINGS = """
            select (array['unwrap_used', 'missing_docs', 'transmute', 'clippy::needless_return'])[1 + n %% 4],
                   (array['MINOR', 'INFO', 'MAJOR', 'CRITICAL', 'BLOCKER'])[1 + n %% 5],
                   (array['src/a.rs', 'src/b/c.rs', 'tests/it.rs'])[1 + n %% 3], 1 + n %% 7, 1 + n %% 2, 1 + n %% 7, 9,
                   'seeded', n %% 6 = 0, case when n %% 11 = 0 then 'COMMENT' else 'NONE' end,
                   md5('%s' || n), case when n < %d then 'unchanged' else 'new' end
            from generate_series(%d, %d) n""";
    private static final List<FindingFilter> FILTERS = List.of(
            new FindingFilter(null, null, null, null, null, null, null),
            new FindingFilter(null, "unwrap_used", null, null, null, null, null),
            new FindingFilter(null, "clippy::needless_return", null, null, null, null, null),
            new FindingFilter(null, null, "MAJOR", null, null, null, null),
            new FindingFilter(null, null, null, "new", null, null, null),
            new FindingFilter("big", null, null, null, null, true, null),
            new FindingFilter(null, null, null, null, null, null, true),
            new FindingFilter(null, null, "MINOR", null, null, null, false),
            new FindingFilter(null, null, null, null, "src/b", null, null),
            new FindingFilter("no-such-crate", null, null, null, null, null, null));

    @Inject
    EntityManager entityManager;
    @Inject
    PortfolioFindings portfolio;

    private final List<Long> seeded = new ArrayList<>();

    @AfterEach
    void deleteSeeded() {
        QuarkusTransaction.requiringNew().run(() -> seeded.forEach(id -> SeededScans.delete(session(), id)));
    }

    @Test
    void pagesAndTotalsAreThoseOfADirectQuery() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int repository = 0; repository < 5; repository++) {
                SeededScans scans = new SeededScans(session(), "portfolio");
                seeded.add(scans.repository());
                String fingerprints = "r" + repository + "-";
                long previous = scans.scan(3, 30, FINDINGS.formatted(fingerprints, 0, 0, 29));
                // The current scan fixed findings 0-9 and has 10-29 again, and 20 new ones.
                long current = scans.scan(1, 40 + repository * 3, FINDINGS.formatted(fingerprints, 30, 10,
                        49 + repository * 3));
                session().createNativeMutationQuery("update scan set previous_scan_id = ?1 where id = ?2")
                        .setParameter(1, previous).setParameter(2, current).executeUpdate();
                // Triage takes out some findings that count, one mark lapsed, one on a finding that does not count.
                for (int n : new int[] {12, 13, 31, 36, 42}) {
                    session().createNativeMutationQuery("insert into finding_triage (repository_id, fingerprint,"
                            + " status, reason, marked_by, expires_at) values (?1, md5(?2), 'accepted', 'seeded',"
                            + " 'test', case when ?3 = 42 then now() - interval '1 day' end)")
                            .setParameter(1, scans.repository()).setParameter(2, fingerprints + n).setParameter(3, n)
                            .executeUpdate();
                }
            }
        });
        for (PortfolioFindings.Order order : PortfolioFindings.Order.values()) {
            for (FindingFilter filter : FILTERS) {
                for (boolean fixed : new boolean[] {false, true}) {
                    if (fixed && filter.tracking() != null) {
                        continue;
                    }
                    String what = order + " " + filter + (fixed ? " fixed" : "");
                    List<Long> expected = direct(filter, fixed, order);
                    List<Long> paged = new ArrayList<>();
                    Set<Long> seen = new HashSet<>();
                    Long after = null;
                    boolean first = true;
                    while (first || after != null) {
                        first = false;
                        PortfolioFindings.Page page = portfolio.page(new PortfolioFindings.Query(null, filter, fixed,
                                order, after, 7));
                        assertEquals(expected.size(), page.total(), "total, " + what);
                        assertFalse(page.totalCapped(), what);
                        assertEquals(currentScans(), page.repositories(), what);
                        for (PortfolioFindings.RepositoryFinding finding : page.findings()) {
                            assertTrue(seen.add(finding.finding().id()), "twice: " + finding + ", " + what);
                            paged.add(finding.finding().id());
                        }
                        after = PageCursor.idKey(page.nextCursor());
                        assertEquals(page.nextCursor() == null, paged.size() == expected.size(), what);
                    }
                    assertEquals(expected, paged, what);
                }
            }
        }
        assertTrue(direct(FILTERS.get(6), false, PortfolioFindings.Order.id).size() > 20,
                "the seeding has findings that count");
        assertTrue(direct(FILTERS.getFirst(), true, PortfolioFindings.Order.id).size() >= 40, "and fixed ones");
    }

    @Test
    void aFilterTheCountsCannotAnswerIsCountedUpToTheCap() {
        QuarkusTransaction.requiringNew().run(() -> {
            SeededScans scans = new SeededScans(session(), "portfolio-big");
            seeded.add(scans.repository());
            // Two of three are under src/.
            int count = PortfolioFindings.COUNT_CAP * 2;
            scans.scan(1, count, FINDINGS.formatted("big", 0, 0, count - 1));
        });
        FindingFilter byPath = new FindingFilter(null, null, null, null, "src/", null, null);
        long underSrc = direct(byPath, false, PortfolioFindings.Order.id).size();
        assertTrue(underSrc > PortfolioFindings.COUNT_CAP, "seeded " + underSrc);
        PortfolioFindings.Page capped = portfolio.page(new PortfolioFindings.Query(null, byPath, false,
                PortfolioFindings.Order.path, null, 5));
        assertEquals(PortfolioFindings.COUNT_CAP, capped.total());
        assertTrue(capped.totalCapped());
        // Without the path the stored counts answer, however many findings there are.
        PortfolioFindings.Page all = portfolio.page(new PortfolioFindings.Query(null, FILTERS.getFirst(), false,
                PortfolioFindings.Order.path, null, 5));
        assertEquals(direct(FILTERS.getFirst(), false, PortfolioFindings.Order.id).size(), all.total());
        assertFalse(all.totalCapped());

        JsonPath json = given().queryParam("path", "src/").queryParam("limit", 1).when().get("/api/v1/findings").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(PortfolioFindings.COUNT_CAP, json.getLong("total"));
        assertTrue(json.getBoolean("totalCapped"));
        assertFalse(given().queryParam("limit", 1).when().get("/api/v1/findings").then().statusCode(200).extract()
                .jsonPath().getBoolean("totalCapped"));
        String page = given().queryParam("path", "src/").when().get("/findings").then().statusCode(200).extract()
                .asString();
        assertTrue(page.contains("more than " + PortfolioFindings.COUNT_CAP + " findings in the current scans of"),
                page);
        assertNull(json.get("findings[1]"));
    }

    @Test
    void theCrateFilterListsTheCratesOfEveryCurrentScan() {
        String crate = "crate-filter-" + UUID.randomUUID() + "-";
        QuarkusTransaction.requiringNew().run(() -> {
            // One: its current scan is its newest succeeded scan of main, not the newer scan of another
            // branch nor the newer failed one, nor the older one; it has no previous scan, so the fixed
            // findings list none of its scans, but its crates are still current.
            SeededScans one = new SeededScans(session(), "crate-filter");
            seeded.add(one.repository());
            scan(one, "main", "succeeded", 9, crate + "one-older");
            scan(one, "main", "succeeded", 5, crate + "one", crate + "shared");
            scan(one, "feature", "succeeded", 1, crate + "one-feature");
            scan(one, "main", "failed", 1, crate + "one-failed");
            // Two: a crate named as one of one's is listed once; its previous scan's crate is not.
            SeededScans two = new SeededScans(session(), "crate-filter");
            seeded.add(two.repository());
            long previous = scan(two, "main", "succeeded", 4, crate + "two-previous");
            long current = scan(two, "main", "succeeded", 2, crate + "two", crate + "shared");
            session().createNativeMutationQuery("update scan set previous_scan_id = ?1 where id = ?2")
                    .setParameter(1, previous).setParameter(2, current).executeUpdate();
            // Three: only a failed scan, so no current one.
            SeededScans three = new SeededScans(session(), "crate-filter");
            seeded.add(three.repository());
            scan(three, "main", "failed", 1, crate + "three-failed");
        });
        List<String> everyCurrentScans = QuarkusTransaction.requiringNew().call(() -> session().createNativeQuery(
                "select distinct c.name from repository r join crate_snapshot s on s.scan_id = ("
                        + RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST + " limit 1)"
                        + " join crate c on c.id = s.crate_id order by c.name", String.class).getResultList());
        assertEquals(List.of(crate + "one", crate + "shared", crate + "two"),
                everyCurrentScans.stream().filter(name -> name.startsWith(crate)).toList());
        for (boolean fixed : new boolean[] {false, true}) {
            PortfolioFindings.Query query = new PortfolioFindings.Query(null, FILTERS.getFirst(), fixed,
                    PortfolioFindings.Order.path, null, 7);
            PortfolioFindings.PageWithCrateNames listed = portfolio.pageWithCrateNames(query);
            assertEquals(everyCurrentScans, listed.crateNames(), fixed ? "fixed" : "current");
            assertEquals(portfolio.page(query), listed.page());
        }
        String page = given().when().get("/findings").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<option>" + crate + "shared</option>"), page);
        assertFalse(page.contains(crate + "one-feature"), "another branch's crate");
        assertFalse(page.contains(crate + "three-failed"), "a failed scan's crate");
    }

    /** A scan of {@code repository}'s branch committed {@code daysAgo} days ago, with a snapshot of each crate named. */
    private long scan(SeededScans repository, String branch, String status, int daysAgo, String... crates) {
        long scan = session().createNativeQuery("""
                insert into scan (repository_id, branch, commit_sha, trigger, status, queued_at, committed_at)
                values (?1, ?2, md5(random()::text), 'schedule', ?3, now(), now() - interval '1 day' * ?4)
                returning id""", Long.class).setParameter(1, repository.repository()).setParameter(2, branch)
                .setParameter(3, status).setParameter(4, daysAgo).getSingleResult();
        for (String name : crates) {
            session().createNativeMutationQuery("insert into crate (repository_id, name) values (?1, ?2)"
                    + " on conflict do nothing").setParameter(1, repository.repository()).setParameter(2, name)
                    .executeUpdate();
            session().createNativeMutationQuery("""
                    insert into crate_snapshot (scan_id, crate_id, path, version, edition, files, code_lines,
                        unsafe_blocks, unsafe_functions, unsafe_methods, unsafe_impls, unsafe_traits, extern_blocks,
                        unsafe_in_macros, findings, metrics, score, grade, score_formula)
                    select ?1, c.id, ?2, '0.1.0', '2021', 1, 10, 0, 0, 0, 0, 0, 0, 0, 0, '{}'::jsonb, 80, 'B', 1
                    from crate c where c.repository_id = ?3 and c.name = ?2""")
                    .setParameter(1, scan).setParameter(2, name).setParameter(3, repository.repository())
                    .executeUpdate();
        }
        return scan;
    }

    /** The ids of the findings {@code filter} keeps, listed by one query over every current scan's findings. */
    private List<Long> direct(FindingFilter filter, boolean fixed, PortfolioFindings.Order order) {
        // The scan ids the finding rows carry: an unchanged rescan reads those of the scan it repeats.
        String currentRows = "coalesce(cur.findings_of, cur.id)";
        String scan = fixed ? "(select coalesce(p.findings_of, p.id) from scan p where p.id = cur.previous_scan_id)"
                : currentRows;
        FindingFilter.Sql where = filter.sql(scan);
        String fixedOnly = fixed ? " and not exists (select 1 from finding n where n.scan_id = " + currentRows
                + " and n.fingerprint = f.fingerprint) and " + DiagnosticImports.comparable("f", "cur.id") : "";
        String sql = "select f.id from repository r join scan cur on cur.id = ("
                + RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST + " limit 1) join finding f on f.scan_id = "
                + scan + " join crate_snapshot s on s.id = f.crate_snapshot_id join crate c on c.id = s.crate_id"
                + " where " + where.where() + fixedOnly + " order by " + order.sql();
        return QuarkusTransaction.requiringNew().call(() -> session().doReturningWork(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = FindingRow.prepare(connection, sql, where.parameters());
                    ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
            return ids;
        }));
    }

    private int currentScans() {
        return QuarkusTransaction.requiringNew().call(() -> session().createNativeQuery("select count(*) from"
                + " repository r where exists (" + RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST + ")",
                Long.class).getSingleResult().intValue());
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
