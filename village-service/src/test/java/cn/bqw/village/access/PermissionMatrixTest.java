package cn.bqw.village.access;

import static io.restassured.RestAssured.given;

import cn.bqw.platform.security.Permission;
import cn.bqw.testkit.PermissionMatrix;
import cn.bqw.testkit.PermissionMatrix.Sample;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.village.TestDivisions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of village-service with every kind of token, against the permission table
 * (divisions 77…: the township 770101001000 is the region operations are called on).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class PermissionMatrixTest {

    static final String TOWNSHIP = "770101001000";
    static final String VILLAGE = "770101001001";

    @Test
    void everyOperationAnswersEveryTokenAsThePermissionTableSays() throws Exception {
        TestDivisions.register(List.of(
                "{\"code\":\"770100000000\",\"nameZh\":\"矩阵市\"}",
                "{\"code\":\"770101000000\",\"nameZh\":\"矩阵县\",\"countyClass\":\"LEAD\",\"population\":1000}",
                "{\"code\":\"770102000000\",\"nameZh\":\"邻县\",\"countyClass\":\"LEAD\",\"population\":1000}",
                "{\"code\":\"" + TOWNSHIP + "\",\"nameZh\":\"矩阵镇\"}"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"nameZh\":\"矩阵村\",\"category\":\"ORDINARY\"}")
                .put("/api/v1/villages/" + VILLAGE)
                .then()
                .statusCode(201);
        new PermissionMatrix("http://localhost:" + RestAssured.port, TOWNSHIP, "770102000000")
                .runAndAssert(Map.of(
                        Permission.DIVISION_REGISTER.name(),
                        Sample.json(
                                "/api/v1/divisions", "770101002000", "{\"code\":\"770101002000\",\"nameZh\":\"矩阵二镇\"}"),
                        Permission.DIVISION_UPDATE.name(),
                        Sample.json(
                                "/api/v1/divisions/" + TOWNSHIP,
                                TOWNSHIP,
                                "{\"code\":\"" + TOWNSHIP + "\",\"nameZh\":\"矩阵镇\"}"),
                        Permission.DIVISION_IMPORT.name(),
                        Sample.csv(
                                "/api/v1/divisions:import?dryRun=true",
                                TOWNSHIP,
                                "code,nameZh\n" + TOWNSHIP + ",改名镇\n"),
                        Permission.VILLAGE_PUT.name(),
                        Sample.json(
                                "/api/v1/villages/" + VILLAGE,
                                VILLAGE,
                                "{\"nameZh\":\"矩阵村\",\"category\":\"ORDINARY\"}"),
                        Permission.VILLAGE_RETIRE.name(),
                        Sample.json(
                                "/api/v1/villages/" + VILLAGE + "/retirement",
                                VILLAGE,
                                "{\"effectiveOn\":\"2026-01-01\"}"),
                        Permission.VILLAGE_IMPORT.name(),
                        Sample.csv(
                                "/api/v1/villages:import?dryRun=true",
                                "770101001002",
                                "code,nameZh,category\n770101001002,矩阵新村,ORDINARY\n")));
    }
}
