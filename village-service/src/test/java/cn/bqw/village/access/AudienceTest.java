package cn.bqw.village.access;

import static io.restassured.RestAssured.given;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With BQW_JWT_AUDIENCE set, as deploy/ sets it, a token issued for another application is refused. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(AudienceTest.Audience.class)
class AudienceTest {

    public static class Audience implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("BQW_JWT_AUDIENCE", "bqw");
        }
    }

    @Test
    void onlyTokensForThisPlatformAreTaken() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/me").then().statusCode(200);
        given().auth()
                .oauth2(TestTokens.forAudience("another-app"))
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forAudience(null))
                .get("/api/v1/me")
                .then()
                .statusCode(401);
    }
}
