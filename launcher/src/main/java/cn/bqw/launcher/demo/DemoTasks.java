package cn.bqw.launcher.demo;

import cn.bqw.launcher.demo.DemoCity.County;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The city's 督办 ledger for the current year (Asia/Shanghai), through task-service's API: the
 * programme's departments and tasks (task-service's {@code programme/*.csv}), the quantity tasks
 * split into county subtasks allocated by the counties' villages, and a progress report at every
 * month's end so far, each department at its own pace — so that some tasks are done, most on
 * schedule, some behind, and those whose milestones a slow department misses overdue.
 */
final class DemoTasks {

    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

    /** The tasks' year: the current one in the programme's calendar. */
    static final int YEAR = LocalDate.now(PROGRAMME_ZONE).getYear();

    private final PlatformClient platform;
    private final DemoCity city;
    private final String prefix;
    private final LocalDate today = LocalDate.now(PROGRAMME_ZONE);
    private final LocalDate start = today.with(TemporalAdjusters.firstDayOfYear());
    private final LocalDate due = today.with(TemporalAdjusters.lastDayOfYear());

    DemoTasks(PlatformClient platform, DemoCity city) {
        this.platform = platform;
        this.city = city;
        this.prefix = city.city().code().substring(0, 4);
    }

    /** A task to register and report on: its code, lead department, planned amount, milestones, pace. */
    private record Planned(
            String code,
            String department,
            String measure,
            BigDecimal planned,
            List<LocalDate> milestones,
            double pace) {}

    void load() throws InterruptedException {
        Progress step = new Progress("tasks", 1);
        SplittableRandom random = new SplittableRandom(city.spec().seed() * 17 + 3);
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] row : csv("programme/departments.csv")) {
            names.put(row[0], row[1]);
            department(
                    prefix + "-" + row[0],
                    city.city().nameZh() + row[1].substring(1),
                    city.city().code());
        }
        Map<String, Double> pace = new LinkedHashMap<>();
        names.keySet().forEach(d -> pace.put(d, 0.7 + 0.5 * random.nextDouble()));
        List<County> counties = city.counties().stream()
                .filter(c -> !c.division().urbanDistrict())
                .toList();
        List<Planned> reported = new ArrayList<>();
        for (String[] row : csv("programme/tasks.csv")) {
            String code = prefix + "-" + row[0];
            List<LocalDate> milestones = new ArrayList<>();
            StringBuilder milestoneJson = new StringBuilder();
            if (row.length > 10 && !row[10].isBlank()) {
                for (String milestone : row[10].split("\\|")) {
                    String[] parts = milestone.split("@");
                    LocalDate day = LocalDate.parse(today.getYear() + "-" + parts[1]);
                    milestones.add(day);
                    milestoneJson
                            .append(milestoneJson.isEmpty() ? "" : ",")
                            .append("{\"title\":\"%s\",\"due\":\"%s\"}".formatted(parts[0], day));
                }
            }
            String cooperating = row[4].isBlank()
                    ? ""
                    : String.join(
                            ",",
                            List.of(row[4].split("\\|")).stream()
                                    .map(d -> "\"" + prefix + "-" + d + "\"")
                                    .toList());
            String measure = row[5];
            String amount =
                    switch (measure) {
                        case "INDICATOR" -> ",\"indicator\":\"" + row[6] + "\"";
                        case "QUANTITY" -> ",\"planned\":" + row[7] + ",\"unit\":\"" + row[8] + "\"";
                        default -> "";
                    };
            task(
                    code,
                    row[1],
                    row[2],
                    city.city().code(),
                    prefix + "-" + row[3],
                    cooperating,
                    measure,
                    amount,
                    milestoneJson.toString(),
                    null);
            double departmentPace = pace.get(row[3]);
            if ("true".equals(row[9])) {
                int[] shares = Allocation.largestRemainder(
                        Integer.parseInt(row[7]),
                        counties.stream()
                                .mapToDouble(c -> city.villages().stream()
                                        .filter(v -> v.countyCode().equals(c.code()))
                                        .count())
                                .toArray());
                for (int i = 0; i < counties.size(); i++) {
                    County county = counties.get(i);
                    String countyDepartment = county.code().substring(0, 6) + "-" + row[3];
                    department(
                            countyDepartment,
                            county.division().nameZh() + names.get(row[3]).substring(1),
                            county.code());
                    String subtask = code + "-" + county.code().substring(4, 6);
                    task(
                            subtask,
                            county.division().nameZh() + "：" + row[1],
                            row[2],
                            county.code(),
                            countyDepartment,
                            "",
                            measure,
                            ",\"planned\":" + shares[i] + ",\"unit\":\"" + row[8] + "\"",
                            "",
                            code);
                    reported.add(new Planned(
                            subtask,
                            countyDepartment,
                            measure,
                            BigDecimal.valueOf(shares[i]),
                            List.of(),
                            departmentPace * county.pace()));
                }
            } else {
                // An INDICATOR task's figure is report-service's: its department reports notes and milestones.
                reported.add(new Planned(
                        code,
                        prefix + "-" + row[3],
                        measure,
                        switch (measure) {
                            case "QUANTITY" -> new BigDecimal(row[7]);
                            case "PERCENT" -> BigDecimal.valueOf(100);
                            default -> null;
                        },
                        milestones,
                        departmentPace));
            }
        }
        int reports = 0;
        for (LocalDate monthEnd = start.with(TemporalAdjusters.lastDayOfMonth());
                !monthEnd.isAfter(today);
                monthEnd = monthEnd.plusDays(1).with(TemporalAdjusters.lastDayOfMonth())) {
            for (Planned task : reported) {
                report(task, monthEnd);
                reports++;
            }
        }
        step.done(String.format("%d departments' tasks, %d progress reports", reported.size(), reports));
    }

    /** The department's report at a month's end: its pace's share of the plan, milestones met on time if it keeps up. */
    private void report(Planned task, LocalDate on) {
        double elapsed = (ChronoUnit.DAYS.between(start, on) + 1) / (double) (ChronoUnit.DAYS.between(start, due) + 1);
        double share = Math.min(1, elapsed * task.pace());
        BigDecimal reached = task.planned() == null
                ? null
                : task.planned().multiply(BigDecimal.valueOf(share)).setScale(0, java.math.RoundingMode.HALF_EVEN);
        String figure = reached == null ? "null" : reached.toPlainString();
        List<Integer> done = new ArrayList<>();
        for (int i = 0; i < task.milestones().size(); i++) {
            if (task.pace() >= 0.8 && !task.milestones().get(i).isAfter(on)) {
                done.add(i + 1);
            }
        }
        platform.postJson(
                PlatformClient.TASK + "/api/v1/tasks/" + task.code() + "/progress",
                "{\"reportedOn\":\"%s\",\"note\":\"%s月进展：完成%s\",\"reached\":%s,\"evidence\":[\"%s〔%d〕%d号\"],\"doneMilestones\":%s}"
                        .formatted(
                                on,
                                on.getMonthValue(),
                                reached == null ? "见指标" : figure,
                                figure,
                                task.department(),
                                on.getYear(),
                                on.getMonthValue(),
                                done));
    }

    private void task(
            String code,
            String title,
            String campaign,
            String region,
            String lead,
            String cooperating,
            String measure,
            String amount,
            String milestones,
            String parent) {
        platform.postJsonOrConflict(
                PlatformClient.TASK + "/api/v1/tasks",
                """
                {"code":"%s","title":"%s","campaign":"%s","region":"%s","leadDepartment":"%s","cooperating":[%s],
                 "startDate":"%s","dueDate":"%s","measure":"%s"%s,"milestones":[%s]%s}"""
                        .formatted(
                                code,
                                title,
                                campaign,
                                region,
                                lead,
                                cooperating,
                                start,
                                due,
                                measure,
                                amount,
                                milestones,
                                parent == null ? "" : ",\"parent\":\"" + parent + "\""));
    }

    /** Registers a department once task-service knows its region (it learns regions from village-service's events). */
    private void department(String code, String name, String region) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try {
                platform.postJsonOrConflict(
                        PlatformClient.TASK + "/api/v1/departments",
                        "{\"code\":\"%s\",\"nameZh\":\"%s\",\"region\":\"%s\"}".formatted(code, name, region));
                return;
            } catch (IllegalStateException | UncheckedIOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(1000);
            }
        }
    }

    /** The indicators the programme's tasks follow. */
    static java.util.Set<String> followedIndicators() {
        java.util.Set<String> indicators = new java.util.TreeSet<>();
        for (String[] row : csv("programme/tasks.csv")) {
            if ("INDICATOR".equals(row[5])) {
                indicators.add(row[6]);
            }
        }
        return indicators;
    }

    private static List<String[]> csv(String resource) {
        try (InputStream in = DemoTasks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
