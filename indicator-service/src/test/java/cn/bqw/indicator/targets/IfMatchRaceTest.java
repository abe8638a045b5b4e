package cn.bqw.indicator.targets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.indicator.TestRegions;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Twenty writers send the same If-Match at once: one wins, and every loser is told 412 (never a
 * 500), for targets and for catalogue definitions alike (province 9803).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class IfMatchRaceTest {

    static final String CITY = "980300000000";

    @Inject
    RegionReplica replica;

    @Test
    void everyLoserOfAnIfMatchRaceGets412() throws Exception {
        String indicator = "{\"nameZh\":\"竞争\",\"campaign\":\"AGRI\",\"unit\":\"mu\",\"aggregation\":\"SUM\","
                + "\"overTime\":\"FLOW\",\"direction\":\"UP\",\"reportedAt\":\"COUNTY\",\"frequency\":\"MONTHLY\"%s}";
        put("/api/v1/indicators/RACE_A", indicator.formatted(""), null).then().statusCode(201);
        TestRegions.register(replica, CITY);
        put("/api/v1/targets/RACE_A/" + CITY + "/2025", "{\"value\":1,\"kind\":\"BINDING\"}", null)
                .then()
                .statusCode(201);

        Map<Integer, Integer> targets = race(i -> put(
                        "/api/v1/targets/RACE_A/" + CITY + "/2025",
                        "{\"value\":" + (10 + i) + ",\"kind\":\"BINDING\"}",
                        "\"0\"")
                .statusCode());
        assertEquals(Map.of(200, 1, 412, 19), targets, "targets");

        Map<Integer, Integer> definitions =
                race(i -> put("/api/v1/indicators/RACE_A", indicator.formatted(",\"validMax\":" + (100 + i)), "\"0\"")
                        .statusCode());
        assertEquals(Map.of(200, 1, 412, 19), definitions, "indicator definitions");
    }

    private interface Write {
        int send(int i) throws Exception;
    }

    private static Map<Integer, Integer> race(Write write) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(20);
        try {
            ArrayList<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                Callable<Integer> one = () -> write.send(n);
                answers.add(writers.submit(one));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            writers.shutdown();
        }
    }

    private static io.restassured.response.Response put(String path, String body, String ifMatch) {
        var request = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body(body).put(path);
    }
}
