package cn.bqw.task.hostile;

import static io.restassured.RestAssured.given;

import cn.bqw.task.TestLedger;
import cn.bqw.testkit.HostileInput;
import cn.bqw.testkit.HostileInput.Table;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The hostile-input suite for task-service (cases in {@code hostile-input.jsonl}, city 7301). */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class HostileInputTest {

    @Inject
    DataSource database;

    @Test
    void noHostileRequestGetsA5xxOrStoresAnything() throws Exception {
        TestLedger.city("7301", "C-HOST");
        register("{\"code\":\"HOST-T\",\"title\":\"百分比任务\",\"campaign\":\"RURAL\",\"region\":\"730100000000\","
                + "\"leadDepartment\":\"C-HOST\",\"startDate\":\"2026-01-01\",\"dueDate\":\"2026-12-31\","
                + "\"measure\":\"PERCENT\",\"milestones\":[{\"title\":\"一半\",\"due\":\"2026-06-30\"}]}");
        register("{\"code\":\"HOST-QTY\",\"title\":\"数量任务\",\"campaign\":\"RURAL\",\"region\":\"730100000000\","
                + "\"leadDepartment\":\"C-HOST\",\"startDate\":\"2026-01-01\",\"dueDate\":\"2026-12-31\","
                + "\"measure\":\"QUANTITY\",\"planned\":100,\"unit\":\"座\"}");
        register("{\"code\":\"HOST-QTY-1\",\"title\":\"县子任务\",\"campaign\":\"RURAL\",\"region\":\"730101000000\","
                + "\"leadDepartment\":\"C-HOST\",\"startDate\":\"2026-01-01\",\"dueDate\":\"2026-12-31\","
                + "\"measure\":\"QUANTITY\",\"planned\":100,\"unit\":\"座\",\"parent\":\"HOST-QTY\"}");
        // The indicator reaches task-service on its own topic: registered once it is known.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> register(
                        "{\"code\":\"HOST-IND\",\"title\":\"指标任务\",\"campaign\":\"RURAL\",\"region\":\"730100000000\","
                                + "\"leadDepartment\":\"C-HOST\",\"startDate\":\"2026-01-01\",\"dueDate\":\"2026-12-31\","
                                + "\"measure\":\"INDICATOR\",\"indicator\":\"RURAL_TOILET\"}"));
        new HostileInput(
                        "http://localhost:" + RestAssured.port,
                        database,
                        List.of(
                                Table.rows("department"),
                                Table.rows("task"),
                                Table.count("milestone"),
                                Table.count("progress_report"),
                                Table.count("overdue_notice")))
                .runAndAssert("hostile-input.jsonl");
    }

    private static void register(String task) {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(task)
                .post("/api/v1/tasks")
                .then()
                .statusCode(201);
    }
}
