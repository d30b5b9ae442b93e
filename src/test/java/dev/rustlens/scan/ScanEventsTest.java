package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class ScanEventsTest {

    @TestHTTPResource("/")
    URL base;

    /** One Server-Sent Event: its name and its JSON data. */
    record Event(String name, JsonNode data) {
    }

    @Test
    void streamsProgressUntilTheScanEnds(@TempDir Path dir) throws Exception {
        try (Git git = ScanFlowTest.workspace(dir)) {
            long scanId = startScan(register(TestRepositories.url(git)));
            List<Event> events = read(scanId);

            Event end = events.getLast();
            assertEquals("end", end.name());
            assertEquals("succeeded", end.data().get("status").asText());
            assertEquals(scanId, end.data().get("id").asLong());
            assertEquals(end.data().get("filesTotal").asInt(), end.data().get("filesDone").asInt());
            assertTrue(end.data().get("filesTotal").asInt() > 0);
            events.subList(0, events.size() - 1).forEach(event -> assertEquals("progress", event.name()));
        }
    }

    @Test
    void aScanThatHasEndedGetsOneEndEvent(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            long scanId = startScan(register(TestRepositories.url(git)));
            awaitScan(scanId);
            List<Event> events = read(scanId);
            assertEquals(1, events.size());
            assertEquals("end", events.getFirst().name());
        }
    }

    @Test
    void anUnknownScanIsNotFound() {
        given().when().get("/api/v1/scans/{id}/events", 999_999).then().statusCode(404);
    }

    private List<Event> read(long scanId) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/scans/" + scanId + "/events"))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Event> events = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    events.add(new Event(name, json.readTree(line.substring(5).trim())));
                }
            }
        }
        return events;
    }
}
