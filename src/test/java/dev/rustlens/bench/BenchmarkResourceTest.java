package dev.rustlens.bench;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.bench.ingest.BenchFixtures;
import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.scan.ScanFlowTest;
import dev.rustlens.web.SameOrigin;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark endpoints over HTTP against PostgreSQL, with the real fixtures. */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class BenchmarkResourceTest {

    private static final String INGEST = "/api/v1/repositories/{id}/benchmarks";

    @Inject
    BenchmarkService service;

    @TempDir
    Path dir;

    static final String GATE_CONDITION =
            "verdict.conditions.find { it.condition.type == 'no_open_benchmark_regressions' }";

    private long repository() throws Exception {
        try (Git git = TestRepositories.create(dir.resolve(UUID.randomUUID().toString()),
                Map.of("Cargo.toml", "[package]\nname = \"b\"\nversion = \"0.1.0\"\n", "src/lib.rs", "pub fn f() {}\n"))) {
            return given().contentType(ContentType.JSON)
                    .body(Map.of("name", "bench-" + UUID.randomUUID(), "url", TestRepositories.url(git), "branch", "main"))
                    .when().post("/api/v1/repositories").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }

    private static RequestSpecification at(String commit) {
        return given().queryParam("commit", commit).queryParam("branch", "main").queryParam("testbed", "ci-x86");
    }

    private static byte[] bytes(String fixture) {
        return BenchFixtures.text(fixture).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String bmf(double latency) {
        return "{\"parse\": {\"latency\": {\"value\": " + latency + "}}}";
    }

    @Test
    void aCriterionArchiveIsStoredOnceAndListedWithLatestValue() throws Exception {
        long id = repository();
        byte[] archive = BenchFixtures.tarGz("criterion/", BenchFixtures.criterionFiles(), null);
        at("c1").queryParam("crate", "fixture-bench").contentType("application/gzip").body(archive)
                .when().post(INGEST, id).then().statusCode(200).body("stored", equalTo(3)).body("updated", equalTo(0));
        at("c1").contentType("application/gzip").body(archive)
                .when().post(INGEST, id).then().statusCode(200).body("stored", equalTo(0)).body("updated", equalTo(3));
        JsonPath list = given().when().get(INGEST, id).then().statusCode(200).body("$", hasSize(3)).extract().jsonPath();
        assertEquals(List.of("fibonacci 15", "fnv1a/4k", "fnv1a/4k"), list.getList("benchmark"));
        assertEquals(List.of("latency", "latency", "throughput-bytes"), list.getList("measure"));
        assertEquals("fixture-bench", list.getString("[0].crate"));
        assertEquals("ok", list.getString("[0].status"));
        assertEquals("ns", list.getString("[0].unit"));

        // The same run as multipart files and as BMF, under other commits, stores the same values.
        var multipart = at("c2").multiPart("fnv1a/4k/new/estimates.json", "estimates.json",
                bytes("criterion/fnv1a/4k/new/estimates.json"))
                .multiPart("fnv1a/4k/new/benchmark.json", "benchmark.json", bytes("criterion/fnv1a/4k/new/benchmark.json"));
        multipart.when().post(INGEST, id).then().statusCode(200).body("stored", equalTo(2));
        at("c3").contentType(ContentType.JSON).body(BenchFixtures.text("bmf.json"))
                .when().post(INGEST, id).then().statusCode(200).body("stored", equalTo(3));
        long fnv = list.getLong("[1].benchmarkId");
        List<Float> values = given().when().get("/api/v1/benchmarks/{id}/history", fnv).then().statusCode(200)
                .body("points", hasSize(3)).extract().jsonPath().getList("points.value", Float.class);
        assertEquals(values.get(0), values.get(1));
        assertEquals(values.get(0), values.get(2));
    }

    @Test
    void theComparisonHasEveryBenchmarkWithTheMeasureByNameOldestResultFirstOnTheBranchAsked() throws Exception {
        long id = repository();
        for (int i = 1; i <= 3; i++) {
            given().queryParam("commit", "c" + i).queryParam("branch", i == 3 ? "feature" : "main")
                    .queryParam("testbed", "ci-x86").contentType(ContentType.JSON)
                    .body("{\"beta\": {\"latency\": {\"value\": " + (20 + i) + "}}, \"alpha\": {\"latency\": {\"value\": "
                            + (10 + i) + "}}, \"gamma\": {\"throughput-bytes\": {\"value\": " + (30 + i) + "}}}")
                    .when().post(INGEST, id).then().statusCode(200).body("stored", equalTo(3));
        }
        given().queryParam("measure", "latency").when().get(INGEST + "/compare", id).then().statusCode(200)
                .body("series.benchmark", equalTo(List.of("alpha", "beta")))
                .body("series[0].points.value", equalTo(List.of(11f, 12f, 13f)))
                .body("series[1].points.value", equalTo(List.of(21f, 22f, 23f)))
                .body("series[1].points.commit", equalTo(List.of("c1", "c2", "c3")));
        given().queryParam("measure", "latency").queryParam("branch", "main").when().get(INGEST + "/compare", id)
                .then().statusCode(200).body("series[0].points.value", equalTo(List.of(11f, 12f)))
                .body("series[1].points.value", equalTo(List.of(21f, 22f)));
        given().queryParam("measure", "latency").queryParam("branch", "feature").queryParam("testbed", "other")
                .when().get(INGEST + "/compare", id).then().statusCode(200)
                .body("series.benchmark", equalTo(List.of("alpha", "beta"))).body("series[0].points", hasSize(0));
        given().queryParam("measure", "throughput-bytes").when().get(INGEST + "/compare", id).then().statusCode(200)
                .body("unit", equalTo("B/s")).body("series.benchmark", equalTo(List.of("gamma")))
                .body("series[0].points.value", equalTo(List.of(31f, 32f, 33f)));
    }

    @Test
    void theBenchmarksPageShowsABenchmarkWithASingleResult() throws Exception {
        long id = repository();
        at("c1").contentType(ContentType.JSON).body(bmf(12.5)).when().post(INGEST, id).then().statusCode(200)
                .body("stored", equalTo(1));
        String page = given().when().get("/repositories/{id}/benchmarks", id).then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();
        assertTrue(page.contains(">parse</a>") && page.contains("<td>12.50 ns</td><td></td>"), page);
    }

    @Test
    void valuesAreInScaledUnitsAtTheirCommitTimeAndSeveralBenchmarksShareAChart() throws Exception {
        long id = repository();
        String scanned = ScanFlowTest.awaitScan(ScanFlowTest.startScan(id)).getString("commit");
        String throughput = "{\"decode\": {\"throughput-bytes\": {\"value\": 759883190.817}},"
                + " \"parse\": {\"latency\": {\"value\": 6506.717, \"lower_value\": 6410, \"upper_value\": 6620}}}";
        at("c1").queryParam("committedAt", "2026-11-02T09:30:00+01:00").contentType(ContentType.JSON)
                .body(throughput).when().post(INGEST, id).then().statusCode(200).body("stored", equalTo(2));
        // Without committedAt, the commit's scan says when it was made.
        at(scanned).contentType(ContentType.JSON).body(bmf(6000)).when().post(INGEST, id).then().statusCode(200);
        at("c1").queryParam("committedAt", "yesterday").contentType(ContentType.JSON).body(bmf(1))
                .when().post(INGEST, id).then().statusCode(400).body("detail", containsString("committedAt must be"));

        String page = given().when().get("/repositories/{id}/benchmarks", id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<td>724.7 MiB/s</td>"), page);
        assertTrue(page.contains("<td>6.000 µs</td><td>-7.8% <small>vs 6.507 µs</small></td>"),
                "the change is against the baseline window's mean: " + page);
        assertTrue(page.contains("data-compare=\"/api/v1/repositories/" + id + "/benchmarks/compare?measure=latency\""), page);
        assertTrue(page.contains("data-compare=\"/api/v1/repositories/" + id
                + "/benchmarks/compare?measure=throughput-bytes\""), page);

        long parse = given().when().get(INGEST, id).then().extract().jsonPath()
                .getLong("find { it.measure == 'latency' }.benchmarkId");
        JsonPath history = given().when().get("/api/v1/benchmarks/{id}/history", parse).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("2026-11-02T08:30:00Z", history.getString("points[0].committedAt"));
        assertNotNull(history.getString("points[1].committedAt"), "the scanned commit's time");
        String chart = given().when().get("/benchmarks/{id}", parse).then().statusCode(200).extract().asString();
        assertTrue(chart.contains("<td>6.507 µs</td><td>6.410 – 6.620 µs</td>"), chart);
        assertTrue(chart.contains("<time datetime=\"2026-11-02T08:30:00Z\">"), chart);

        given().queryParam("measure", "latency").when().get(INGEST + "/compare", id).then().statusCode(200)
                .body("unit", equalTo("ns")).body("series", hasSize(1)).body("series[0].benchmark", equalTo("parse"))
                .body("series[0].points", hasSize(2)).body("series[0].points[0].committedAt", equalTo("2026-11-02T08:30:00Z"));
        given().queryParam("measure", "nope").when().get(INGEST + "/compare", id).then().statusCode(400);
        given().when().get(INGEST + "/compare", id).then().statusCode(400).body("detail", containsString("measure"));
    }

    @Test
    void libtestTextAndCargoCriterionLinesAreAccepted() throws Exception {
        long id = repository();
        at("c1").contentType(ContentType.TEXT).body(BenchFixtures.text("libtest.txt"))
                .when().post(INGEST, id).then().statusCode(200).body("stored", equalTo(3));
        at("c1").contentType("application/x-ndjson").body(bytes("cargo-criterion.ndjson"))
                .when().post(INGEST, id).then().statusCode(200).body("stored", equalTo(3));
        at("c2").queryParam("format", "libtest").contentType(ContentType.JSON).body("not libtest")
                .when().post(INGEST, id).then().statusCode(400).body("detail", containsString("libtest output"));
    }

    @Test
    void badUploadsAre400AndStoreNothing() throws Exception {
        long id = repository();
        given().queryParam("commit", "c1").queryParam("branch", "main").contentType(ContentType.JSON).body(bmf(1))
                .when().post(INGEST, id).then().statusCode(400)
                .body("detail", equalTo("the \"testbed\" parameter is required"));
        at("c1").contentType(ContentType.JSON)
                .body("{\"good\": {\"latency\": {\"value\": 5}}, \"bad\": {\"latency\": {\"value\": \"x\"}}}")
                .when().post(INGEST, id).then().statusCode(400)
                .body("detail", equalTo("Bencher Metric Format body: field 'bad.latency.value' must be a finite number"));
        at("c1").contentType("application/gzip").body(BenchFixtures.tarGz("../", BenchFixtures.criterionFiles(), null))
                .when().post(INGEST, id).then().statusCode(400).body("detail", containsString("points outside"));
        given().when().get(INGEST, id).then().statusCode(200).body("$", hasSize(0));
        at("c1").contentType(ContentType.JSON).body(bmf(1)).when().post(INGEST, 999_999_999L).then().statusCode(404);
        given().when().get(INGEST, 999_999_999L).then().statusCode(404);
    }

    /** A scanned repository's benchmark with eight stable results and then one 10% slower: the upload that raised one alert. */
    private JsonPath plantedRegression(long id) throws InterruptedException {
        ScanFlowTest.awaitScan(ScanFlowTest.startScan(id));
        double[] stable = {100, 101, 99, 100, 100, 101, 99, 100};
        for (int i = 0; i < stable.length; i++) {
            at("s" + i).contentType(ContentType.JSON).body(bmf(stable[i])).when().post(INGEST, id)
                    .then().statusCode(200).body("alerts", hasSize(0));
        }
        assertEquals(0, service.openAlertCount(id));
        return at("slow").contentType(ContentType.JSON).body(bmf(110)).when().post(INGEST, id)
                .then().statusCode(200).body("alerts", hasSize(1)).extract().jsonPath();
    }

    @Test
    void oneRegressionSeenOnTwoTestbedsIsOneAlertCountedOnce() throws Exception {
        long id = repository();
        ScanFlowTest.awaitScan(ScanFlowTest.startScan(id));
        double[] stable = {100, 101, 99, 100, 100, 101, 99, 100};
        List<Long> alerts = new ArrayList<>();
        for (String testbed : List.of("ci-x86", "ci-arm")) {
            for (int i = 0; i < stable.length; i++) {
                given().queryParam("commit", "s" + i).queryParam("branch", "main").queryParam("testbed", testbed)
                        .contentType(ContentType.JSON).body(bmf(stable[i])).when().post(INGEST, id)
                        .then().statusCode(200).body("alerts", hasSize(0));
            }
            alerts.add(given().queryParam("commit", "slow").queryParam("branch", "main").queryParam("testbed", testbed)
                    .contentType(ContentType.JSON).body(bmf(110)).when().post(INGEST, id)
                    .then().statusCode(200).body("alerts", hasSize(1)).extract().jsonPath().getLong("alerts[0].id"));
        }
        assertEquals(alerts.get(0), alerts.get(1), "the second testbed's breach joins the first one's alert");
        assertEquals(1, service.openAlertCount(id));
        given().queryParam("status", "open").when().get("/api/v1/repositories/{id}/benchmarks/alerts", id)
                .then().statusCode(200).body("$", hasSize(1));
        given().when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(200)
                .body(GATE_CONDITION + ".actual", equalTo("1"));
    }

    @Test
    void aPlantedRegressionRaisesAnAlertThatLivesAndFeedsTheGate() throws Exception {
        long id = repository();
        JsonPath raised = plantedRegression(id);
        assertEquals("t_test", raised.getString("alerts[0].test"));
        assertEquals(100.0, raised.getDouble("alerts[0].baselineMean"), 1e-9);
        assertEquals(0.755929, raised.getDouble("alerts[0].baselineSpread"), 1e-6);
        assertEquals(10.0, raised.getDouble("alerts[0].changePercent"), 1e-9);
        assertEquals(1, service.openAlertCount(id));
        long alert = raised.getLong("alerts[0].id");
        String page = given().when().get("/repositories/{id}/benchmarks", id).then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();
        assertTrue(page.contains("<tr class=\"alert\">"), "the open alert is listed on the benchmarks page");
        assertTrue(page.contains("bench-regressed"), page);
        long benchmarkId = given().when().get(INGEST, id).then().extract().jsonPath().getLong("[0].benchmarkId");
        String chart = given().queryParam("branch", "main").queryParam("testbed", "ci-x86")
                .when().get("/benchmarks/{id}", benchmarkId).then().statusCode(200).extract().asString();
        assertTrue(chart.contains("data-history=\"/api/v1/benchmarks/" + benchmarkId
                + "/history?measure=latency&amp;branch=main&amp;testbed=ci-x86\""), chart);
        assertTrue(chart.contains("open: +10.0% over a mean of 100.0 ns<"), chart);
        given().when().get("/benchmarks/{id}", 999_999_999L).then().statusCode(404);
        given().when().get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").then().statusCode(200);
        given().when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(200)
                .body("status", equalTo("failed"))
                .body(GATE_CONDITION + ".passed", equalTo(false)).body(GATE_CONDITION + ".actual", equalTo("1"));

        JsonPath list = given().when().get(INGEST, id).then().statusCode(200).extract().jsonPath();
        assertEquals("regressed", list.getString("[0].status"));
        long benchmark = list.getLong("[0].benchmarkId");
        JsonPath history = given().queryParam("branch", "main").queryParam("testbed", "ci-x86")
                .when().get("/api/v1/benchmarks/{id}/history", benchmark).then().statusCode(200)
                .body("points", hasSize(9)).extract().jsonPath();
        assertNull(history.get("points[0].upperLimit"));
        assertEquals(102.403687, history.getDouble("points[8].upperLimit"), 1e-3);
        assertEquals(alert, history.getLong("points[8].alert.id"));
        assertNotNull(history.get("threshold"));
        given().queryParam("testbed", "other").when().get("/api/v1/benchmarks/{id}/history", benchmark)
                .then().statusCode(200).body("points", hasSize(0));
        given().queryParam("measure", "nope").when().get("/api/v1/benchmarks/{id}/history", benchmark)
                .then().statusCode(400);
        given().when().get("/api/v1/benchmarks/{id}/history", 999_999_999L).then().statusCode(404);

        given().queryParam("status", "open").when().get("/api/v1/repositories/{id}/benchmarks/alerts", id)
                .then().statusCode(200).body("$", hasSize(1));
        given().queryParam("status", "closed").when().get("/api/v1/repositories/{id}/benchmarks/alerts", id)
                .then().statusCode(400);
        given().when().post("/api/v1/benchmark-alerts/{id}/acknowledge", alert).then().statusCode(200)
                .body("status", equalTo("acknowledged")).body("changedBy", equalTo("maintainer"));
        assertEquals(0, service.openAlertCount(id));
        given().when().get("/api/v1/repositories/{id}/gate/status", id).then().body(GATE_CONDITION + ".passed", equalTo(true));
        given().when().post("/api/v1/benchmark-alerts/{id}/acknowledge", alert).then().statusCode(409);
        given().when().post("/api/v1/benchmark-alerts/{id}/resolve", alert).then().statusCode(200)
                .body("status", equalTo("resolved"));
        given().when().post("/api/v1/benchmark-alerts/{id}/resolve", alert).then().statusCode(409);
        given().when().post("/api/v1/benchmark-alerts/{id}/resolve", 999_999_999L).then().statusCode(404);

        // Re-sending the regressed commit updates it in place and raises nothing new.
        at("slow").contentType(ContentType.JSON).body(bmf(110)).when().post(INGEST, id)
                .then().statusCode(200).body("updated", equalTo(1)).body("alerts", hasSize(0));
    }

    @Test
    void aMaintainerAcknowledgesAndResolvesAnAlertFromTheBenchmarksPage() throws Exception {
        long id = repository();
        long alert = plantedRegression(id).getLong("alerts[0].id");
        assertEquals(id, given().when().get("/api/v1/repositories/{id}/benchmarks/alerts", id).then()
                .extract().jsonPath().getLong("[0].repositoryId"));
        given().when().get("/repositories/{id}/benchmarks", id).then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/benchmark-alerts/" + alert + "/acknowledge\""),
                        containsString("<form method=\"post\" action=\"/benchmark-alerts/" + alert + "/resolve\""));

        String location = given().header(SameOrigin.header()).redirects().follow(false)
                .when().post("/benchmark-alerts/{id}/acknowledge", alert).then().statusCode(303).extract().header("Location");
        assertTrue(location.endsWith("/repositories/" + id + "/benchmarks?message=The+alert+on+parse+%28latency%29+is+acknowledged."),
                location);
        assertEquals(0, service.openAlertCount(id), "an acknowledged alert no longer fails the gate");
        given().queryParam("message", "The alert on parse (latency) is acknowledged.")
                .when().get("/repositories/{id}/benchmarks", id).then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\">The alert on parse (latency) is acknowledged.</p>"),
                        containsString("acknowledged by maintainer"),
                        not(containsString("/benchmark-alerts/" + alert + "/acknowledge")),
                        containsString("/benchmark-alerts/" + alert + "/resolve"));
        given().header(SameOrigin.header()).when().post("/benchmark-alerts/{id}/acknowledge", alert).then().statusCode(409)
                .contentType(containsString("text/html")).body(containsString("is acknowledged and cannot become acknowledged"));

        given().header(SameOrigin.header()).redirects().follow(false).when().post("/benchmark-alerts/{id}/resolve", alert)
                .then().statusCode(303);
        given().when().get("/repositories/{id}/benchmarks", id).then().statusCode(200)
                .body(containsString("No open regression alert."), not(containsString("/benchmark-alerts/" + alert)));
        given().header(SameOrigin.header()).when().post("/benchmark-alerts/{id}/resolve", 999_999_999L).then().statusCode(404)
                .body(containsString("There is no benchmark alert 999999999."));
        given().when().post("/benchmark-alerts/{id}/resolve", alert).then().statusCode(403);
    }

    @Test
    void thresholdsCanBeReadAndSet() throws Exception {
        long id = repository();
        at("c1").contentType(ContentType.JSON).body(bmf(100)).when().post(INGEST, id).then().statusCode(200);
        long benchmark = given().when().get(INGEST, id).then().extract().jsonPath().getLong("[0].benchmarkId");
        given().when().get("/api/v1/benchmarks/{id}/thresholds", benchmark).then().statusCode(200)
                .body("[0].test", equalTo("t_test")).body("[0].isDefault", equalTo(true))
                .body("[0].upperBoundary", equalTo(0.99f));
        given().contentType(ContentType.JSON)
                .body(Map.of("test", "percentage", "windowSize", 10, "minSampleSize", 3, "upperBoundary", 0.1))
                .when().put("/api/v1/benchmarks/{id}/thresholds/latency", benchmark).then().statusCode(200)
                .body("test", equalTo("percentage"));
        given().when().get("/api/v1/benchmarks/{id}/thresholds", benchmark).then().statusCode(200)
                .body("[0].test", equalTo("percentage")).body("[0].isDefault", equalTo(false));
        given().contentType(ContentType.JSON)
                .body(Map.of("test", "z_score", "windowSize", 10, "minSampleSize", 3, "upperBoundary", 3))
                .when().put("/api/v1/benchmarks/{id}/thresholds/latency", benchmark).then().statusCode(400)
                .body("detail", containsString("upperBoundary 3.0 is not valid for z_score"));
        given().contentType(ContentType.JSON)
                .body(Map.of("test", "percentage", "windowSize", 10, "minSampleSize", 3, "upperBoundary", 0.1))
                .when().put("/api/v1/benchmarks/{id}/thresholds/latency", 999_999_999L).then().statusCode(404);
        given().when().get("/api/v1/benchmarks/{id}/thresholds", 999_999_999L).then().statusCode(404);
    }
}
