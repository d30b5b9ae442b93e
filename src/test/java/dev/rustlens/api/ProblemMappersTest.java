package dev.rustlens.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.rustlens.gate.GateScope;
import dev.rustlens.gate.GateService;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.InternalServerErrorException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which exceptions a client is told are its fault (400) and which are the server's (500). */
@QuarkusTest
class ProblemMappersTest {

    @Test
    void anIllegalArgumentFromDeepInTheServerIsAnInternalErrorNotABadRequest() {
        long repositoryId = QuarkusTransaction.requiringNew().call(() -> TestRepositories.registered("problems-").id);
        // A library refusing an argument our code passed it: a bug of ours, whatever its message says.
        QuarkusMock.installMockForType(new GateService(null, null, null, null, null, null, null, null, null) {
            @Override
            public GateSettings settings(long id, GateScope scope) {
                throw new IllegalArgumentException("Illegal embedded value: a library's words about our bug");
            }
        }, GateService.class);
        given().when().get("/api/v1/repositories/{id}/gate", repositoryId).then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", equalTo("internal error; the server log has the details"));
    }

    @Test
    void aStalledDatabaseWrappedAsAServerErrorIsStillA503() {
        long repositoryId = QuarkusTransaction.requiringNew().call(() -> TestRepositories.registered("problems-").id);
        // The framework may hand a failure over wrapped in a 500 of its own; the cause decides.
        QuarkusMock.installMockForType(new GateService(null, null, null, null, null, null, null, null, null) {
            @Override
            public GateSettings settings(long id, GateScope scope) {
                throw new InternalServerErrorException(new SQLException("An I/O error occurred", "08006"));
            }
        }, GateService.class);
        given().when().get("/api/v1/repositories/{id}/gate", repositoryId).then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("detail", equalTo("the database is unavailable or too slow right now; try again shortly"));
    }
}
