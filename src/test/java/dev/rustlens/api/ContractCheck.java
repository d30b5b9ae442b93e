package dev.rustlens.api;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds every API response of the Quarkus tests to the contract /q/openapi publishes
 * ({@link OpenApiContract}): installed as a REST Assured filter before each test, it fails the
 * request that got an undocumented status or a body that does not match its documented schema.
 */
public class ContractCheck implements QuarkusTestBeforeEachCallback, OrderedFilter {

    /** How many API responses were checked, for the test that proves the check ran. */
    static final AtomicLong CHECKED = new AtomicLong();

    private static volatile OpenApiContract contract;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ContractCheck.class::isInstance)) {
            RestAssured.filters(this);
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // next to the wire: what the server sent, before any other filter sees it
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expectation,
            FilterContext context) {
        Response response = context.next(request, expectation);
        URI uri = URI.create(request.getURI());
        if (!uri.getRawPath().startsWith("/api/") || List.of("HEAD", "OPTIONS").contains(request.getMethod())) {
            return response;
        }
        List<String> violations = contract(uri).violations(request.getMethod(), uri.getRawPath(),
                response.getStatusCode(), response.getContentType(), response.asByteArray());
        CHECKED.incrementAndGet();
        if (!violations.isEmpty()) {
            throw new AssertionError("the response breaks the API contract of /q/openapi:\n  "
                    + String.join("\n  ", violations) + "\nbody: " + abbreviated(response.asString()));
        }
        return response;
    }

    private static String abbreviated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }

    /** The document of the server under test, read once: every test profile serves the same one. */
    private static OpenApiContract contract(URI server) {
        OpenApiContract known = contract;
        if (known == null) {
            synchronized (ContractCheck.class) {
                if (contract == null) {
                    contract = new OpenApiContract(document(server.resolve("/q/openapi?format=json")));
                }
                known = contract;
            }
        }
        return known;
    }

    private static String document(URI uri) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
