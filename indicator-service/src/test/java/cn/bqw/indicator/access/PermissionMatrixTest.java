package cn.bqw.indicator.access;

import cn.bqw.indicator.TestIndicators;
import cn.bqw.indicator.TestRegions;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.platform.security.Permission;
import cn.bqw.testkit.PermissionMatrix;
import cn.bqw.testkit.PermissionMatrix.Sample;
import cn.bqw.testkit.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of indicator-service with every kind of token, against the permission table
 * (regions 77…: values and targets are written for the township 770101001000).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class PermissionMatrixTest {

    static final String TOWNSHIP = "770101001000";

    @Inject
    RegionReplica replica;

    @Test
    void everyOperationAnswersEveryTokenAsThePermissionTableSays() throws Exception {
        TestIndicators.define("MATRIX_COUNT", "SUM", "FLOW", "TOWNSHIP", "MONTHLY", "");
        TestRegions.register(replica, "770100000000", "770101000000", "770102000000", TOWNSHIP);
        new PermissionMatrix("http://localhost:" + RestAssured.port, TOWNSHIP, "770102000000")
                .runAndAssert(
                        Map.of(
                                Permission.OBSERVATION_RECORD.name(),
                                Sample.json(
                                        "/api/v1/observations",
                                        TOWNSHIP,
                                        "{\"indicator\":\"MATRIX_COUNT\",\"region\":\"" + TOWNSHIP
                                                + "\",\"period\":\"2025-06\",\"value\":5}"),
                                Permission.OBSERVATION_BATCH.name(),
                                Sample.csv(
                                        "/api/v1/observations:batch?dryRun=true",
                                        TOWNSHIP,
                                        "indicator,region,period,value\nMATRIX_COUNT," + TOWNSHIP + ",2025-07,6\n"),
                                Permission.TARGET_PUT.name(),
                                Sample.json(
                                        "/api/v1/targets/MATRIX_COUNT/" + TOWNSHIP + "/2025",
                                        TOWNSHIP,
                                        "{\"value\":10,\"kind\":\"BINDING\"}"),
                                Permission.TARGET_BATCH.name(),
                                Sample.csv(
                                        "/api/v1/targets:batch?dryRun=true",
                                        TOWNSHIP,
                                        "indicator,region,year,value,kind\nMATRIX_COUNT," + TOWNSHIP
                                                + ",2025,12,BINDING\n"),
                                Permission.APPROVAL_SUBMIT_BATCH.name(),
                                Sample.json(
                                        "/api/v1/approvals:submit",
                                        TOWNSHIP,
                                        "{\"units\":[{\"region\":\"" + TOWNSHIP
                                                + "\",\"period\":\"2025-05\",\"campaign\":\"RURAL\"}]}"),
                                Permission.APPROVAL_APPROVE_BATCH.name(),
                                Sample.json(
                                        "/api/v1/approvals:approve",
                                        TOWNSHIP,
                                        "{\"units\":[{\"region\":\"" + TOWNSHIP
                                                + "\",\"period\":\"2025-05\",\"campaign\":\"RURAL\"}]}"),
                                Permission.APPROVAL_ACCEPT_BATCH.name(),
                                Sample.json(
                                        "/api/v1/approvals:accept",
                                        TOWNSHIP,
                                        "{\"units\":[{\"region\":\"" + TOWNSHIP
                                                + "\",\"period\":\"2025-05\",\"campaign\":\"RURAL\"}]}"),
                                Permission.APPROVAL_RETURN_BATCH.name(),
                                Sample.json(
                                        "/api/v1/approvals:return",
                                        TOWNSHIP,
                                        "{\"units\":[{\"region\":\"" + TOWNSHIP
                                                + "\",\"period\":\"2025-05\",\"campaign\":\"RURAL\"}],\"reason\":\"请核实\"}"),
                                Permission.INDICATOR_IMPORT.name(),
                                Sample.csv(
                                        "/api/v1/indicators:import?dryRun=true",
                                        TOWNSHIP,
                                        "code,name_zh,name_en,campaign,unit,aggregation,over_time,direction,reported_at,frequency\n")));
    }
}
