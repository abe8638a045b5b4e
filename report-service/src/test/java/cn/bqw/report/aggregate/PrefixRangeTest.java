package cn.bqw.report.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrefixRangeTest {

    @Test
    void theRangeEndsJustPastTheRegionsPrefix() {
        assertEquals("9902", AggregateStore.pastPrefix("990100000000"));
        assertEquals("990122", AggregateStore.pastPrefix("990121000000"));
        assertEquals("990130", AggregateStore.pastPrefix("990129000000"));
        assertEquals("4500", AggregateStore.pastPrefix("449900000000"));
    }

    @Test
    void aPrefixOfNinesEndsPastEveryCode() {
        String past = AggregateStore.pastPrefix("990000000000");
        assertTrue("999999999999".compareTo(past) < 0);
        assertTrue("990000000000".compareTo(past) < 0);
    }
}
