package cn.bqw.indicator;

import static org.awaitility.Awaitility.await;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Puts divisions and villages on {@code bqw.divisions.v1} as village-service publishes them, and
 * waits until indicator-service's replica holds them. Each test class uses its own province prefix.
 */
public final class TestRegions {

    static final String TOPIC = "bqw.divisions.v1";

    private TestRegions() {}

    /** Registers each code (a division, or a village at the village level) with its parent from the code. */
    public static void register(RegionReplica replica, Collection<String> codes) {
        try (TestEvents events = new TestEvents()) {
            for (String code : codes) {
                DivisionCode division = DivisionCode.parse(code).orElseThrow();
                String parent = division.parent().map(DivisionCode::value).orElse(null);
                if (division.level() == DivisionLevel.VILLAGE) {
                    events.send(TOPIC, "bqw.village.registered.v1", code, village(code, parent, "ACTIVE", 0));
                } else {
                    events.send(
                            TOPIC,
                            "bqw.division.registered.v1",
                            code,
                            """
                            {"code":"%s","level":"%s","parentCode":%s,"nameZh":"测试%s","urbanDistrict":false,"version":0}"""
                                    .formatted(
                                            code,
                                            division.level(),
                                            parent == null ? "null" : "\"" + parent + "\"",
                                            code));
                }
            }
        }
        awaitPresent(replica, codes);
    }

    public static void register(RegionReplica replica, String... codes) {
        register(replica, List.of(codes));
    }

    /** Retires a village registered by {@link #register}. */
    public static void retire(RegionReplica replica, String village) {
        String township =
                DivisionCode.parse(village).orElseThrow().parent().orElseThrow().value();
        try (TestEvents events = new TestEvents()) {
            events.send(TOPIC, "bqw.village.retired.v1", village, village(village, township, "RETIRED", 1));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> !replica.find(List.of(village)).get(village).active()));
    }

    private static void awaitPresent(RegionReplica replica, Collection<String> codes) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> replica.find(codes).keySet().containsAll(codes)));
    }

    private static String village(String code, String township, String status, long version) {
        return """
                {"code":"%s","townshipCode":"%s","nameZh":"测试村","category":"ORDINARY","residentPopulation":1000,
                 "status":"%s","version":%d}"""
                .formatted(code, township, status, version);
    }
}
