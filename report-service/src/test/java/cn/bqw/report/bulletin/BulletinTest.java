package cn.bqw.report.bulletin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.bqw.report.OwnApplication;
import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestEvents;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Bulletins of the city 770500000000 (an application of its own, reporting on that city): an edition
 * keeps its content and digest whatever is revised later; a correction is a new, numbered edition.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(BulletinTest.OwnCity.class)
class BulletinTest {

    public static class OwnCity extends OwnApplication {
        public OwnCity() {
            super("report-bulletins", CITY);
        }
    }

    static final String CITY = "770500000000";
    static final String COUNTY = "770501000000";
    static final String VILLAGE = "770501001001";

    @Inject
    DataSource database;

    @Test
    void anEditionNeverChangesAndACorrectionIsTheNextOne() throws Exception {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.indicator("BUL_COUNT", "SUM", "FLOW", "VILLAGE", "个")
                    .division(CITY, "CITY", null, "通报市", null)
                    .division(COUNTY, "COUNTY", CITY, "通报县", "LEAD")
                    .division("770501001000", "TOWNSHIP", COUNTY, "通报镇", null)
                    .village(VILLAGE, "770501001000", "ORDINARY", 100)
                    .target("BUL_COUNT", CITY, 2025, "100")
                    .target("BUL_COUNT", COUNTY, 2025, "100")
                    .observation("BUL_COUNT", VILLAGE, "2025-06", "TOTAL", "\"value\":30");
        }
        awaitCityActual("30");

        publish(TestTokens.viewer(), CITY, null).statusCode(403);
        publish(TestTokens.editor(CITY), CITY, null).statusCode(403);
        publish(TestTokens.approver("770600000000"), CITY, null).statusCode(403);
        var first = publish(TestTokens.approver(CITY), CITY, null)
                .statusCode(201)
                .body("number", equalTo(1))
                .body("title", equalTo("通报市百千万工程2025年第1期通报"))
                .body("asOf", equalTo("2025-06"))
                .body("publishedBy", equalTo("tester"))
                .body("content.rankings.counties.region", contains(COUNTY))
                .extract()
                .jsonPath();
        long id = first.getLong("id");
        String published = content(id);
        assertEquals(sha256(published), first.getString("sha256"));
        assertEquals(
                "30",
                plain(
                        first.getString(
                                "content.report.campaigns.collectMany { it.indicators }.find { it.code == 'BUL_COUNT' }.assessment.actual")));

        // A revision after publishing moves the live report, not the edition.
        try (TestEvents events = new TestEvents()) {
            events.send(
                    "bqw.observations.v1",
                    "bqw.observation.recorded.v1",
                    "BUL_COUNT|" + VILLAGE + "|TOTAL",
                    "{\"indicator\":\"BUL_COUNT\",\"region\":\"" + VILLAGE
                            + "\",\"period\":\"2025-06\",\"area\":\"TOTAL\",\"value\":50,\"version\":2,"
                            + "\"recordedBy\":\"editor-revise\",\"recordedAt\":\"" + java.time.Instant.now()
                            + "\",\"replacedValue\":30}");
        }
        awaitCityActual("50");
        assertEquals(published, content(id));
        var again = given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/bulletins/" + id)
                .then()
                .body("sha256", equalTo(first.getString("sha256")))
                .extract()
                .jsonPath();
        assertEquals(
                "30",
                plain(
                        again.getString(
                                "content.report.campaigns.collectMany { it.indicators }.find { it.code == 'BUL_COUNT' }.assessment.actual")));

        // What changed since: the figure, then and now, the revision behind it, the county's score.
        var changes = given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/bulletins/" + id + "/changes")
                .then()
                .statusCode(200)
                .body("figures.indicator", contains("BUL_COUNT"))
                .body("figures[0].region", equalTo(CITY))
                .body("figures[0].revisions.region", contains(VILLAGE))
                .body("figures[0].revisions[0].recordedBy", equalTo("editor-revise"))
                .body("figures[0].revisions[0].version", equalTo(2))
                .body("counties.region", contains(COUNTY))
                .extract()
                .jsonPath();
        assertEquals("30", plain(changes.getString("figures[0].published")));
        assertEquals("50", plain(changes.getString("figures[0].current")));
        assertEquals("30", plain(changes.getString("figures[0].revisions[0].replacedValue")));

        // A correction is the next edition and names the one it corrects.
        var correction = publish(TestTokens.approver(CITY), CITY, id)
                .statusCode(201)
                .body("number", equalTo(2))
                .body("corrects", equalTo((int) id))
                .extract()
                .jsonPath();
        assertEquals(
                "50",
                plain(
                        correction.getString(
                                "content.report.campaigns.collectMany { it.indicators }.find { it.code == 'BUL_COUNT' }.assessment.actual")));
        assertNotEquals(first.getString("sha256"), correction.getString("sha256"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/bulletins/" + correction.getLong("id") + "/changes")
                .then()
                .body("figures", org.hamcrest.Matchers.empty())
                .body("counties", org.hamcrest.Matchers.empty());
        publish(TestTokens.approver(CITY), CITY, 999_999L).statusCode(400);
        long countyEdition = publish(TestTokens.admin(), COUNTY, null)
                .statusCode(201)
                .body("number", equalTo(1))
                .body("content.rankings", org.hamcrest.Matchers.nullValue())
                .extract()
                .jsonPath()
                .getLong("id");
        publish(TestTokens.approver(CITY), CITY, countyEdition).statusCode(400);

        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", CITY)
                .queryParam("year", 2025)
                .get("/api/v1/bulletins")
                .then()
                .statusCode(200)
                .body("number", contains(2, 1))
                .body("content", contains(null, null));
        given().auth()
                .oauth2(TestTokens.viewer())
                .accept("text/html")
                .get("/api/v1/bulletins/" + id)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("通报市百千万工程2025年第1期通报"))
                .body(containsString(first.getString("sha256")))
                // Names, not codes, on the printed page: the campaign and every status in Chinese.
                .body(containsString("<h2>宜居宜业和美乡村</h2>"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*>(ACHIEVED|ON_TRACK|AT_RISK|OFF_TRACK|NOT_ACHIEVED|NO_TARGET|NO_DATA|RURAL)<.*")));

        given().auth()
                .oauth2(TestTokens.viewer())
                .accept("text/csv")
                .get("/api/v1/bulletins/" + id)
                .then()
                .statusCode(200)
                .body(containsString("测试BUL_COUNT"))
                .body(containsString(",30"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/bulletins/" + id)
                .then()
                .statusCode(200);

        // Not even the database lets an edition change or go.
        try (Connection connection = database.getConnection()) {
            assertThrows(SQLException.class, () -> connection
                    .createStatement()
                    .executeUpdate("UPDATE bulletin SET title = 'x' WHERE id = " + id));
            assertThrows(
                    SQLException.class,
                    () -> connection.createStatement().executeUpdate("DELETE FROM bulletin WHERE id = " + id));
        }
    }

    private static ValidatableResponse publish(String token, String region, Long corrects) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"region\":\"" + region + "\",\"year\":2025"
                        + (corrects == null ? "" : ",\"corrects\":" + corrects) + "}")
                .post("/api/v1/bulletins")
                .then();
    }

    private static String content(long id) {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/bulletins/" + id + "/content")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static void awaitCityActual(String actual) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            String live = given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParam("year", 2025)
                    .get("/api/v1/reports/overview")
                    .then()
                    .body("region", equalTo(CITY))
                    .extract()
                    .jsonPath()
                    .getString(
                            "campaigns.collectMany { it.indicators }.find { it.code == 'BUL_COUNT' }.assessment.actual");
            assertEquals(actual, plain(live));
        });
    }

    private static String plain(String number) {
        return number == null
                ? null
                : new java.math.BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
