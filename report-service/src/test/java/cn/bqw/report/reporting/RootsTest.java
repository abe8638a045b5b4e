package cn.bqw.report.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.bqw.report.OwnApplication;
import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With no root configured and two cities registered (76…), the reports that default to "the" root
 * refuse to pick one and name them; every report still answers for a region named.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(RootsTest.NoRoot.class)
class RootsTest {

    public static class NoRoot extends OwnApplication {
        public NoRoot() {
            super("report-roots", null);
        }
    }

    static final String FIRST = "760100000000";
    static final String SECOND = "760200000000";

    @Test
    void withSeveralRootsAndNoneConfiguredTheDefaultIsRefusedNeverPicked() {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.division(FIRST, "CITY", null, "第一市", null)
                    .division("760101000000", "COUNTY", FIRST, "第一县", "LEAD")
                    .division(SECOND, "CITY", null, "第二市", null);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .get("/api/v1/reports/regions/" + SECOND)
                .then()
                .statusCode(200));
        for (String view : new String[] {"overview", "rankings", "gaps"}) {
            given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParam("year", 2025)
                    .get("/api/v1/reports/" + view)
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("urn:bqw:problem:conflict"))
                    .body("detail", allOf(containsString(FIRST), containsString(SECOND)));
        }
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .queryParam("region", FIRST)
                .get("/api/v1/reports/rankings")
                .then()
                .statusCode(200)
                .body("region", equalTo(FIRST));
    }
}
