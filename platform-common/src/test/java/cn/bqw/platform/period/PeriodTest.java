package cn.bqw.platform.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void readsTheThreeFormsAndWritesThemBack() {
        for (String text : List.of("2025", "2025Q2", "2025-06", "2025-12", "2025Q4")) {
            assertEquals(text, Period.parse(text).orElseThrow().toString());
        }
        assertEquals(
                new Period(2025, Period.Length.QUARTER, 2),
                Period.parse("2025Q2").orElseThrow());
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        for (String text : List.of("", "25", "2025Q5", "2025Q0", "2025-13", "2025-00", "2025-6", "2025M06", "0999")) {
            assertTrue(Period.parse(text).isEmpty(), text);
        }
        assertTrue(Period.parse(null).isEmpty());
    }

    @Test
    void knowsItsDaysAndWhatItHolds() {
        Period q2 = Period.parse("2025Q2").orElseThrow();
        assertEquals(LocalDate.of(2025, 4, 1), q2.start());
        assertEquals(LocalDate.of(2025, 6, 30), q2.end());
        assertTrue(q2.contains(Period.parse("2025-05").orElseThrow()));
        assertFalse(q2.contains(Period.parse("2025-07").orElseThrow()));
        assertTrue(Period.parse("2025").orElseThrow().contains(q2));
        assertFalse(q2.contains(Period.parse("2025").orElseThrow()));
        assertFalse(Period.parse("2024").orElseThrow().contains(q2));
        assertEquals(
                LocalDate.of(2024, 2, 29), Period.parse("2024-02").orElseThrow().end());
    }

    @Test
    void listsThePeriodsWithinIt() {
        assertEquals(
                List.of("2025Q2", "2025-04", "2025-05", "2025-06"),
                Period.parse("2025Q2").orElseThrow().periodsWithin().stream()
                        .map(Period::toString)
                        .toList());
        assertEquals(17, Period.parse("2025").orElseThrow().periodsWithin().size());
        assertEquals(
                List.of("2025-11"),
                Period.parse("2025-11").orElseThrow().periodsWithin().stream()
                        .map(Period::toString)
                        .toList());
    }
}
