package cn.bqw.task.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.task.TestLedger;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.testkit.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Departments, tasks split into county subtasks, progress reported by the lead department, statuses (city 7201). */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class TaskLedgerTest {

    static final String CITY = "720100000000";
    static final String EAST = "720101000000";
    static final String WEST = "720102000000";
    static boolean ready;
    /** A task's window around today in the programme's calendar: under way, its milestone ahead. */
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    static final String START = TODAY.minusDays(100).toString();
    static final String DUE = TODAY.plusDays(200).toString();
    static final String MILESTONE = TODAY.plusDays(30).toString();

    @Inject
    TaskStatusService statuses;

    @BeforeEach
    void city() {
        if (!ready) {
            TestLedger.city("7201", "C-ZJJ", "C-NYJ", "X-ZJJ");
            ready = true;
        }
    }

    @Test
    void aCityTaskIsSplitIntoCountySubtasksThatAddUpToNoMoreThanIt() {
        register(task("TOILETS", CITY, "C-ZJJ", "QUANTITY", "\"planned\":200,\"unit\":\"座\"", null))
                .statusCode(201)
                .body("status", equalTo("ON_SCHEDULE"))
                .body("light", equalTo("GREEN"));
        register(task("TOILETS-E", EAST, "X-ZJJ", "QUANTITY", "\"planned\":120,\"unit\":\"座\"", "TOILETS"))
                .statusCode(201);
        register(task("TOILETS-W", WEST, "C-ZJJ", "QUANTITY", "\"planned\":80,\"unit\":\"座\"", "TOILETS"))
                .statusCode(201);
        register(task("TOILETS-X", WEST, "C-ZJJ", "QUANTITY", "\"planned\":1,\"unit\":\"座\"", "TOILETS"))
                .statusCode(409)
                .body("detail", containsString("201"));
        // A subtask is below its parent's region, and measured as it is.
        register(task("TOILETS-C", CITY, "C-ZJJ", "QUANTITY", "\"planned\":1,\"unit\":\"座\"", "TOILETS"))
                .statusCode(400);
        register(task("TOILETS-P", WEST, "C-ZJJ", "PERCENT", "\"planned\":100", "TOILETS"))
                .statusCode(400);
        // A county's tasks are its subtree's.
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", EAST)
                .get("/api/v1/tasks")
                .then()
                .statusCode(200)
                .body("code", equalTo(List.of("TOILETS-E")));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/tasks/TOILETS-X")
                .then()
                .statusCode(404);
    }

    @Test
    void badTasksAreRefusedAndNothingIsStored() {
        String start = "\"startDate\":\"%s\",\"dueDate\":\"%s\"".formatted(START, DUE);
        for (String[] bad : new String[][] {
            {
                "BAD-DATES",
                task("BAD-DATES", CITY, "C-NYJ", "PERCENT", "", null)
                        .replace(start, "\"startDate\":\"%s\",\"dueDate\":\"%s\"".formatted(DUE, START))
            },
            {
                "BAD-MILESTONE",
                task("BAD-MILESTONE", CITY, "C-NYJ", "PERCENT", "", null)
                        .replace(MILESTONE, TODAY.plusDays(201).toString())
            },
            {"BAD-DEPT", task("BAD-DEPT", CITY, "NO-SUCH", "PERCENT", "", null)},
            {"BAD-COOP", task("BAD-COOP", CITY, "C-NYJ", "PERCENT", "\"cooperating\":[\"NO-SUCH\"]", null)},
            {"BAD-IND", task("BAD-IND", CITY, "C-NYJ", "INDICATOR", "\"indicator\":\"NO_SUCH\"", null)},
            {"BAD-REGION", task("BAD-REGION", "729900000000", "C-NYJ", "PERCENT", "", null)},
            {"BAD-QTY", task("BAD-QTY", CITY, "C-NYJ", "QUANTITY", "\"planned\":-5,\"unit\":\"座\"", null)}
        }) {
            register(bad[1]).statusCode(400).body("type", containsString("urn:bqw:problem"));
            given().auth()
                    .oauth2(TestTokens.viewer())
                    .get("/api/v1/tasks/" + bad[0])
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void onlyTheLeadDepartmentsStaffReportItsProgressAndRevisionsAreVersioned() {
        register(task("JOBS", CITY, "C-NYJ", "PERCENT", "", null)).statusCode(201);
        String staff = TestTokens.ofDepartments("staff-nyj", Set.of("editor"), List.of("C-NYJ"));
        String other = TestTokens.ofDepartments("staff-zjj", Set.of("editor"), List.of("C-ZJJ"));
        String progress = "{\"reportedOn\":\"%s\",\"note\":\"进展\",\"reached\":%s,\"evidence\":[\"农办〔2025〕12号\"]}";
        String yesterday =
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        report("JOBS", other, progress.formatted(yesterday, "40")).statusCode(403);
        report("JOBS", TestTokens.viewer(), progress.formatted(yesterday, "40")).statusCode(403);
        report("JOBS", staff, progress.formatted(yesterday, "101")).statusCode(400);
        report("JOBS", staff, progress.formatted(yesterday, "-1")).statusCode(400);
        report("JOBS", staff, progress.formatted("2999-01-01", "40")).statusCode(400);
        report("JOBS", staff, progress.formatted(yesterday, "40"))
                .statusCode(201)
                .body("version", equalTo(1));
        report("JOBS", TestTokens.admin(), progress.formatted(yesterday, "45"))
                .statusCode(201)
                .body("version", equalTo(2));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/tasks/JOBS/progress")
                .then()
                .statusCode(200)
                .body("version", equalTo(List.of(2, 1)))
                .body("recordedBy", equalTo(List.of("tester", "staff-nyj")));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/tasks/JOBS")
                .then()
                .body("reached", equalTo(45));
    }

    @Test
    void anIndicatorTasksDepartmentReportsNotesAndMilestonesWithoutAFigure() {
        register(task("TOILET-IND", CITY, "C-ZJJ", "INDICATOR", "\"indicator\":\"RURAL_TOILET\"", null))
                .statusCode(201)
                .body("indicator", equalTo("RURAL_TOILET"));
        String yesterday = TODAY.minusDays(1).toString();
        report(
                        "TOILET-IND",
                        TestTokens.admin(),
                        "{\"reportedOn\":\"%s\",\"note\":\"选址完成\",\"reached\":30}".formatted(yesterday))
                .statusCode(400);
        report(
                        "TOILET-IND",
                        TestTokens.admin(),
                        "{\"reportedOn\":\"%s\",\"note\":\"选址完成\",\"doneMilestones\":[1]}".formatted(yesterday))
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/tasks/TOILET-IND")
                .then()
                .body("milestones[0].doneOn", equalTo(yesterday))
                .body("reached", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anOverdueTaskIsPublishedOnceHoweverManyLookAtIt() throws Exception {
        LocalDate today = statuses.today();
        String late = task("LATE", CITY, "C-NYJ", "PERCENT", "", null)
                .replace(
                        "\"startDate\":\"%s\",\"dueDate\":\"%s\"".formatted(START, DUE),
                        "\"startDate\":\"%s\",\"dueDate\":\"%s\"".formatted(today.minusDays(30), today.minusDays(1)))
                .replace(MILESTONE, today.minusDays(10).toString());
        register(late).statusCode(201).body("status", equalTo("OVERDUE")).body("light", equalTo("RED"));
        // The daily evaluation, twice by one instance and once by each of two at the same moment.
        statuses.evaluateAll(today);
        statuses.evaluateAll(today);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> statuses.evaluateAll(today));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> statuses.evaluateAll(today));
        one.get(60, TimeUnit.SECONDS);
        two.get(60, TimeUnit.SECONDS);
        var records = TopicReader.readUntil(
                "bqw.tasks.v1",
                read -> read.stream().filter(r -> "LATE".equals(r.key())).count() >= 3,
                Duration.ofSeconds(20));
        // Let anything published twice arrive too.
        records = TopicReader.readUntil("bqw.tasks.v1", read -> false, Duration.ofSeconds(3));
        List<String> overdue = records.stream()
                .filter(r -> "LATE".equals(r.key()))
                .filter(r -> "bqw.task.overdue.v1".equals(TopicReader.header(r, "ce_type")))
                .map(r -> r.value())
                .toList();
        // The task's own due date (milestone 0) and its milestone's, once each.
        assertEquals(2, overdue.size(), overdue.toString());
    }

    private static String task(String code, String region, String lead, String measure, String extra, String parent) {
        return """
                {"code":"%s","title":"任务%s","campaign":"RURAL","region":"%s","leadDepartment":"%s",
                 "startDate":"%s","dueDate":"%s","measure":"%s"%s%s,
                 "milestones":[{"title":"过半","due":"%s"}]}"""
                .formatted(
                        code,
                        code,
                        region,
                        lead,
                        START,
                        DUE,
                        measure,
                        extra.isEmpty() ? "" : "," + extra,
                        parent == null ? "" : ",\"parent\":\"" + parent + "\"",
                        MILESTONE);
    }

    private static ValidatableResponse register(String body) {
        return given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/tasks")
                .then();
    }

    private static ValidatableResponse report(String task, String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/tasks/" + task + "/progress")
                .then();
    }
}
