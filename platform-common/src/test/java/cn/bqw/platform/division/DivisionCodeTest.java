package cn.bqw.platform.division;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionCodeTest {

    @ParameterizedTest
    @CsvSource({
        "440000000000, PROVINCE, 44",
        "449900000000, CITY, 4499",
        "449901000000, COUNTY, 449901",
        "449901101000, TOWNSHIP, 449901101",
        "449901101203, VILLAGE, 449901101203",
        "449901001001, VILLAGE, 449901001001"
    })
    void theLevelAndPrefixFollowFromTheTrailingZeros(String code, DivisionLevel level, String prefix) {
        DivisionCode parsed = DivisionCode.parse(code).orElseThrow();
        assertEquals(level, parsed.level());
        assertEquals(prefix, parsed.prefix());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "44990100000",
                "4499010000000",
                "44990100000A",
                " 449901000000",
                "000000000000",
                "４４９９０１０００００００",
                "44990100000٠",
                "4499010000/0"
            })
    void malformedCodesDoNotParse(String code) {
        assertTrue(DivisionCode.parse(code).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        "449901101203, 449901101000",
        "449901101000, 449901000000",
        "449901000000, 449900000000",
        "449900000000, 440000000000"
    })
    void theParentIsTheCodeCutToTheLevelAbove(String code, String parent) {
        assertEquals(
                parent,
                DivisionCode.parse(code).orElseThrow().parent().orElseThrow().value());
    }

    @Test
    void aCodeNamesTheDivisionItLiesInAtEachLevelAboveIt() {
        DivisionCode village = DivisionCode.parse("449901101203").orElseThrow();
        assertEquals("449901000000", village.at(DivisionLevel.COUNTY));
        assertEquals("449901101000", village.at(DivisionLevel.TOWNSHIP));
        assertEquals("449901101203", village.at(DivisionLevel.VILLAGE));
        assertEquals("440000000000", village.at(DivisionLevel.PROVINCE));
        DivisionCode county = DivisionCode.parse("449901000000").orElseThrow();
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> county.at(DivisionLevel.TOWNSHIP));
    }

    @ParameterizedTest
    @CsvSource({
        "449901000000, 449901101203, true",
        "449901000000, 449901000000, true",
        "449900000000, 449902101000, true",
        "449901000000, 449902101203, false",
        // A county does not contain its parent city, even though the city's code is a prefix match.
        "449901000000, 449900000000, false",
        "449901101000, 449901102001, false"
    })
    void containmentFollowsTheSignificantPrefix(String region, String target, boolean contained) {
        DivisionCode root = DivisionCode.parse(region).orElseThrow();
        assertEquals(contained, root.contains(DivisionCode.parse(target).orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"440000000000"})
    void aProvinceHasNoParent(String code) {
        assertFalse(DivisionCode.parse(code).orElseThrow().parent().isPresent());
    }

    @ParameterizedTest
    @CsvSource({
        "449900000000, 449900000000, 450000000000",
        "449901000000, 449901000000, 449902000000",
        "449901101299, 449901101299, 449901101300",
        "449999000000, 449999000000, 450000000000",
        "990129000000, 990129000000, 990130000000",
        "990000000000, 990000000000, 9999999999999"
    })
    void aSubtreeIsTheHalfOpenRangeOfCodesUnderTheDivision(String code, String first, String end) {
        DivisionCode.Subtree subtree = DivisionCode.parse(code).orElseThrow().subtree();
        assertEquals(new DivisionCode.Subtree(first, end), subtree);
        assertTrue(subtree.contains(code));
        assertFalse(subtree.contains(end), "the end is past the subtree");
        assertTrue(subtree.contains(first.substring(0, code.length() - 1) + "9"), "the subtree's last code");
    }

    @Test
    void aSubtreeHoldsExactlyTheCodesThatStartWithItsPrefix() {
        DivisionCode.Subtree county =
                DivisionCode.parse("449901000000").orElseThrow().subtree();
        assertTrue(county.contains("449901101201"));
        assertTrue(county.contains("449901999999"));
        assertFalse(county.contains("449900999999"));
        assertFalse(county.contains("449902000000"));
        assertEquals(new DivisionCode.Subtree("009900000000", "010000000000"), DivisionCode.Subtree.of("0099"));
    }
}
