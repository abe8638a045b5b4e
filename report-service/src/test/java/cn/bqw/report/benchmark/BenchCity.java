package cn.bqw.report.benchmark;

import cn.bqw.testkit.LocalPlatform;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A benchmark's own city on a running {@code ./bqw up}, so that earlier runs' values do not count. */
final class BenchCity {

    private BenchCity() {}

    /**
     * Registers the city {@code cityPrefix}00000000 (four digits: province and city) with a county
     * and two townships of {@code perTownship} villages each, and waits until indicator-service
     * and report-service know every village; answers the villages' codes.
     */
    static List<String> register(HttpClient http, String token, String cityPrefix, int perTownship) throws Exception {
        String city = cityPrefix + "00000000";
        String county = cityPrefix + "01000000";
        List<String> townships = List.of(cityPrefix + "01001000", cityPrefix + "01002000");
        LocalPlatform.send(
                http,
                token,
                "POST",
                "http://localhost:8081/api/v1/divisions:import",
                "text/csv; charset=UTF-8",
                "code,nameZh\n" + city + ",基准市\n" + county + ",基准县\n" + townships.get(0) + ",基准一镇\n" + townships.get(1)
                        + ",基准二镇\n");
        List<String> codes = new ArrayList<>();
        StringBuilder villages = new StringBuilder("code,nameZh,category,planType,residentPopulation\n");
        for (String township : townships) {
            for (int v = 1; v <= perTownship; v++) {
                String code = township.substring(0, 9) + "%03d".formatted(v);
                codes.add(code);
                villages.append(code).append(",村,ORDINARY,AGGLOMERATION,1000\n");
            }
        }
        LocalPlatform.send(
                http,
                token,
                "POST",
                "http://localhost:8081/api/v1/villages:import",
                "text/csv; charset=UTF-8",
                villages.toString());
        awaitReplicas(codes);
        return codes;
    }

    /** Until both indicator-service (which refuses unknown regions) and report-service know every village. */
    private static void awaitReplicas(List<String> villages) throws Exception {
        for (String database : List.of("indicator", "report")) {
            try (Connection db = database(database);
                    PreparedStatement count =
                            db.prepareStatement("SELECT count(*) FROM region_replica WHERE code = ANY(?) AND active")) {
                count.setArray(1, db.createArrayOf("varchar", villages.toArray()));
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (true) {
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) == villages.size()) {
                            break;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(database + "-service did not learn the villages in time");
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    /** The benchmarks' own sessions, told apart from the services' in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "bqw-benchmark";

    /** A connection to one of the local platform's databases. */
    static Connection database(String name) throws Exception {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:55432/" + name + "?ApplicationName=" + APPLICATION_NAME,
                "postgres",
                "postgres");
    }
}
