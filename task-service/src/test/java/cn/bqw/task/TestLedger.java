package cn.bqw.task;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.bqw.testkit.TestEvents;
import cn.bqw.testkit.TestTokens;
import io.restassured.http.ContentType;
import java.time.Duration;

/**
 * The regions and indicators task-service's tests need, sent onto the topics as village-service
 * and indicator-service publish them, and departments registered once they are known.
 */
public final class TestLedger {

    private TestLedger() {}

    /**
     * A city and its two counties (codes with {@code prefix}, like 7201), the indicator
     * RURAL_TOILET, a department of each county ({@code 7201-01}, {@code 7201-02}), and {@code
     * departments}: of the city when their code starts with C, else of the first county.
     */
    public static void city(String prefix, String... departments) {
        String city = prefix + "00000000";
        try (TestEvents events = new TestEvents()) {
            events.send("bqw.divisions.v1", "bqw.division.registered.v1", city, division(city, "CITY", null));
            for (String county : new String[] {prefix + "01000000", prefix + "02000000"}) {
                events.send("bqw.divisions.v1", "bqw.division.registered.v1", county, division(county, "COUNTY", city));
            }
            events.send(
                    "bqw.indicators.v1",
                    "bqw.indicator.defined.v1",
                    "RURAL_TOILET",
                    """
                    {"code":"RURAL_TOILET","nameZh":"新建农村公厕","campaign":"RURAL","unit":"座","aggregation":"SUM",
                     "overTime":"FLOW","direction":"UP","reportedAt":"VILLAGE","frequency":"MONTHLY","version":0}""");
        }
        // Each county's own department first: once both are registered, every region is known here.
        java.util.List<String[]> all = new java.util.ArrayList<>();
        all.add(new String[] {prefix + "-01", prefix + "01000000"});
        all.add(new String[] {prefix + "-02", prefix + "02000000"});
        for (String department : departments) {
            all.add(new String[] {department, department.startsWith("C") ? city : prefix + "01000000"});
        }
        for (String[] pair : all) {
            String department = pair[0];
            String region = pair[1];
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                int status = given().auth()
                        .oauth2(TestTokens.admin())
                        .contentType(ContentType.JSON)
                        .body("{\"code\":\"%s\",\"nameZh\":\"部门%s\",\"region\":\"%s\"}"
                                .formatted(department, department, region))
                        .post("/api/v1/departments")
                        .statusCode();
                return status == 201 || status == 409;
            });
        }
    }

    private static String division(String code, String level, String parent) {
        return """
                {"code":"%s","level":"%s","parentCode":%s,"nameZh":"区%s","countyClass":%s,"urbanDistrict":false,"version":0}"""
                .formatted(
                        code,
                        level,
                        parent == null ? "null" : "\"" + parent + "\"",
                        code.substring(2, 6),
                        "COUNTY".equals(level) ? "\"LEAD\"" : "null");
    }
}
