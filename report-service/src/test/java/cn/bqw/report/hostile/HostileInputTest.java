package cn.bqw.report.hostile;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.HostileInput;
import cn.bqw.testkit.HostileInput.Table;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite for report-service (cases in {@code hostile-input.jsonl}, county 880101),
 * and decimals read from events exactly as their producer wrote them.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class HostileInputTest {

    static final String CITY = "880100000000";
    static final String COUNTY = "880101000000";
    static boolean ready;

    @Inject
    DataSource database;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void city() {
        if (ready) {
            return;
        }
        try (ProjectionEvents events = new ProjectionEvents()) {
            // A county whose city is not registered: the deployment's city (the first CITY in the
            // replica, until reports take a region) stays the other tests' own.
            events.division(COUNTY, "COUNTY", CITY, "恶意县", "LEAD")
                    .indicator("HOST_EXACT", "SUM", "FLOW", "COUNTY", "个");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> report(COUNTY).isPresent());
        ready = true;
    }

    @Test
    void noHostileRequestGetsA5xxOrStoresAnything() throws Exception {
        new HostileInput(
                        "http://localhost:" + RestAssured.port,
                        database,
                        List.of(
                                Table.count("region_replica"),
                                Table.count("target"),
                                Table.count("indicator_def"),
                                Table.rows("bulletin"),
                                Table.rows("closed_year")))
                .runAndAssert("hostile-input.jsonl");
    }

    @Test
    void aDecimalTooLongForADoubleIsReportedExactly() throws Exception {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.observation("HOST_EXACT", COUNTY, "2025-01", "TOTAL", "\"value\":12345678901234.5678");
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> report(COUNTY).map(r -> actual(r, "HOST_EXACT")).orElse(null) != null);
        // Through a double it would be 12345678901234.568359375, reported as 12345678901234.5684.
        assertEquals(
                new BigDecimal("12345678901234.5678"), actual(report(COUNTY).orElseThrow(), "HOST_EXACT"));
    }

    private Optional<JsonNode> report(String region) throws Exception {
        String body = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .get("/api/v1/reports/regions/" + region)
                .then()
                .extract()
                .asString();
        JsonNode report = json.readTree(body);
        return report.has("campaigns") ? Optional.of(report) : Optional.empty();
    }

    private static BigDecimal actual(JsonNode report, String indicator) {
        for (JsonNode campaign : report.path("campaigns")) {
            for (JsonNode row : campaign.path("indicators")) {
                if (indicator.equals(row.path("code").asText())
                        && row.path("assessment").hasNonNull("actual")) {
                    return row.path("assessment").get("actual").decimalValue().stripTrailingZeros();
                }
            }
        }
        return null;
    }
}
