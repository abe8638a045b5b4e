package cn.bqw.report.ledger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestEvents;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 督办 view against hand-worked numbers (city 700100000000): five tasks of two departments as
 * task-service publishes them, two overdue, one done late, one following an indicator.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class TaskLedgerViewTest {

    static final String CITY = "700100000000";
    static final String COUNTY = "700101000000";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void theLedgerCountsScoresAndListsAsWorkedOutByHand() {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.division(CITY, "CITY", null, "督办市", null)
                    .division(COUNTY, "COUNTY", CITY, "督办县", "LEAD")
                    .indicator("LEDGER_TOILET", "SUM", "FLOW", "COUNTY", "座")
                    .target("LEDGER_TOILET", COUNTY, 2025, "100")
                    .observation("LEDGER_TOILET", COUNTY, "2025-06", "TOTAL", "\"value\":30");
        }
        try (TestEvents events = new TestEvents()) {
            department(events, "D-A", "市农业农村局");
            department(events, "D-B", "市交通运输局");
            // T1 changes status after it was registered; an older change arriving late moves nothing.
            task(events, "T1", "RURAL", CITY, "D-A", TODAY.plusDays(90), "NOT_STARTED", null, TODAY.minusDays(2), 1);
            status(events, "T1", "ON_SCHEDULE", TODAY.minusDays(1));
            status(events, "T1", "BEHIND", TODAY.minusDays(3));
            task(events, "T2", "RURAL", CITY, "D-A", TODAY.minusDays(5), "OVERDUE", null, TODAY, 1);
            overdue(events, "T2", 0, TODAY.minusDays(5));
            task(events, "T3", "AGRI", COUNTY, "D-B", TODAY.plusDays(10), "DONE", null, TODAY, 3);
            overdue(events, "T3", 1, TODAY.minusDays(40));
            task(events, "T4", "INCOME", COUNTY, "D-B", TODAY.minusDays(3), "OVERDUE", null, TODAY, 2);
            overdue(events, "T4", 1, TODAY.minusDays(20));
            overdue(events, "T4", 0, TODAY.minusDays(3));
            // A notice published twice counts once.
            overdue(events, "T4", 0, TODAY.minusDays(3));
            task(
                    events,
                    "T5",
                    "RURAL",
                    COUNTY,
                    "D-A",
                    LocalDate.of(2025, 12, 31),
                    "ON_SCHEDULE",
                    "LEDGER_TOILET",
                    TODAY,
                    1);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonPath ledger = given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParam("region", CITY)
                    .get("/api/v1/reports/tasks")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(5, ledger.getInt("tasks"));
            assertEquals(Map.of("DONE", 1, "ON_SCHEDULE", 2, "OVERDUE", 2), ledger.getMap("byStatus"));
            assertEquals(Map.of("ON_SCHEDULE", 2, "OVERDUE", 1), ledger.getMap("byCampaign.RURAL"));
            // D-A: T1, T2, T5, of which T1 and T5 never overdue; D-B: T3 (done late) and T4.
            assertEquals(List.of("D-A", "D-B"), ledger.getList("departments.department"));
            assertEquals(List.of("市农业农村局", "市交通运输局"), ledger.getList("departments.nameZh"));
            assertEquals(List.of(3, 2), ledger.getList("departments.tasks"));
            assertEquals(List.of(2, 0), ledger.getList("departments.onTime"));
            assertEquals(List.of(1, 1), ledger.getList("departments.overdueNow"));
            assertEquals("66.6667", plain(ledger.getString("departments[0].onTimeRate")));
            assertEquals("0", plain(ledger.getString("departments[1].onTimeRate")));
            // Longest overdue first: T4 since its milestone 20 days ago, T2 5 days.
            assertEquals(List.of("T4", "T2"), ledger.getList("overdue.task"));
            assertEquals(List.of(20, 5), ledger.getList("overdue.daysOverdue"));
            assertEquals("ON_SCHEDULE", ledger.getString("lines.find { it.task == 'T1' }.status"));
            // The county's live figure as of June: 30 of 100.
            assertEquals("30", plain(ledger.getString("lines.find { it.task == 'T5' }.indicatorFigure.actual")));
            assertEquals("100", plain(ledger.getString("lines.find { it.task == 'T5' }.indicatorFigure.target")));
        });
        // A county's ledger is its own subtree's.
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", COUNTY)
                .get("/api/v1/reports/tasks")
                .then()
                .statusCode(200)
                .body("tasks", org.hamcrest.Matchers.equalTo(3));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", CITY)
                .accept("text/csv")
                .get("/api/v1/reports/tasks")
                .then()
                .statusCode(200)
                .body(containsString("督办任务台账"))
                .body(containsString("市交通运输局"));
        // A bulletin of the city carries the ledger's summary.
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body("{\"region\":\"" + CITY + "\",\"year\":2025,\"asOf\":\"2025-06\"}")
                .post("/api/v1/bulletins")
                .then()
                .statusCode(201)
                .body("content.tasks.tasks", org.hamcrest.Matchers.equalTo(5))
                .body("content.tasks.overdue.task", org.hamcrest.Matchers.equalTo(List.of("T4", "T2")))
                .body("content.tasks.lines", org.hamcrest.Matchers.nullValue());
    }

    private static void department(TestEvents events, String code, String name) {
        events.send(
                "bqw.tasks.v1",
                "bqw.department.registered.v1",
                code,
                "{\"code\":\"%s\",\"nameZh\":\"%s\",\"region\":\"%s\",\"version\":0}".formatted(code, name, CITY));
    }

    private static void task(
            TestEvents events,
            String code,
            String campaign,
            String region,
            String lead,
            LocalDate due,
            String status,
            String indicator,
            LocalDate statusOn,
            long version) {
        events.send(
                "bqw.tasks.v1",
                "bqw.task.registered.v1",
                code,
                """
                {"code":"%s","title":"任务%s","campaign":"%s","region":"%s","leadDepartment":"%s","cooperating":[],
                 "startDate":"2025-01-01","dueDate":"%s","measure":"%s","indicator":%s,"planned":%s,"unit":%s,
                 "parent":null,"milestones":[],"reached":null,"status":"%s","light":"%s","working":"…",
                 "statusOn":"%s","version":%d}"""
                        .formatted(
                                code,
                                code,
                                campaign,
                                region,
                                lead,
                                due,
                                indicator == null ? "PERCENT" : "INDICATOR",
                                indicator == null ? "null" : "\"" + indicator + "\"",
                                indicator == null ? "100" : "null",
                                indicator == null ? "\"%\"" : "null",
                                status,
                                "OVERDUE".equals(status) ? "RED" : "GREEN",
                                statusOn,
                                version));
    }

    private static void status(TestEvents events, String task, String to, LocalDate on) {
        events.send(
                "bqw.tasks.v1",
                "bqw.task.status-changed.v1",
                task,
                """
                {"task":"%s","region":"%s","leadDepartment":"D-A","from":"NOT_STARTED","to":"%s","light":"GREEN",
                 "progress":null,"elapsed":null,"working":"…","on":"%s"}"""
                        .formatted(task, CITY, to, on));
    }

    private static void overdue(TestEvents events, String task, int milestone, LocalDate due) {
        events.send(
                "bqw.tasks.v1",
                "bqw.task.overdue.v1",
                task,
                """
                {"task":"%s","title":"任务%s","region":"%s","leadDepartment":"D-B","milestone":%d,"due":"%s","on":"%s"}"""
                        .formatted(task, task, CITY, milestone, due, due.plusDays(1)));
    }

    private static String plain(String number) {
        return new java.math.BigDecimal(number).stripTrailingZeros().toPlainString();
    }
}
