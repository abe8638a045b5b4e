package cn.bqw.indicator.region;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regions arrive a poll at a time (province 79): within one, a region's newest version wins
 * whatever else the poll holds, a deletion of the version held removes it, a broken event goes to
 * the dead letters alone, and two thousand villages sent at once are all known.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RegionFeedTest {

    static final String TOPIC = "bqw.divisions.v1";
    static final String CITY = "790100000000";
    static final String COUNTY = "790101000000";
    static final String GONE = "790102000000";
    static final String TOWNSHIP = "790101001000";

    @Inject
    RegionReplica replica;

    @Test
    void aPollOfRegionsIsAppliedNewestVersionFirstAndABrokenEventAlone() {
        List<String> villages = new ArrayList<>();
        try (TestEvents events = new TestEvents()) {
            events.send(TOPIC, "bqw.division.registered.v1", CITY, division(CITY, "CITY", null, "旧名", 0));
            events.send(TOPIC, "bqw.division.updated.v1", CITY, division(CITY, "CITY", null, "新名", 2));
            // Late and stale: an older version after the newer one.
            events.send(TOPIC, "bqw.division.updated.v1", CITY, division(CITY, "CITY", null, "中间名", 1));
            events.send(TOPIC, "bqw.division.registered.v1", COUNTY, division(COUNTY, "COUNTY", CITY, "县", 0));
            events.send(TOPIC, "bqw.division.registered.v1", GONE, division(GONE, "COUNTY", CITY, "撤销县", 0));
            events.send(TOPIC, "bqw.division.deleted.v1", GONE, division(GONE, "COUNTY", CITY, "撤销县", 0));
            events.send(
                    TOPIC,
                    "bqw.division.registered.v1",
                    "790103000000",
                    "{\"code\":\"790103000000\",\"nameZh\":\"无级别\",\"version\":0}");
            events.send(TOPIC, "bqw.division.registered.v1", TOWNSHIP, division(TOWNSHIP, "TOWNSHIP", COUNTY, "镇", 0));
            for (int v = 1; v <= 2000; v++) {
                String village = "7901010%02d%03d".formatted((v - 1) / 999 + 1, (v - 1) % 999 + 1);
                villages.add(village);
                events.send(
                        TOPIC,
                        "bqw.village.registered.v1",
                        village,
                        """
                        {"code":"%s","townshipCode":"%s","nameZh":"村%d","status":"ACTIVE","residentPopulation":100,
                         "category":"ORDINARY","planType":"AGGLOMERATION","pilots":["P1"],"version":0}"""
                                .formatted(village, TOWNSHIP, v));
            }
        }
        List<String> all = new ArrayList<>(villages);
        all.add(TOWNSHIP);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> find(all).size() == all.size());

        Map<String, RegionRecord> found = find(List.of(CITY, COUNTY, GONE, "790103000000", villages.get(0)));
        assertEquals("新名", found.get(CITY).nameZh());
        assertEquals(2, found.get(CITY).version());
        assertEquals(CITY, found.get(COUNTY).parentCode());
        assertFalse(found.containsKey(GONE), "a deleted county is gone");
        assertFalse(found.containsKey("790103000000"), "a division without a level is not stored");
        assertEquals(List.of("P1"), found.get(villages.get(0)).pilots());
        assertEquals(100L, found.get(villages.get(0)).population());
        var dead = TopicReader.readUntil(
                TOPIC + ".dlq",
                read -> read.stream().anyMatch(r -> "790103000000".equals(r.key())),
                Duration.ofSeconds(30));
        assertEquals(
                1, dead.stream().filter(r -> "790103000000".equals(r.key())).count(), "the broken event alone");
    }

    private Map<String, RegionRecord> find(List<String> codes) {
        return QuarkusTransaction.requiringNew().call(() -> replica.find(codes));
    }

    private static String division(String code, String level, String parent, String name, int version) {
        return """
                {"code":"%s","level":"%s","parentCode":%s,"nameZh":"%s","urbanDistrict":false,"version":%d}"""
                .formatted(code, level, parent == null ? "null" : "\"" + parent + "\"", name, version);
    }
}
