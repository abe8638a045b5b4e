package cn.bqw.report.export;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.report.OwnApplication;
import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CSV and XLSX of every report view, opened and held number by number against the view's JSON
 * (province 92, year 2022, in an application of its own that reports on that city).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(ExportTest.OwnCity.class)
class ExportTest {

    public static class OwnCity extends OwnApplication {
        public OwnCity() {
            super("report-export", CITY);
        }
    }

    static final String CITY = "920100000000";
    static final String EAST = "920101000000";
    static final String WEST = "920102000000";
    static final String XLSX = XlsxExport.MEDIA_TYPE;

    private static boolean loaded;

    @BeforeEach
    void aSmallCity() {
        if (loaded) {
            return;
        }
        loaded = true;
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.division(CITY, "CITY", null, "导出市", null)
                    .division(EAST, "COUNTY", CITY, "导出东县", "LEAD")
                    .division(WEST, "COUNTY", CITY, "导出西县", "ADVANCE")
                    .division("920101001000", "TOWNSHIP", EAST, "导出东镇", null)
                    .division("920102001000", "TOWNSHIP", WEST, "导出西镇", null)
                    .village("920101001201", "920101001000", "DEMONSTRATION", 1000)
                    .village("920101001202", "920101001000", "ORDINARY", 1000)
                    .village("920102001201", "920102001000", "RENOVATION", 1000)
                    .indicator("X_ROADS", "SUM", "FLOW", "COUNTY", "km")
                    .indicator("X_SEWAGE", "SHARE_TRUE", "LEVEL", "VILLAGE", "percent")
                    .indicator("X_RATE", "RATIO", "LEVEL", "COUNTY", "percent")
                    .target("X_ROADS", CITY, 2022, "100")
                    .target("X_ROADS", EAST, 2022, "60")
                    .target("X_ROADS", WEST, 2022, "40")
                    .observation("X_ROADS", EAST, "2022-03", "TOTAL", "\"value\":25.5")
                    .observation("X_ROADS", WEST, "2022-03", "TOTAL", "\"value\":7.25")
                    .observation("X_SEWAGE", "920101001201", "2022Q1", "TOTAL", "\"value\":1")
                    .observation("X_SEWAGE", "920102001201", "2022Q1", "TOTAL", "\"value\":0");
            for (String county : List.of(EAST, WEST)) {
                events.observation(
                                "X_RATE", county, "2022", "URBAN", "\"value\":90,\"numerator\":90,\"denominator\":100")
                        .observation(
                                "X_RATE", county, "2022", "RURAL", "\"value\":70,\"numerator\":70,\"denominator\":100")
                        .observation(
                                "X_RATE",
                                county,
                                "2022",
                                "TOTAL",
                                "\"value\":80,\"numerator\":160,\"denominator\":200");
            }
        }
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    JsonPath overview =
                            get("/api/v1/reports/overview", "application/json").jsonPath();
                    return "32.75"
                                    .equals(
                                            String.valueOf(
                                                    overview.getString(
                                                            "campaigns.indicators.flatten().find { it.code == 'X_ROADS' }.assessment.actual")))
                            && overview.getString(
                                            "campaigns.indicators.flatten().find { it.code == 'X_RATE' }.assessment.actual")
                                    != null
                            && get("/api/v1/reports/coverage", "application/json")
                                            .jsonPath()
                                            .getInt("regions[0].activeVillages")
                                    == 3;
                });
    }

    @Test
    void theOverviewsRowsCarryTheJsonsNumbersAndStatuses() throws Exception {
        JsonPath json = get("/api/v1/reports/overview", "application/json").jsonPath();
        List<Map<String, Object>> indicators = json.getList("campaigns.indicators.flatten()");
        List<List<String>> csv = csv("/api/v1/reports/overview");
        List<List<Object>> xlsx = xlsx("/api/v1/reports/overview");
        assertEquals(
                List.of("板块", "指标代码", "指标名称", "单位", "实际值", "目标值", "进度（%）", "应达进度（%）", "状态", "已审核占比（%）"), csv.get(1));
        assertTrue(
                csv.get(0).get(1).startsWith("截至 " + json.getString("asOf")),
                csv.get(0).toString());
        assertEquals(indicators.size(), csv.size() - 2);
        assertEquals(indicators.size(), xlsx.size() - 3);
        for (int i = 0; i < indicators.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> assessment =
                    (Map<String, Object>) indicators.get(i).get("assessment");
            List<String> csvRow = csv.get(i + 2);
            List<Object> xlsxRow = xlsx.get(i + 3);
            assertEquals(indicators.get(i).get("code"), csvRow.get(1));
            assertEquals(indicators.get(i).get("code"), xlsxRow.get(1));
            String unit = (String) indicators.get(i).get("unit");
            assertEquals(Labels.unit(unit), csvRow.get(3));
            // The workbook keeps the JSON's exact numbers; the CSV writes them as people do.
            for (String field : List.of("actual", "target", "progress", "expected")) {
                int column = List.of("actual", "target", "progress", "expected").indexOf(field) + 4;
                assertSame(assessment.get(field), xlsxRow.get(column), field);
                if (column < 6) {
                    assertRounded(assessment.get(field), csvRow.get(column), unit, field);
                } else {
                    assertRounded(percent(assessment.get(field)), csvRow.get(column), Labels.PROGRESS, field);
                }
            }
            String label = new Sheet.StatusCell((String) assessment.get("status")).label();
            assertEquals(label, csvRow.get(8));
            assertEquals(label, xlsxRow.get(8));
            assertRounded(indicators.get(i).get("approved"), csvRow.get(9), "percent", "approved");
        }
        // The hand-worked figures: 25.5 + 7.25 km of 100 (km with one decimal); one village of three;
        // percentages with one decimal.
        assertEquals("32.8", row(csv, "X_ROADS").get(4));
        assertEquals("公里", row(csv, "X_ROADS").get(3));
        assertEquals("33.3", row(csv, "X_SEWAGE").get(4));
        assertEquals("80.0", row(csv, "X_RATE").get(4));
        assertEquals("32.8", row(csv, "X_ROADS").get(6), "progress 0.3275 as a percentage");
    }

    @Test
    void theWorkbookHasItsHeaderFrozenItsUnitsInTheFormatAndItsStatusesColoured() throws Exception {
        try (XSSFWorkbook workbook = workbook("/api/v1/reports/overview")) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertEquals(3, sheet.getPaneInformation().getHorizontalSplitPosition());
            Row roads = find(sheet, "X_ROADS");
            assertEquals("#,##0.0\" 公里\"", roads.getCell(4).getCellStyle().getDataFormatString());
            assertEquals(32.75, roads.getCell(4).getNumericCellValue(), 0);
            assertEquals("0.0%", roads.getCell(6).getCellStyle().getDataFormatString());
            assertEquals(
                    "#,##0.0\" %\"",
                    find(sheet, "X_RATE").getCell(4).getCellStyle().getDataFormatString());
            XSSFCell status = (XSSFCell) roads.getCell(8);
            // 32.75 of 100 as of March: progress 0.3275 against 0.95 × 0.25.
            assertEquals("进度正常", status.getStringCellValue());
            assertEquals(
                    "1565C0",
                    status.getCellStyle()
                            .getFillForegroundColorColor()
                            .getARGBHex()
                            .substring(2));
        }
    }

    @Test
    void rankingsGapsCoverageAndTheBreakdownExportTheSameNumbers() throws Exception {
        JsonPath rankings = get("/api/v1/reports/rankings", "application/json").jsonPath();
        List<List<String>> csv = csv("/api/v1/reports/rankings");
        List<List<Object>> xlsx = xlsx("/api/v1/reports/rankings");
        assertEquals(2, rankings.getList("counties").size());
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    rankings.getString("counties[" + i + "].region"),
                    csv.get(i + 2).get(1));
            assertRounded(
                    rankings.get("counties[" + i + "].score"), csv.get(i + 2).get(4), Labels.SCORE, "score");
            assertSame(
                    rankings.get("counties[" + i + "].score"), xlsx.get(i + 3).get(4), "score");
            assertEquals(
                    rankings.getInt("counties[" + i + "].rank"),
                    ((BigDecimal) xlsx.get(i + 3).get(0)).intValue());
        }

        JsonPath gaps = get("/api/v1/reports/gaps", "application/json").jsonPath();
        List<List<String>> gapRows = csv("/api/v1/reports/gaps");
        Map<String, Object> cityGap = gaps.getMap("indicators[0].regions.find { it.region == '" + CITY + "' }");
        List<String> cityRow = gapRows.stream()
                .filter(r -> r.size() > 2 && r.get(2).equals(CITY))
                .findFirst()
                .orElseThrow();
        String gapUnit = gaps.getString("indicators[0].unit");
        assertRounded(cityGap.get("urban"), cityRow.get(4), gapUnit, "urban");
        assertRounded(cityGap.get("rural"), cityRow.get(5), gapUnit, "rural");
        assertRounded(cityGap.get("gap"), cityRow.get(7), gapUnit, "gap");
        assertEquals("20.0", cityRow.get(7));

        List<List<Object>> coverage = xlsx("/api/v1/reports/coverage");
        JsonPath coverageJson =
                get("/api/v1/reports/coverage", "application/json").jsonPath();
        assertEquals(
                coverageJson.getString("regions[0].region"), coverage.get(3).get(0));
        assertEquals(3, ((BigDecimal) coverage.get(3).get(2)).intValue());

        JsonPath breakdown =
                get("/api/v1/reports/indicators/X_ROADS", "application/json").jsonPath();
        List<List<String>> breakdownRows = csv("/api/v1/reports/indicators/X_ROADS");
        for (int i = 0; i < breakdown.getList("regions").size(); i++) {
            assertEquals(
                    breakdown.getString("regions[" + i + "].region"),
                    breakdownRows.get(i + 2).get(0));
            assertRounded(
                    breakdown.get("regions[" + i + "].assessment.actual"),
                    breakdownRows.get(i + 2).get(3),
                    breakdown.getString("unit"),
                    "actual");
        }
    }

    /**
     * The village map: every active village with its registered coordinates and its own answer
     * (one yes, one no, one not reported), and the same list as a sheet with Chinese names.
     */
    @Test
    void theVillageMapListsEachVillageWhereItLiesWithItsOwnFigure() throws Exception {
        JsonPath map = get("/api/v1/reports/villages?indicator=X_SEWAGE", "application/json")
                .jsonPath();
        assertEquals(CITY, map.getString("region"));
        assertEquals("SHARE_TRUE", map.getString("aggregation"));
        assertEquals(List.of("920101001201", "920101001202", "920102001201"), map.getList("villages.village"));
        assertEquals("23.1201", map.getString("villages[0].latitude"));
        assertEquals("113.1201", map.getString("villages[0].longitude"));
        assertEquals(EAST, map.getString("villages[0].county"));
        assertEquals("920101001000", map.getString("villages[0].township"));
        assertEquals(100, map.getInt("villages[0].actual"));
        assertTrue(map.getString("villages[1].actual") == null, "no value reported");
        assertEquals(0, map.getInt("villages[2].actual"));
        // Below a county: its villages only.
        assertEquals(
                2,
                get("/api/v1/reports/villages?region=" + EAST, "application/json")
                        .jsonPath()
                        .getList("villages")
                        .size());
        List<List<String>> csv = csv("/api/v1/reports/villages?indicator=X_SEWAGE");
        assertEquals(3 + 2, csv.size());
        assertEquals("示范村", csv.get(2).get(7));
        assertEquals("100.0", csv.get(2).get(9));
        assertEquals(
                new Sheet.StatusCell(map.getString("villages[0].status")).label(),
                csv.get(2).get(10));
    }

    /** The CSV's figure is the JSON's rounded to its unit's decimals. */
    private static void assertRounded(Object json, String exported, String unit, String what) {
        if (json == null) {
            assertEquals("", exported, what);
            return;
        }
        assertEquals(Labels.rounded(new BigDecimal(json.toString()), unit).toPlainString(), exported, what);
    }

    private static Object percent(Object ratio) {
        return ratio == null ? null : new BigDecimal(ratio.toString()).movePointRight(2);
    }

    private static void assertSame(Object json, Object exported, String what) {
        if (json == null) {
            assertTrue(exported == null || "".equals(exported), what + ": " + exported);
            return;
        }
        BigDecimal expected = new BigDecimal(json.toString());
        BigDecimal actual = exported instanceof BigDecimal d ? d : new BigDecimal(exported.toString());
        assertEquals(0, expected.compareTo(actual), what + ": JSON " + expected + ", export " + actual);
    }

    private static List<String> row(List<List<String>> rows, String code) {
        return rows.stream()
                .filter(r -> r.size() > 1 && r.get(1).equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static Row find(XSSFSheet sheet, String code) {
        for (Row row : sheet) {
            Cell cell = row.getCell(1);
            if (cell != null
                    && cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().equals(code)) {
                return row;
            }
        }
        throw new AssertionError(code + " not in the workbook");
    }

    private static List<List<String>> csv(String path) {
        Response answer = get(path, CsvExport.MEDIA_TYPE);
        assertTrue(answer.getContentType().startsWith("text/csv"));
        assertTrue(answer.getHeader("Content-Disposition").startsWith("attachment"));
        String body = new String(answer.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("\uFEFF"), "a byte-order mark for Excel");
        List<List<String>> rows = new ArrayList<>();
        for (String line : body.substring(1).split("\r\n")) {
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    private static List<List<Object>> xlsx(String path) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = workbook(path)) {
            for (Row row : workbook.getSheetAt(0)) {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(
                            cell == null || cell.getCellType() == CellType.BLANK
                                    ? null
                                    : cell.getCellType() == CellType.NUMERIC
                                            ? BigDecimal.valueOf(cell.getNumericCellValue())
                                            : cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static XSSFWorkbook workbook(String path) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(get(path, XLSX).asByteArray()));
    }

    private static Response get(String path, String accept) {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .accept(accept)
                .queryParam("year", 2022)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .response();
    }
}
