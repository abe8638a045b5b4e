package cn.bqw.indicator.targets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request over the row limit is refused whole (the limit is lowered here so that the test is quick). */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(ImportLimitTest.ThreeRows.class)
class ImportLimitTest {

    public static class ThreeRows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bqw.import.max-rows", "3");
        }
    }

    @Test
    void aBatchOverTheRowLimitIsA413AndStoresNothing() {
        String row = "{\"indicator\":\"X\",\"region\":\"960100000000\",\"year\":2025,\"value\":1,\"kind\":\"BINDING\"}";
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body("[" + row + "," + row + "," + row + "," + row + "]")
                .post("/api/v1/targets:batch")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 3 rows"));
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body("[" + row + "," + row + "," + row + "]")
                .post("/api/v1/targets:batch")
                .then()
                .statusCode(200)
                .body("conflicts.size()", equalTo(3));
    }
}
