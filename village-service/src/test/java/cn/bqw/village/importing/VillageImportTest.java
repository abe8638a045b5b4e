package cn.bqw.village.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.village.TestDivisions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class VillageImportTest {

    static final String CITY = "449700000000";
    static final String COUNTY = "449701000000";
    static final String OTHER_COUNTY = "449702000000";
    /** Townships 449701101…449701160 and 449702101: 60 in COUNTY, one in OTHER_COUNTY. */
    static final int TOWNSHIPS = 60;

    static final String HEADER = "code,nameZh,category,planType,belts,pilots,residentPopulation,households,areaKm2\n";

    private static boolean registered;

    @BeforeEach
    void registerDivisions() {
        if (registered) {
            return;
        }
        registered = true;
        List<String> bodies = new java.util.ArrayList<>(List.of(
                "{\"code\":\"" + CITY + "\",\"nameZh\":\"导入市\"}",
                "{\"code\":\"" + COUNTY + "\",\"nameZh\":\"大县\",\"countyClass\":\"LEAD\"}",
                "{\"code\":\"" + OTHER_COUNTY + "\",\"nameZh\":\"小县\",\"countyClass\":\"STRENGTHEN\"}",
                "{\"code\":\"449702101000\",\"nameZh\":\"小镇\"}"));
        for (int t = 1; t <= TOWNSHIPS; t++) {
            bodies.add("{\"code\":\"" + township(t) + "\",\"nameZh\":\"第" + t + "镇\"}");
        }
        TestDivisions.register(bodies);
    }

    @Test
    void thirtyThousandVillagesImportInOneRequestWithAnExactSummary() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 30_000; i++) {
            csv.append(row(
                    village(1 + i % TOWNSHIPS, 1 + i / TOWNSHIPS),
                    "村" + i,
                    i % 10 == 0 ? "DEMONSTRATION" : "ORDINARY",
                    1000 + i % 500));
        }
        importCsv(TestTokens.admin(), csv.toString(), false, null)
                .statusCode(200)
                .body("dryRun", equalTo(false))
                .body("imported", equalTo(30_000))
                .body("updated", equalTo(0))
                .body("ignored", equalTo(0))
                .body("conflicts", empty());
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("county", COUNTY)
                .queryParam("category", "DEMONSTRATION")
                .queryParam("pilot", "MAP_AND_CODE")
                .queryParam("size", 1)
                .get("/api/v1/villages")
                .then()
                .body("total", equalTo(3_000));
    }

    @Test
    void aMixedFileIsImportedRowByRowWithItsConflicts() {
        String kept = village(1, 901);
        String changed = village(1, 902);
        importCsv(
                        TestTokens.admin(),
                        HEADER + row(kept, "原村", "ORDINARY", 100) + row(changed, "旧名村", "ORDINARY", 100),
                        false,
                        null)
                .body("imported", equalTo(2));

        String csv = HEADER
                + row(village(1, 903), "新村", "RENOVATION", 200) // 1: new
                + row(changed, "新名村", "ORDINARY", 100) // 2: changed
                + row(kept, "原村", "ORDINARY", 100) // 3: unchanged
                + row(village(1, 904), "坏类村", "BEST", 100) // 4: unknown category
                + row("449701199904", "无镇村", "ORDINARY", 100) // 5: no such township
                + row(village(1, 905), "负数村", "ORDINARY", -5) // 6: negative population
                + row(township(1), "镇码", "ORDINARY", 100); // 7: a township's code
        importCsv(TestTokens.admin(), csv, false, null)
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("updated", equalTo(1))
                .body("ignored", equalTo(1))
                .body("conflicts.row", equalTo(List.of(4, 5, 6, 7)))
                .body("conflicts.field", equalTo(List.of("category", "code", "residentPopulation", "code")));
        village(changed).body("nameZh", equalTo("新名村")).body("version", equalTo(1));
        absent(village(1, 904));
        absent(village(1, 905));
    }

    @Test
    void anEditorImportsOnlyInsideItsRegions() {
        String csv = HEADER + row(village(2, 901), "本县村", "ORDINARY", 1) + row("449702101901", "外县村", "ORDINARY", 1);
        importCsv(TestTokens.editor(COUNTY), csv, false, null)
                .body("imported", equalTo(1))
                .body("conflicts.row", equalTo(List.of(2)))
                .body("conflicts[0].reason", containsString("outside the regions"));
        absent("449702101901");
    }

    @Test
    void aDryRunAnswersTheSummaryAndStoresNothing() {
        String csv = HEADER + row(village(3, 901), "试村", "ORDINARY", 1) + row(village(3, 902), "坏村", "BEST", 1);
        importCsv(TestTokens.admin(), csv, true, null)
                .body("dryRun", equalTo(true))
                .body("imported", equalTo(1))
                .body("conflicts.row", equalTo(List.of(2)));
        absent(village(3, 901));
    }

    @Test
    void aRetriedImportWithTheSameIdempotencyKeyGetsTheFirstAnswerAndHasNoSecondEffect() {
        String key = UUID.randomUUID().toString();
        String first = HEADER + row(village(4, 901), "首次村", "ORDINARY", 1);
        importCsv(TestTokens.admin(), first, false, key).body("imported", equalTo(1));
        importCsv(TestTokens.admin(), first, false, key)
                .statusCode(200)
                .header("Idempotency-Replayed", "true")
                .body("imported", equalTo(1));
        // The key belongs to the first body: another body under it is refused, not silently dropped.
        importCsv(TestTokens.admin(), HEADER + row(village(4, 902), "重试村", "ORDINARY", 1), false, key)
                .statusCode(422)
                .body("type", equalTo("urn:bqw:problem:idempotency-key-reused"));
        absent(village(4, 902));
    }

    @Test
    void aCsvInGbkIsReadByItsDeclaredCharset() {
        String csv = HEADER + row(village(7, 901), "国标村", "ORDINARY", 1);
        importing(TestTokens.admin())
                .contentType("text/csv; charset=GBK")
                .body(csv.getBytes(java.nio.charset.Charset.forName("GBK")))
                .post("/api/v1/villages:import")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1));
        village(village(7, 901)).body("nameZh", equalTo("国标村"));
    }

    @Test
    void malformedCsvIsRefusedWholeAndStoresNothing() {
        String csv = HEADER + row(village(5, 901), "前村", "ORDINARY", 1) + village(5, 902) + ",\"引号\"后缀,ORDINARY\n"
                + row(village(5, 903), "后村", "ORDINARY", 1);
        importCsv(TestTokens.admin(), csv, false, null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:malformed-request"))
                .body("errors[0].field", equalTo("line 3"));
        absent(village(5, 901));
        absent(village(5, 903));
    }

    @Test
    void aJsonArrayImportsLikeCsvAndAnythingElseIsMalformed() {
        String json =
                """
                [{"code":"%s","nameZh":"数组村","category":"ORDINARY","pilots":["MAP_AND_CODE"]},
                 {"code":"%s","nameZh":"坏字段村","category":"ORDINARY","mayor":"张三"}]"""
                        .formatted(village(6, 901), village(6, 902));
        importing(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(json)
                .post("/api/v1/villages:import")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("conflicts.field", equalTo(List.of("mayor")));
        importing(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"code\":\"x\"}")
                .post("/api/v1/villages:import")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:bqw:problem:malformed-request"));
        importing(TestTokens.viewer())
                .contentType("text/csv")
                .body(HEADER)
                .post("/api/v1/villages:import")
                .then()
                .statusCode(403);
    }

    private static String township(int n) {
        return "449701" + (100 + n) + "000";
    }

    private static String village(int township, int n) {
        return township(township).substring(0, 9) + String.format("%03d", n);
    }

    private static String row(String code, String name, String category, int residents) {
        return code + "," + name + "," + category + ",AGGLOMERATION,URBAN_AGRI_BELT,MAP_AND_CODE|POINTS_GOVERNANCE,"
                + residents + ",300,2.5\n";
    }

    private static ValidatableResponse importCsv(String token, String csv, boolean dryRun, String key) {
        var request = importing(token).contentType("text/csv; charset=UTF-8").queryParam("dryRun", dryRun);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(csv).post("/api/v1/villages:import").then().log().ifValidationFails();
    }

    /** The colon of {@code villages:import} goes as it is, like any client's (RestAssured would encode it). */
    private static RequestSpecification importing(String token) {
        return given().urlEncodingEnabled(false).auth().oauth2(token);
    }

    private static ValidatableResponse village(String code) {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/villages/" + code)
                .then()
                .statusCode(200);
    }

    private static void absent(String code) {
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/villages/" + code)
                .then()
                .statusCode(404);
    }
}
