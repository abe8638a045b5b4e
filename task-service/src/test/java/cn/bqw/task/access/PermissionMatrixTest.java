package cn.bqw.task.access;

import static io.restassured.RestAssured.given;

import cn.bqw.platform.security.Permission;
import cn.bqw.task.TestLedger;
import cn.bqw.testkit.PermissionMatrix;
import cn.bqw.testkit.PermissionMatrix.Sample;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of task-service with every kind of token, against the permission table (city
 * 7501; the county 750101000000 is the region operations are called on; the task MTX is led by the
 * matrix tokens' own department).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class PermissionMatrixTest {

    static final String COUNTY = "750101000000";

    @Test
    void everyOperationAnswersEveryTokenAsThePermissionTableSays() throws Exception {
        TestLedger.city("7501", "C-MTX");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"code\":\"" + PermissionMatrix.DEPARTMENT + "\",\"nameZh\":\"矩阵局\",\"region\":\"" + COUNTY
                        + "\"}")
                .post("/api/v1/departments")
                .then()
                .statusCode(201);
        String task = "{\"code\":\"%s\",\"title\":\"矩阵任务\",\"campaign\":\"RURAL\",\"region\":\"" + COUNTY
                + "\",\"leadDepartment\":\"" + PermissionMatrix.DEPARTMENT
                + "\",\"startDate\":\"2026-01-01\",\"dueDate\":\"2026-12-31\",\"measure\":\"PERCENT\"}";
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(task.formatted("MTX"))
                .post("/api/v1/tasks")
                .then()
                .statusCode(201);
        new PermissionMatrix("http://localhost:" + RestAssured.port, COUNTY, "750102000000")
                .runAndAssert(Map.of(
                        Permission.DEPARTMENT_REGISTER.name(),
                        Sample.json(
                                "/api/v1/departments",
                                COUNTY,
                                "{\"code\":\"MTX-D\",\"nameZh\":\"新局\",\"region\":\"" + COUNTY + "\"}"),
                        Permission.TASK_REGISTER.name(),
                        Sample.json("/api/v1/tasks", COUNTY, task.formatted("MTX-NEW")),
                        Permission.TASK_READ.name(),
                        Sample.of("/api/v1/tasks/MTX"),
                        Permission.PROGRESS_REPORT.name(),
                        Sample.json(
                                "/api/v1/tasks/MTX/progress",
                                COUNTY,
                                "{\"reportedOn\":\"2026-06-01\",\"note\":\"矩阵\",\"reached\":10}"),
                        Permission.PROGRESS_LIST.name(),
                        Sample.of("/api/v1/tasks/MTX/progress")));
    }
}
