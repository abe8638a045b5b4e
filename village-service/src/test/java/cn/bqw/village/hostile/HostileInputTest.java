package cn.bqw.village.hostile;

import static io.restassured.RestAssured.given;

import cn.bqw.testkit.HostileInput;
import cn.bqw.testkit.HostileInput.Table;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.village.TestDivisions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite for village-service (cases in {@code hostile-input.jsonl}, prefix 4488):
 * numbers, text, JSON, CSV and parameters no client may get past the edge.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class HostileInputTest {

    @Inject
    DataSource database;

    @Test
    void noHostileRequestGetsA5xxOrStoresAnything() throws Exception {
        TestDivisions.register(List.of(
                "{\"code\":\"448800000000\",\"nameZh\":\"恶意市\"}",
                "{\"code\":\"448801000000\",\"nameZh\":\"恶意县\",\"countyClass\":\"LEAD\",\"population\":1000}",
                "{\"code\":\"448801001000\",\"nameZh\":\"恶意镇\"}"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"nameZh\":\"恶意村\",\"category\":\"ORDINARY\",\"residentPopulation\":100}")
                .put("/api/v1/villages/448801001001")
                .then()
                .statusCode(201);
        new HostileInput(
                        "http://localhost:" + RestAssured.port,
                        database,
                        List.of(
                                Table.rows("division"),
                                Table.rows("village"),
                                Table.rows("audit_entry"),
                                Table.rows("idempotent_request"),
                                Table.count("outbox_event")))
                .runAndAssert("hostile-input.jsonl");
    }
}
