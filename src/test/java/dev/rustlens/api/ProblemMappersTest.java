package dev.rustlens.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.rustlens.gate.GateService;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Which exceptions a client is told are its fault (400) and which are the server's (500). */
@QuarkusTest
class ProblemMappersTest {

    @Test
    void anIllegalArgumentFromDeepInTheServerIsAnInternalErrorNotABadRequest() {
        long repositoryId = QuarkusTransaction.requiringNew().call(() -> TestRepositories.registered("problems-").id);
        // A library refusing an argument our code passed it: a bug of ours, whatever its message says.
        QuarkusMock.installMockForType(new GateService(null, null, null, null, null) {
            @Override
            public GateSettings settings(long id) {
                throw new IllegalArgumentException("Illegal embedded value: a library's words about our bug");
            }
        }, GateService.class);
        given().when().get("/api/v1/repositories/{id}/gate", repositoryId).then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", equalTo("internal error; the server log has the details"));
    }
}
