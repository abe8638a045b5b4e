package cn.bqw.report.region;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestEvents;
import cn.bqw.testkit.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Division events straight onto the topic, as village-service's relay publishes them. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RegionProjectionTest {

    static final String TOPIC = "bqw.divisions.v1";
    static final String REGISTERED = "bqw.division.registered.v1";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    RegionReplica replica;

    @Test
    void aDivisionEventBecomesARegion() {
        String code = county();
        try (TestEvents events = new TestEvents()) {
            events.send(TOPIC, REGISTERED, code, division(code, "东县", 420000, 0));
        }
        awaitRegion(code, "东县", 0);
        RegionRecord region = region(code);
        assertEquals(DivisionLevel.COUNTY, region.level());
        assertEquals(code.substring(0, 4) + "00000000", region.parentCode());
        assertEquals(420000L, region.population());
        assertEquals("LEAD", region.countyClass());
        assertTrue(region.active());
    }

    @Test
    void redeliveredAndStaleEventsChangeNothing() {
        String code = county();
        try (TestEvents events = new TestEvents()) {
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            events.send(TOPIC, first, REGISTERED, code, division(code, "旧名", 1, 0));
            events.send(TOPIC, second, "bqw.division.updated.v1", code, division(code, "新名", 2, 1));
            // Each delivered again, and an older state arriving late under a new id.
            events.send(TOPIC, first, REGISTERED, code, division(code, "旧名", 1, 0));
            events.send(TOPIC, second, "bqw.division.updated.v1", code, division(code, "新名", 2, 1));
            events.send(TOPIC, REGISTERED, code, division(code, "过期", 3, 0));
            String sentinel = county();
            events.send(TOPIC, REGISTERED, sentinel, division(sentinel, "哨兵", 1, 0));
            awaitRegion(sentinel, "哨兵", 0);
        }
        awaitRegion(code, "新名", 1);
        assertEquals(2L, region(code).population());
    }

    @Test
    void aDeletedDivisionLeavesTheReplica() {
        String code = county();
        String next = county();
        try (TestEvents events = new TestEvents()) {
            events.send(TOPIC, REGISTERED, code, division(code, "误录县", 1, 0));
            events.send(TOPIC, "bqw.division.deleted.v1", code, division(code, "误录县", 1, 0));
            events.send(TOPIC, REGISTERED, next, division(next, "其后县", 1, 0));
        }
        awaitRegion(next, "其后县", 0);
        await().atMost(PATIENCE).until(() -> region(code) == null);
    }

    @Test
    void villagesAreRegionsBelowTheirTownshipAndRetiredOnesAreInactive() {
        String village = "98" + (int) (Math.random() * 9000 + 1000) + "101001";
        String township = village.substring(0, 9) + "000";
        try (TestEvents events = new TestEvents()) {
            events.send(TOPIC, "bqw.village.registered.v1", village, village(village, township, "ACTIVE", 0));
        }
        await().atMost(PATIENCE).until(() -> region(village) != null);
        RegionRecord registered = region(village);
        assertEquals(DivisionLevel.VILLAGE, registered.level());
        assertEquals(township, registered.parentCode());
        assertEquals(1200L, registered.population());
        assertTrue(registered.active());
        try (TestEvents events = new TestEvents()) {
            events.send(TOPIC, "bqw.village.retired.v1", village, village(village, township, "RETIRED", 1));
        }
        await().atMost(PATIENCE).until(() -> !region(village).active());
        var dead = TopicReader.readUntil(TOPIC + ".dlq", read -> false, Duration.ofSeconds(3));
        assertTrue(dead.stream().noneMatch(r -> village.equals(r.key())));
    }

    @Test
    void aDivisionEventWithoutACodeGoesToTheDeadLettersAndTheNextApplies() {
        String broken = county();
        String next = county();
        try (TestEvents events = new TestEvents()) {
            events.send(TOPIC, REGISTERED, broken, "{\"level\":\"COUNTY\",\"nameZh\":\"无码\",\"version\":0}");
            events.send(TOPIC, REGISTERED, next, division(next, "下一个", 5, 0));
        }
        awaitRegion(next, "下一个", 0);
        var dead = TopicReader.readUntil(
                TOPIC + ".dlq", read -> read.stream().anyMatch(r -> broken.equals(r.key())), PATIENCE);
        var record =
                dead.stream().filter(r -> broken.equals(r.key())).findFirst().orElseThrow();
        assertTrue(TopicReader.header(record, "dead-letter-reason").contains("without code"));
        assertEquals(null, region(broken));
    }

    private void awaitRegion(String code, String name, long version) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            RegionRecord region = region(code);
            return region != null && name.equals(region.nameZh()) && region.version() == version;
        });
    }

    private RegionRecord region(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> replica.find(List.of(code)).get(code));
    }

    private static String village(String code, String township, String status, long version) {
        return """
                {"code":"%s","townshipCode":"%s","nameZh":"青石村","category":"ORDINARY","residentPopulation":1200,
                 "status":"%s","version":%d}"""
                .formatted(code, township, status, version);
    }

    /** A fresh county code in a fictional province, so that tests never share a region. */
    private static String county() {
        int n = (int) (Math.random() * 9000) + 1000;
        return "98" + n + "000000";
    }

    private static String division(String code, String name, long population, long version) {
        return """
                {"code":"%s","level":"COUNTY","parentCode":"%s","nameZh":"%s","nameEn":null,"countyClass":"LEAD",
                 "urbanDistrict":false,"population":%d,"version":%d}"""
                .formatted(code, code.substring(0, 4) + "00000000", name, population, version);
    }
}
