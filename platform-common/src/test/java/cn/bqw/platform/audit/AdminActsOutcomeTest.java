package cn.bqw.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** An outcome longer than its column is cut to fit, so that the act is still put on record. */
class AdminActsOutcomeTest {

    @Test
    void anOutcomeThatFitsIsKeptAsItIs() {
        String fits = "x".repeat(AdminActs.OUTCOME_LENGTH);
        assertSame(fits, AdminActs.fitted(fits));
        assertNull(AdminActs.fitted(null));
    }

    @Test
    void aLongerOutcomeIsCutToTheColumnAndSaysSo() {
        String fitted = AdminActs.fitted("FAILED: " + "y".repeat(3_000));
        assertEquals(AdminActs.OUTCOME_LENGTH, fitted.length());
        assertEquals("FAILED: yyy", fitted.substring(0, 11));
        assertEquals("…", fitted.substring(fitted.length() - 1));
    }
}
