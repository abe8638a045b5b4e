package cn.bqw.village;

import static io.restassured.RestAssured.given;

import cn.bqw.testkit.TestTokens;
import io.restassured.http.ContentType;
import java.util.List;

/** Registers the divisions a test's villages live in, through the API as an admin. */
public final class TestDivisions {

    private TestDivisions() {}

    /** Each body a division registration, parents first; each must be new (201). */
    public static void register(List<String> bodies) {
        for (String body : bodies) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/divisions")
                    .then()
                    .statusCode(201);
        }
    }
}
