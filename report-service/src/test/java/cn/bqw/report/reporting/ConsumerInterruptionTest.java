package cn.bqw.report.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.report.DriftChecking;
import cn.bqw.report.OwnApplication;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestEvents;
import cn.bqw.testkit.TestInfrastructure;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The consumer loses Kafka mid-stream (the broker stops while a stream of observations is being
 * applied, and comes back): what was applied but not yet committed is delivered again, and in the
 * end every value counts once and the aggregates have no drift (province 95,
 * year 2024). The indicator's
 * definition races its first observations on another topic, as it may in production.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(ConsumerInterruptionTest.OwnGroup.class)
class ConsumerInterruptionTest {

    /**
     * An application of its own (its own database, a consumer group of its own reading every topic
     * from the start), so that stopping the broker disturbs no other test's consumers.
     */
    public static class OwnGroup extends OwnApplication {
        public OwnGroup() {
            super("report-interruption", CITY);
        }
    }

    static final String CITY = "950100000000";
    static final String TOWNSHIP = "950101001000";
    static final int VILLAGES = 200;
    static final int MONTHS = 10;

    @Inject
    DataSource dataSource;

    @Test
    void anInterruptedStreamEndsWithEveryValueOnceAndNoDrift() throws Exception {
        try (TestEvents events = new TestEvents()) {
            events.send(TOPIC_DIVISIONS, "bqw.division.registered.v1", CITY, division(CITY, "CITY", null));
            events.send(
                    TOPIC_DIVISIONS,
                    "bqw.division.registered.v1",
                    "950101000000",
                    division("950101000000", "COUNTY", CITY));
            events.send(
                    TOPIC_DIVISIONS,
                    "bqw.division.registered.v1",
                    TOWNSHIP,
                    division(TOWNSHIP, "TOWNSHIP", "950101000000"));
            events.send(
                    "bqw.indicators.v1",
                    "bqw.indicator.defined.v1",
                    "T_KILL",
                    """
                    {"code":"T_KILL","nameZh":"中断测试","campaign":"RURAL","unit":"个","aggregation":"SUM",
                     "overTime":"FLOW","direction":"UP","reportedAt":"VILLAGE","frequency":"MONTHLY","version":0}""");
            for (int month = 1; month <= MONTHS; month++) {
                for (int v = 1; v <= VILLAGES; v++) {
                    String village = TOWNSHIP.substring(0, 9) + "%03d".formatted(v);
                    events.send(
                            "bqw.observations.v1",
                            "bqw.observation.recorded.v1",
                            "T_KILL|" + village + "|TOTAL",
                            """
                            {"indicator":"T_KILL","region":"%s","period":"2024-%02d","area":"TOTAL","value":%d,"version":1}"""
                                    .formatted(village, month, v % 5 + 1));
                }
            }
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> applied() > 0);
        TestInfrastructure.stopBroker();
        try {
            Thread.sleep(3000);
        } finally {
            TestInfrastructure.startBroker();
        }
        // Σ over 200 villages of 10 × (v mod 5 + 1) = 10 × 40 × (2 + 3 + 4 + 5 + 1) = 6,000.
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "6000".equals(cityTotal()));
        assertEquals(VILLAGES * MONTHS, applied());
        DriftChecking.report().body("differences", empty()).body("activeVillageDifferences", empty());
    }

    static final String TOPIC_DIVISIONS = "bqw.divisions.v1";

    private long applied() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM fact WHERE indicator_code = 'T_KILL'")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String cityTotal() {
        var answer = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2024)
                .queryParam("asOf", "2024-10")
                .get("/api/v1/reports/regions/" + CITY);
        if (answer.statusCode() != 200) {
            return null;
        }
        Map<String, Object> assessment =
                answer.jsonPath().getMap("campaigns.indicators.flatten().find { it.code == 'T_KILL' }.assessment");
        Object actual = assessment == null ? null : assessment.get("actual");
        return actual == null ? null : actual.toString();
    }

    private static String division(String code, String level, String parent) {
        return """
                {"code":"%s","level":"%s","parentCode":%s,"nameZh":"中断%s","urbanDistrict":false,"version":0}"""
                .formatted(code, level, parent == null ? "null" : "\"" + parent + "\"", code);
    }
}
