package cn.bqw.report.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.bqw.platform.security.Permission;
import cn.bqw.report.DriftChecking;
import cn.bqw.report.OperationsApplication;
import cn.bqw.testkit.PermissionMatrix;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of report-service with every kind of token, against the permission table. It
 * shares the rebuild test's application: the admin's calls of {@code POST /admin/rebuild} and
 * {@code POST /admin/drift-check} really rebuild and check, and the test waits for both to end.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(OperationsApplication.class)
class PermissionMatrixTest {

    @Test
    void everyOperationAnswersEveryTokenAsThePermissionTableSays() throws Exception {
        try {
            new PermissionMatrix("http://localhost:" + RestAssured.port, "770101001000", "770102000000")
                    .runAndAssert(Map.of(
                            Permission.BULLETIN_PUBLISH.name(),
                            PermissionMatrix.Sample.json(
                                    "/api/v1/bulletins", "770101001000", "{\"region\":\"770101001000\",\"year\":2025}"),
                            // A year no test has values of: the rebuild test's rebuilds restore it from its copy.
                            Permission.YEAR_CLOSE.name(),
                            PermissionMatrix.Sample.of("/api/v1/admin/closed-years/2001")));
        } finally {
            DriftChecking.awaitNotRunning();
            await().atMost(Duration.ofSeconds(120)).until(() -> !given().auth()
                    .oauth2(TestTokens.admin())
                    .get("/api/v1/admin/rebuild")
                    .path("state")
                    .toString()
                    .matches("REPLAYING|SWITCHING"));
        }
    }
}
