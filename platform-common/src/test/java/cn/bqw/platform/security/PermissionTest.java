package cn.bqw.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.testkit.PermissionMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionTest {

    static final String COUNTY = "449901000000";
    static final String TOWNSHIP = "449901101000";

    @Test
    void eachOperationHasOneRow() {
        Set<String> seen = new HashSet<>();
        for (Permission p : Permission.values()) {
            assertTrue(seen.add(p.method() + " " + p.path()), p + " repeats an operation");
        }
    }

    @Test
    void nothingButAReadIsOpenToViewers() {
        Arrays.stream(Permission.values())
                .filter(p -> !p.method().equals("GET"))
                .forEach(p -> assertFalse(p.roles().contains(Roles.VIEWER), p + " lets a viewer write"));
    }

    /** The import of divisions follows the rule of POST /divisions: a service may do neither. */
    @Test
    void aServiceChangesNoDivisionSinglyOrInBulk() {
        for (Permission p : List.of(Permission.DIVISION_REGISTER, Permission.DIVISION_IMPORT)) {
            assertFalse(p.allows(Set.of(Roles.SERVICE), List.of(COUNTY), TOWNSHIP), p.name());
            assertTrue(p.allows(Set.of(Roles.EDITOR), List.of(COUNTY), TOWNSHIP), p.name());
        }
        assertTrue(Permission.VILLAGE_IMPORT.allows(Set.of(Roles.SERVICE), List.of(COUNTY), TOWNSHIP));
    }

    @Test
    void aCountyEditorChangesItsTownshipsButNotItsCounty() {
        assertTrue(Permission.DIVISION_UPDATE.allows(Set.of(Roles.EDITOR), List.of(COUNTY), TOWNSHIP));
        assertFalse(Permission.DIVISION_UPDATE.allows(Set.of(Roles.EDITOR), List.of(COUNTY), COUNTY));
        assertTrue(Permission.TARGET_PUT.allows(Set.of(Roles.EDITOR), List.of(COUNTY), COUNTY));
        assertFalse(Permission.TARGET_PUT.allows(Set.of(Roles.EDITOR), List.of("4499"), COUNTY));
    }

    @Test
    void aTokenWithoutAKnownRoleMayDoNothing() {
        for (Permission p : Permission.values()) {
            assertFalse(p.allows(Set.of("guest"), List.of(COUNTY), TOWNSHIP), p.name());
        }
    }

    @Test
    void bulkRefusalsReadAsThePermissionMatrixExpects() {
        assertTrue(RegionAccess.OUTSIDE.formatted(TOWNSHIP).contains(PermissionMatrix.REGION_REFUSALS.get(0)));
        assertTrue(RegionAccess.DECIDED_ABOVE.formatted(TOWNSHIP).contains(PermissionMatrix.REGION_REFUSALS.get(1)));
        assertTrue(RegionAccess.NOT_BELOW.formatted(TOWNSHIP).contains(PermissionMatrix.REGION_REFUSALS.get(2)));
    }

    /**
     * The permission matrix works out what a rule allows on its own, from division codes: on every
     * row, for callers of every role and many regions, it agrees with the table's own rule.
     */
    @Test
    void theMatrixOracleAgreesWithTheTable() {
        List<String> codes = List.of(
                "449900000000", COUNTY, TOWNSHIP, "449901101203", "449902000000", "449902101000", "449901102000");
        List<List<String>> regionSets = List.of(
                List.of(),
                List.of("449900000000"),
                List.of(COUNTY),
                List.of(TOWNSHIP),
                List.of("449902000000"),
                List.of("44", "4499"),
                List.of("abc"),
                List.of(COUNTY, "449902101000"));
        for (Permission p : Permission.values()) {
            var rule = new PermissionMatrix.Rule(
                    p.name(), p.method(), p.path(), p.roles(), p.region().name(), p.bulk());
            for (String role : List.of("admin", "editor", "viewer", "service", "approver", "guest")) {
                for (List<String> regions : regionSets) {
                    for (String code : codes) {
                        assertEquals(
                                p.allows(Set.of(role), regions, code),
                                rule.allows(Set.of(role), regions, code),
                                p + " for " + role + " " + regions + " on " + code);
                    }
                }
            }
        }
    }

    /** The README's table is this table: regenerate it from Permission.markdown() when a row changes. */
    @Test
    void theReadmeShowsThePermissionTable() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String begin = "<!-- permission table: generated from Permission.markdown() -->\n";
        String end = "<!-- end of permission table -->";
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        assertTrue(from >= 0 && to > from, "README.md has no permission table section");
        assertEquals(
                Permission.markdown(), readme.substring(from + begin.length(), to), "README.md's permission table");
    }
}
