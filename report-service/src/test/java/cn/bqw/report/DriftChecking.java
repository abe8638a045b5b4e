package cn.bqw.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import cn.bqw.testkit.TestTokens;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;

/** A drift check through the API, as an admin runs one: started (202), then followed until it is done. */
public final class DriftChecking {

    private DriftChecking() {}

    /** The finished check's report, as the root of the answer's paths ({@code differences}, …). */
    public static ValidatableResponse report() {
        // One check at a time: another test's may still run (the permission matrix starts one).
        awaitNotRunning();
        given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/v1/admin/drift-check")
                .then()
                .statusCode(202)
                .header("Location", endsWith("/api/v1/admin/drift-check"))
                .body("state", equalTo("RUNNING"));
        awaitNotRunning();
        return given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/admin/drift-check")
                .then()
                .statusCode(200)
                .body("state", equalTo("DONE"))
                .rootPath("report");
    }

    public static void awaitNotRunning() {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !"RUNNING"
                        .equals(given().auth()
                                .oauth2(TestTokens.admin())
                                .get("/api/v1/admin/drift-check")
                                .path("state")));
    }
}
