package cn.bqw.village.republishing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.testkit.TopicReader;
import cn.bqw.village.TestDivisions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RepublishTest {

    @Test
    void anAdminRepublishesTheCurrentStateOfEverything() {
        String before = java.time.Instant.now().toString();
        TestDivisions.register(List.of(
                "{\"code\":\"449600000000\",\"nameZh\":\"重发市\"}",
                "{\"code\":\"449601000000\",\"nameZh\":\"重发县\"}",
                "{\"code\":\"449601101000\",\"nameZh\":\"重发镇\"}"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"nameZh\":\"重发村\",\"category\":\"ORDINARY\"}")
                .put("/api/v1/villages/449601101001")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(TestTokens.editor("449600000000"))
                .post("/api/v1/admin/republish")
                .then()
                .statusCode(403);
        var republished = given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/v1/admin/republish")
                .then()
                .statusCode(200)
                .body("divisions", greaterThanOrEqualTo(3))
                .body("villages", greaterThanOrEqualTo(1))
                .extract()
                .jsonPath();
        // On record: who republished, when, and how much; the editor's refused attempt is not an act.
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("action", "republish")
                .queryParam("from", before)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].actor", org.hamcrest.Matchers.equalTo("tester"))
                .body(
                        "items[0].outcome",
                        org.hamcrest.Matchers.equalTo(republished.getLong("divisions") + " divisions, "
                                + republished.getLong("villages") + " villages published again"));

        List<String> ours = List.of("449600000000", "449601000000", "449601101000", "449601101001");
        var records = TopicReader.readUntil(
                "bqw.divisions.v1",
                read -> read.stream().filter(r -> ours.contains(r.key())).count() >= 8,
                Duration.ofSeconds(60));
        // Each once when written and once more when republished, with the same type.
        Map<String, List<String>> typesByKey = records.stream()
                .filter(r -> ours.contains(r.key()))
                .collect(Collectors.groupingBy(
                        r -> r.key(), Collectors.mapping(r -> TopicReader.header(r, "ce_type"), Collectors.toList())));
        assertEquals(
                Map.of(
                        "449600000000", List.of("bqw.division.registered.v1", "bqw.division.registered.v1"),
                        "449601000000", List.of("bqw.division.registered.v1", "bqw.division.registered.v1"),
                        "449601101000", List.of("bqw.division.registered.v1", "bqw.division.registered.v1"),
                        "449601101001", List.of("bqw.village.registered.v1", "bqw.village.registered.v1")),
                typesByKey);
    }
}
