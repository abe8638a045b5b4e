package cn.bqw.report.aggregate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.period.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovedUnitsTest {

    static final String CITY = "990100000000";
    static final String COUNTY = "990101000000";
    static final String TOWNSHIP = "990101001000";
    static final String VILLAGE = "990101001002";
    static final String OTHER_COUNTY_VILLAGE = "990102001003";

    static ApprovedUnits.Unit unit(String region, String period, String campaign) {
        return new ApprovedUnits.Unit(
                DivisionCode.parse(region).orElseThrow(), Period.parse(period).orElseThrow(), campaign);
    }

    final ApprovedUnits units = new ApprovedUnits(List.of(
            unit(TOWNSHIP, "2025-06", "RURAL"), unit(COUNTY, "2025Q2", "INCOME"), unit(CITY, "2025-07", "RURAL")));

    @Test
    void aValueIsOfficialWhenAUnitOfItsCampaignAtOrAboveItsDivisionCoversItsPeriod() {
        assertTrue(units.covers("RURAL", VILLAGE, "2025-06"), "its township's month");
        assertTrue(units.covers("RURAL", TOWNSHIP, "2025-06"), "the township's own value");
        assertFalse(units.covers("RURAL", VILLAGE, "2025-05"), "another month");
        assertTrue(units.covers("INCOME", VILLAGE, "2025-05"), "within its county's quarter");
        assertFalse(units.covers("INCOME", OTHER_COUNTY_VILLAGE, "2025-05"), "another county");
        assertTrue(units.covers("RURAL", OTHER_COUNTY_VILLAGE, "2025-07"), "the city's month covers every village");
        assertFalse(units.covers("RURAL", OTHER_COUNTY_VILLAGE, "2025-06"), "the township's month is its own");
        assertFalse(units.covers("EDUCATION", VILLAGE, "2025-07"), "another campaign");
        assertFalse(units.covers(null, VILLAGE, "2025-06"), "an indicator not known yet");
    }

    @Test
    void aUnitInAnotherStateNoLongerCovers() {
        ApprovedUnits submitted = units.with(TOWNSHIP, "2025-06", "RURAL", "SUBMITTED");
        assertFalse(submitted.covers("RURAL", VILLAGE, "2025-06"));
        assertTrue(submitted.covers("RURAL", VILLAGE, "2025-07"), "the city's unit still does");
        assertTrue(submitted.with(TOWNSHIP, "2025-06", "RURAL", "APPROVED").covers("RURAL", VILLAGE, "2025-06"));
    }
}
