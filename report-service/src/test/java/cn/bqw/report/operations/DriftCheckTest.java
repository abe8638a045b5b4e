package cn.bqw.report.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.bqw.report.DriftChecking;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** One drift check at a time: a second one asked for while the first runs is a conflict. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DriftCheckTest {

    @Inject
    DataSource dataSource;

    @Test
    void aSecondCheckWhileOneRunsIsAConflictAndTheFirstEndsDone() throws Exception {
        DriftChecking.awaitNotRunning();
        // The facts locked in a transaction of our own hold the check at its first read.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE fact IN ACCESS EXCLUSIVE MODE");
            }
            try {
                given().auth()
                        .oauth2(TestTokens.admin())
                        .post("/api/v1/admin/drift-check")
                        .then()
                        .statusCode(202)
                        .body("state", equalTo("RUNNING"));
                given().auth()
                        .oauth2(TestTokens.admin())
                        .post("/api/v1/admin/drift-check")
                        .then()
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("detail", org.hamcrest.Matchers.startsWith("a drift check is running since"));
                given().auth()
                        .oauth2(TestTokens.admin())
                        .get("/api/v1/admin/drift-check")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("RUNNING"))
                        .body("report", org.hamcrest.Matchers.nullValue());
            } finally {
                holder.rollback();
            }
        }
        DriftChecking.awaitNotRunning();
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/admin/drift-check")
                .then()
                .statusCode(200)
                .body("state", equalTo("DONE"))
                .body("report.differenceCount", equalTo(0));
    }
}
