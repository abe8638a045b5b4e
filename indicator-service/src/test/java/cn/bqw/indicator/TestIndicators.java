package cn.bqw.indicator;

import static io.restassured.RestAssured.given;

import cn.bqw.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Defines indicators for tests through the catalogue API. */
public final class TestIndicators {

    private TestIndicators() {}

    public static void define(
            String code, String aggregation, String overTime, String reportedAt, String frequency, String more) {
        put(code, aggregation, overTime, reportedAt, frequency, more, null).statusCode(201);
    }

    public static ValidatableResponse put(
            String code,
            String aggregation,
            String overTime,
            String reportedAt,
            String frequency,
            String more,
            String ifMatch) {
        var request = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body(
                        """
                        {"nameZh":"测试指标","campaign":"RURAL","unit":"个","aggregation":"%s","overTime":"%s",
                         "direction":"UP","reportedAt":"%s","frequency":"%s"%s}"""
                                .formatted(aggregation, overTime, reportedAt, frequency, more))
                .put("/api/v1/indicators/" + code)
                .then();
    }
}
