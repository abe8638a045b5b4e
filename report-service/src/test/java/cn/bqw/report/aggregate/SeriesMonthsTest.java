package cn.bqw.report.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesMonthsTest {

    @Test
    void aFlowAddsUpItsPeriodsYearToDate() {
        // Months 2, 3 and 5: 4 + 6 + 10.
        Contribution[] months = SeriesMonths.of(true, List.of(fact(5, "10"), fact(2, "4"), fact(3, "6")), View.ALL);
        assertEquals(0, months[0].reporters());
        assertEquals(new BigDecimal("4"), months[1].value());
        assertEquals(new BigDecimal("10"), months[2].value());
        assertEquals(new BigDecimal("10"), months[3].value());
        assertEquals(new BigDecimal("20"), months[4].value());
        assertEquals(new BigDecimal("20"), months[11].value());
        assertEquals(1, months[11].reporters(), "a region counts once however many periods it reported");
    }

    @Test
    void aLevelCarriesItsLatestValueForwardUntilTheNextReport() {
        // Quarterly: Q1 = 1, nothing in Q2, Q3 = 0 (a village reported 1 in Q1 still counts as 1 in Q2).
        Contribution[] months = SeriesMonths.of(false, List.of(fact(1, "1"), fact(7, "0")), View.ALL);
        assertEquals(BigDecimal.ONE, months[0].value());
        assertEquals(BigDecimal.ONE, months[5].value());
        assertEquals(BigDecimal.ZERO, months[6].value());
        assertEquals(1, months[11].reporters());
    }

    @Test
    void anOutOfOrderOlderPeriodChangesOnlyTheMonthsBeforeTheNextReport() {
        Contribution[] before = SeriesMonths.of(false, List.of(fact(4, "50"), fact(10, "70")), View.ALL);
        Contribution[] after = SeriesMonths.of(false, List.of(fact(4, "50"), fact(10, "70"), fact(1, "40")), View.ALL);
        Contribution[] delta = SeriesMonths.difference(after, before);
        assertEquals(new BigDecimal("40"), delta[0].value());
        assertEquals(1, delta[2].reporters());
        for (int month = 4; month <= 12; month++) {
            assertEquals(true, delta[month - 1].isZero(), "month " + month);
        }
    }

    @Test
    void weightsAndRatioPartsTravelWithTheValue() {
        Contribution[] months = SeriesMonths.of(
                false,
                List.of(new Fact(
                        1,
                        new BigDecimal("58.5"),
                        new BigDecimal("117"),
                        new BigDecimal("200"),
                        new BigDecimal("3000"),
                        false)),
                View.ALL);
        assertEquals(new BigDecimal("175500.0"), months[0].weighted());
        assertEquals(new BigDecimal("3000"), months[0].weight());
        assertEquals(new BigDecimal("117"), months[0].numerator());
        assertEquals(new BigDecimal("200"), months[0].denominator());
    }

    @Test
    void theOfficialViewCountsOnlyApprovedFactsAndAFlowIsApprovedOnlyWhileAllItsPeriodsAre() {
        // Months 1 and 2 approved (3 + 4), month 3 not yet (5).
        List<Fact> facts = List.of(official(1, "3"), official(2, "4"), fact(3, "5"));
        Contribution[] all = SeriesMonths.of(true, facts, View.ALL);
        Contribution[] approvedOnly = SeriesMonths.of(true, facts, View.OFFICIAL);
        assertEquals(new BigDecimal("12"), all[2].value());
        assertEquals(1, all[1].approved(), "through February every period is approved");
        assertEquals(0, all[2].approved(), "March's value is not");
        assertEquals(new BigDecimal("7"), approvedOnly[2].value(), "March treated as not reported");
        assertEquals(1, approvedOnly[2].reporters());
    }

    @Test
    void aLevelIsApprovedWhenItsLatestValueIs() {
        List<Fact> facts = List.of(official(1, "40"), fact(4, "55"));
        Contribution[] all = SeriesMonths.of(false, facts, View.ALL);
        Contribution[] approvedOnly = SeriesMonths.of(false, facts, View.OFFICIAL);
        assertEquals(1, all[2].approved());
        assertEquals(0, all[3].approved());
        assertEquals(new BigDecimal("40"), approvedOnly[3].value(), "the approved January value carries forward");
    }

    private static Fact fact(int month, String value) {
        return new Fact(month, new BigDecimal(value), null, null, null, false);
    }

    private static Fact official(int month, String value) {
        return new Fact(month, new BigDecimal(value), null, null, null, true);
    }
}
