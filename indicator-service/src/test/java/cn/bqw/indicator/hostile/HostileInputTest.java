package cn.bqw.indicator.hostile;

import cn.bqw.indicator.TestIndicators;
import cn.bqw.indicator.TestRegions;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.HostileInput;
import cn.bqw.testkit.HostileInput.Table;
import cn.bqw.testkit.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite for indicator-service (cases in {@code hostile-input.jsonl}, province
 * prefix 9801): numbers, text, JSON, CSV, parameters and headers no client may get past the edge.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class HostileInputTest {

    @Inject
    RegionReplica replica;

    @Inject
    DataSource database;

    @Test
    void noHostileRequestGetsA5xxOrStoresAnything() throws Exception {
        TestIndicators.define("HOST_COUNT", "SUM", "FLOW", "VILLAGE", "MONTHLY", ",\"validMax\":1000");
        TestIndicators.define("HOST_BIG", "SUM", "FLOW", "VILLAGE", "MONTHLY", "");
        TestIndicators.define(
                "HOST_WMEAN", "WEIGHTED_MEAN", "LEVEL", "VILLAGE", "YEARLY", ",\"validMin\":-50,\"validMax\":100");
        TestIndicators.define("HOST_RATIO", "RATIO", "LEVEL", "COUNTY", "QUARTERLY", "");
        TestRegions.register(
                replica,
                List.of(
                        "980100000000",
                        "980101000000",
                        "980101001000",
                        "980101001001",
                        "980101001002",
                        "980101001003",
                        "980102000000"));
        new HostileInput(
                        "http://localhost:" + RestAssured.port,
                        database,
                        List.of(
                                Table.rows("indicator"),
                                Table.rows("target"),
                                Table.rows("observation"),
                                Table.rows("observation_revision"),
                                Table.rows("period_lock"),
                                Table.rows("approval"),
                                Table.rows("audit_entry"),
                                Table.rows("idempotent_request"),
                                Table.count("outbox_event")))
                .runAndAssert("hostile-input.jsonl");
    }
}
