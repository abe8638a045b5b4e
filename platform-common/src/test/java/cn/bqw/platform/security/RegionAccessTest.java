package cn.bqw.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionAccessTest {

    static final String COUNTY = "449901000000";
    static final String VILLAGE_IN_COUNTY = "449901101203";
    static final String VILLAGE_ELSEWHERE = "449902101203";

    @Test
    void anAdminWritesAnywhereWithoutRegions() {
        assertTrue(RegionAccess.mayWrite(Set.of("admin"), List.of(), VILLAGE_ELSEWHERE));
    }

    @Test
    void anEditorWritesInsideItsRegionsOnly() {
        assertTrue(RegionAccess.mayWrite(Set.of("editor"), List.of(COUNTY), VILLAGE_IN_COUNTY));
        assertTrue(RegionAccess.mayWrite(Set.of("editor"), List.of(COUNTY), COUNTY));
        assertFalse(RegionAccess.mayWrite(Set.of("editor"), List.of(COUNTY), VILLAGE_ELSEWHERE));
    }

    /** What a county is ranked as and weighed by is its city's to say: its own editor writes below it only. */
    @Test
    void theAttributesOfAnEditorsOwnRootAreItsParentsToDecide() {
        assertFalse(RegionAccess.mayDecide(Set.of("editor"), List.of(COUNTY), COUNTY));
        assertTrue(RegionAccess.mayDecide(Set.of("editor"), List.of("449900000000"), COUNTY));
        assertTrue(RegionAccess.mayDecide(Set.of("editor"), List.of(COUNTY), "449901101000"));
        assertTrue(RegionAccess.mayDecide(Set.of("editor"), List.of(COUNTY, "449900000000"), COUNTY));
        assertFalse(RegionAccess.mayDecide(Set.of("editor"), List.of("449902000000"), COUNTY));
        assertFalse(RegionAccess.mayDecide(Set.of("service"), List.of("449900000000"), COUNTY));
        assertTrue(RegionAccess.mayDecide(Set.of("admin"), List.of(), COUNTY));
    }

    @Test
    void anEditorWithSeveralRegionsWritesInAnyOfThem() {
        assertTrue(RegionAccess.mayWrite(Set.of("editor"), List.of(COUNTY, "449902000000"), VILLAGE_ELSEWHERE));
    }

    @Test
    void aServiceIsBoundByItsRegionsLikeAnEditor() {
        assertTrue(RegionAccess.mayWrite(Set.of("service"), List.of(COUNTY), VILLAGE_IN_COUNTY));
        assertFalse(RegionAccess.mayWrite(Set.of("service"), List.of(COUNTY), VILLAGE_ELSEWHERE));
    }

    @Test
    void anEditorWithoutRegionsWritesNothing() {
        assertFalse(RegionAccess.mayWrite(Set.of("editor"), List.of(), VILLAGE_IN_COUNTY));
    }

    @Test
    void aViewerWritesNothingEvenWithRegions() {
        assertFalse(RegionAccess.mayWrite(Set.of("viewer"), List.of(COUNTY), VILLAGE_IN_COUNTY));
    }

    @Test
    void malformedCodesAreNeverWritable() {
        assertFalse(RegionAccess.mayWrite(Set.of("editor"), List.of(COUNTY), "4499011012"));
        assertFalse(RegionAccess.mayWrite(Set.of("editor"), List.of("not-a-code"), VILLAGE_IN_COUNTY));
    }
}
