package cn.bqw.task.figure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.task.TestLedger;
import cn.bqw.task.task.TaskView.IndicatorFigure;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An indicator-linked task follows its region's figure (city 7203): behind the calendar it is
 * BEHIND, at its target with its milestone done it is DONE (until the figure is revised below it);
 * an unchanged figure changes nothing, and a region report-service cannot answer for keeps the
 * figure it had.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class IndicatorFiguresTest {

    static final String CITY = "720300000000";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    IndicatorFigures figures;

    @Test
    void anIndicatorTaskIsBehindOnDoneByItsRegionsFigure() {
        TestLedger.city("7203", "C-FIG");
        // 101 of its 301 days gone: 33.55% of the time elapsed.
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"code":"FIG-TOILET","title":"新建农村公厕200座","campaign":"RURAL","region":"%s",
                         "leadDepartment":"C-FIG","startDate":"%s","dueDate":"%s","measure":"INDICATOR",
                         "indicator":"RURAL_TOILET","milestones":[{"title":"完成选址","due":"%s"}]}"""
                                .formatted(CITY, TODAY.minusDays(100), TODAY.plusDays(200), TODAY.plusDays(30)))
                .post("/api/v1/tasks")
                .then()
                .statusCode(201)
                .body("status", equalTo("ON_SCHEDULE"));
        List<String> asked = new ArrayList<>();
        FigureSource behind = (region, year) -> {
            asked.add(region + "/" + year);
            return Map.of("RURAL_TOILET", figure("40", "200", "20"), "OTHER", figure("1", "2", "50"));
        };

        assertEquals(1, figures.refresh(behind));
        assertEquals(
                List.of(CITY + "/" + TODAY.plusDays(200).getYear()),
                asked.stream().filter(a -> a.startsWith(CITY)).toList());
        task().body("status", equalTo("BEHIND"))
                .body("light", equalTo("YELLOW"))
                .body("working", containsString("progress 20 against 33.55% of the time elapsed"))
                .body("figure.actual", equalTo(40))
                .body("figure.target", equalTo(200))
                .body("figure.asOf", equalTo(TODAY.getYear() + "-10"));

        // The same figure again (written differently) changes nothing; a failing region keeps its figure.
        assertEquals(0, figures.refresh((region, year) -> Map.of("RURAL_TOILET", figure("40.0", "200", "20.00"))));
        assertEquals(0, figures.refresh((region, year) -> {
            throw new IllegalStateException("report-service is down");
        }));
        task().body("status", equalTo("BEHIND")).body("figure.actual", equalTo(40));

        // At its target, but the milestone is not reported done: not DONE yet.
        assertEquals(1, figures.refresh((region, year) -> Map.of("RURAL_TOILET", figure("200", "200", "100"))));
        task().body("status", equalTo("ON_SCHEDULE"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"reportedOn\":\"%s\",\"note\":\"选址完成\",\"doneMilestones\":[1]}".formatted(TODAY))
                .post("/api/v1/tasks/FIG-TOILET/progress")
                .then()
                .statusCode(201);
        task().body("status", equalTo("DONE")).body("light", equalTo("GREEN"));
        // A figure revised below the target after all: the task is not done any more.
        assertEquals(1, figures.refresh((region, year) -> Map.of("RURAL_TOILET", figure("190", "200", "95"))));
        task().body("status", equalTo("ON_SCHEDULE")).body("figure.actual", equalTo(190));
    }

    @Test
    void aReportsFiguresAreReadAsReportServiceWritesThem() throws Exception {
        var report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                        """
                        {"region":"449900000000","year":2025,"asOf":"2025-11","campaigns":[{"campaign":"RURAL","indicators":[
                          {"code":"RURAL_TOILET","assessment":{"status":"ON_TRACK","actual":180,"target":200,"progress":0.9}},
                          {"code":"REGION_COOP_PLATFORMS","assessment":{"status":"NO_TARGET","actual":98,"target":null,"progress":null}},
                          {"code":"RURAL_SEWAGE_RATE","assessment":{"status":"NO_DATA","actual":null,"target":60,"progress":null}}]}]}""");
        Map<String, IndicatorFigure> read = ReportFigures.read(report);
        assertEquals(2, read.size(), read.toString());
        assertEquals(0, read.get("RURAL_TOILET").progress().compareTo(new BigDecimal("90")));
        assertEquals("2025-11", read.get("RURAL_TOILET").asOf());
        assertEquals(null, read.get("REGION_COOP_PLATFORMS").progress());
    }

    private static IndicatorFigure figure(String actual, String target, String progress) {
        return new IndicatorFigure(
                new BigDecimal(actual), new BigDecimal(target), new BigDecimal(progress), TODAY.getYear() + "-10");
    }

    private static ValidatableResponse task() {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/tasks/FIG-TOILET")
                .then()
                .statusCode(200);
    }
}
