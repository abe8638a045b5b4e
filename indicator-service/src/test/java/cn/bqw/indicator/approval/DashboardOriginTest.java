package cn.bqw.indicator.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.bqw.testkit.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The dashboard, served from report-service's origin, may take approval steps here from the
 * browser; no other origin may (the token still decides who acts).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DashboardOriginTest {

    @Test
    void theDashboardsOriginMayPostApprovalStepsAndNoOtherMay() {
        given().urlEncodingEnabled(false)
                .header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/approvals/770601001000/2025-10/RURAL/approve")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"));
        given().urlEncodingEnabled(false)
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/approvals/770601001000/2025-10/RURAL/approve")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
