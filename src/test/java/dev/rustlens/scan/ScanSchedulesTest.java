package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class ScanSchedulesTest {

    @Inject
    ScanSchedules schedules;

    @Inject
    EntityManager entityManager;

    @Test
    void aScheduleQueuesScansUntilItIsCleared(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            long repositoryId = register(TestRepositories.url(git));
            given().contentType(ContentType.JSON).body(Map.of("cron", "* * * * * ?"))
                    .when().put("/api/v1/repositories/{id}/schedule", repositoryId)
                    .then().statusCode(200).body("schedule", equalTo("* * * * * ?"));
            given().when().get("/api/v1/repositories/{id}", repositoryId).then().body("schedule", equalTo("* * * * * ?"));

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<String> triggers = List.of();
            while (triggers.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                triggers = given().when().get("/api/v1/repositories/{id}/scans", repositoryId)
                        .then().extract().jsonPath().getList("trigger");
            }
            assertTrue(triggers.contains("schedule"), "a scheduled scan was queued: " + triggers);

            given().when().delete("/api/v1/repositories/{id}/schedule", repositoryId)
                    .then().statusCode(200).body("schedule", nullValue());
        }
    }

    @Test
    void twoSchedulersFiringTogetherQueueOneScanPerFireTime(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            long repositoryId = register(TestRepositories.url(git));
            Instant first = Instant.parse("2026-01-01T03:00:00Z");
            ExecutorService instances = Executors.newFixedThreadPool(2);
            try {
                for (int fire = 0; fire < 10; fire++) {
                    Instant fireTime = first.plusSeconds(60L * fire);
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<Optional<Long>>> outcomes = new ArrayList<>();
                    for (int instance = 0; instance < 2; instance++) {
                        outcomes.add(instances.submit(() -> {
                            together.await();
                            return schedules.fire(repositoryId, fireTime);
                        }));
                    }
                    long queued = 0;
                    for (Future<Optional<Long>> outcome : outcomes) {
                        queued += outcome.get().isPresent() ? 1 : 0;
                    }
                    assertEquals(1, queued, "fire " + fireTime + " queued by exactly one scheduler");
                }
            } finally {
                instances.shutdownNow();
            }
        }
    }

    @Test
    void aFireMissedWhileNoInstanceRanIsCaughtUpOnceAtStartUp(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            long missedId = register(TestRepositories.url(git));
            long freshId = register(TestRepositories.url(git));
            for (long id : List.of(missedId, freshId)) {
                given().contentType(ContentType.JSON).body(Map.of("cron", "0 0 3 * * ?"))
                        .when().put("/api/v1/repositories/{id}/schedule", id).then().statusCode(200);
            }
            // The first schedule was set two days ago and no instance ran since; the second just now.
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update repository set schedule_since = now() - interval '2 days' where id = ?1")
                    .setParameter(1, missedId).executeUpdate());
            ZonedDateTime now = ZonedDateTime.now();
            schedules.catchUp(now);
            schedules.catchUp(now); // a second instance starting at the same time

            assertEquals(List.of("schedule"), given().when().get("/api/v1/repositories/{id}/scans", missedId)
                    .then().extract().jsonPath().getList("trigger"), "one scan for the missed fires");
            assertEquals(List.of(), given().when().get("/api/v1/repositories/{id}/scans", freshId)
                    .then().extract().jsonPath().getList("trigger"), "no fire was due since the schedule was set");
            given().when().delete("/api/v1/repositories/{id}/schedule", missedId).then().statusCode(200);
            given().when().delete("/api/v1/repositories/{id}/schedule", freshId).then().statusCode(200);
        }
    }

    @Test
    void aPausedScheduleKeepsItsCronAndFiresNothingUntilResumed(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            long repositoryId = register(TestRepositories.url(git));
            given().when().post("/api/v1/repositories/{id}/schedule/pause", repositoryId)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("has no schedule to pause"));
            given().contentType(ContentType.JSON).body(Map.of("cron", "0 0 3 * * ?"))
                    .when().put("/api/v1/repositories/{id}/schedule", repositoryId).then().statusCode(200);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update repository set schedule_since = now() - interval '2 days' where id = ?1")
                    .setParameter(1, repositoryId).executeUpdate());

            given().when().post("/api/v1/repositories/{id}/schedule/pause", repositoryId)
                    .then().statusCode(200).body("schedule", equalTo("0 0 3 * * ?"))
                    .body("schedulePausedAt", notNullValue());
            schedules.catchUp(ZonedDateTime.now());
            // Every second while paused: the job is gone, so nothing fires.
            given().contentType(ContentType.JSON).body(Map.of("cron", "* * * * * ?"))
                    .when().put("/api/v1/repositories/{id}/schedule", repositoryId)
                    .then().statusCode(200).body("schedulePausedAt", notNullValue());
            Thread.sleep(2_500);
            assertEquals(List.of(), triggers(repositoryId), "a paused schedule neither fires nor catches up");

            given().when().post("/api/v1/repositories/{id}/schedule/resume", repositoryId)
                    .then().statusCode(200).body("schedulePausedAt", nullValue());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<String> triggers = List.of();
            while (triggers.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                triggers = triggers(repositoryId);
            }
            assertTrue(triggers.contains("schedule"), "the resumed schedule fires again: " + triggers);

            given().when().post("/api/v1/repositories/{id}/schedule/pause", repositoryId).then().statusCode(200);
            given().when().delete("/api/v1/repositories/{id}/schedule", repositoryId)
                    .then().statusCode(200).body("schedule", nullValue()).body("schedulePausedAt", nullValue());
        }
    }

    private static List<String> triggers(long repositoryId) {
        return given().when().get("/api/v1/repositories/{id}/scans", repositoryId)
                .then().extract().jsonPath().getList("trigger");
    }

    @Test
    void rejectsBadSchedules(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            long repositoryId = register(TestRepositories.url(git));
            given().contentType(ContentType.JSON).body(Map.of("cron", "every night"))
                    .when().put("/api/v1/repositories/{id}/schedule", repositoryId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("not a valid Quartz cron expression"));
            given().contentType(ContentType.JSON).body(Map.of())
                    .when().put("/api/v1/repositories/{id}/schedule", repositoryId)
                    .then().statusCode(400).body("detail", containsString("cron"));
            given().contentType(ContentType.JSON).body(Map.of("cron", "0 0 3 * * ?"))
                    .when().put("/api/v1/repositories/{id}/schedule", 999_999)
                    .then().statusCode(404);
        }
    }
}
