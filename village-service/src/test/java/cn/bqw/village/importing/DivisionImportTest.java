package cn.bqw.village.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DivisionImportTest {

    static final String HEADER = "code,nameZh,nameEn,countyClass,urbanDistrict,population\n";

    @Test
    void aWholeTreeImportsParentsFirstAndAgainChangesOnlyWhatDiffers() {
        String csv = HEADER
                + "449500000000,树市,Tree City,,,\n"
                + "449501000000,东区,East District,,true,\n"
                + "449502000000,西县,West County,LEAD,false,310000\n"
                + "449502101000,甲镇,,,,\n"
                + "449502201000,乙乡,,,,\n";
        importCsv(csv).statusCode(200).body("imported", equalTo(5)).body("conflicts", empty());
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/449502201000/ancestors")
                .then()
                .body("code", equalTo(List.of("449500000000", "449502000000")));

        String again = HEADER
                + "449500000000,树市,Tree City,,,\n"
                + "449502000000,西县,West County,ADVANCE,false,310000\n"
                + "449503101000,孤镇,,,,\n"
                + "449502102000,丙镇,,LEAD,,\n"
                + "449502000000X,坏码,,,,\n";
        importCsv(again)
                .statusCode(200)
                .body("imported", equalTo(0))
                .body("updated", equalTo(1))
                .body("ignored", equalTo(1))
                .body("conflicts.row", equalTo(List.of(3, 4, 5)))
                .body("conflicts.field", equalTo(List.of("code", "countyClass", "code")));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/449502000000")
                .then()
                .body("countyClass", equalTo("ADVANCE"))
                .body("version", equalTo(1));
    }

    @Test
    void aJsonArrayOfDivisionsImportsToo() {
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body("[{\"code\":\"449400000000\",\"nameZh\":\"数组市\"},{\"code\":\"449401000000\",\"nameZh\":\"数组县\"}]")
                .post("/api/v1/divisions:import")
                .then()
                .statusCode(200)
                .body("imported", equalTo(2));
    }

    private static ValidatableResponse importCsv(String csv) {
        return given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.admin())
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/api/v1/divisions:import")
                .then();
    }
}
