package cn.bqw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Set<String> FLAGS = Set.of("--fresh", "--no-demo");
    private static final Set<String> NAMED = Set.of("--role", "--hours");

    @Test
    void flagsAndRepeatedOptionsAreReadInAnyOrder() {
        Options options =
                Options.parse(List.of("--role", "viewer", "--fresh", "--role", "editor", "--hours", "3"), FLAGS, NAMED);
        assertTrue(options.flag("--fresh"));
        assertFalse(options.flag("--no-demo"));
        assertEquals(List.of("viewer", "editor"), options.values("--role"));
        assertEquals(Optional.of("editor"), options.value("--role"), "the last one given");
        assertEquals(Optional.of(3L), options.number("--hours"));
        assertEquals(Optional.empty(), Options.parse(List.of(), FLAGS, NAMED).number("--hours"));
    }

    @Test
    void anUnknownOptionAMissingValueOrANonNumberIsRefusedByName() {
        assertEquals(
                "unknown option: --frsh",
                assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--frsh"), FLAGS, NAMED))
                        .getMessage());
        assertEquals(
                "--hours needs a value",
                assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--hours"), FLAGS, NAMED))
                        .getMessage());
        Options notANumber = Options.parse(List.of("--hours", "twelve"), FLAGS, NAMED);
        assertEquals(
                "--hours must be a whole number, not twelve",
                assertThrows(IllegalArgumentException.class, () -> notANumber.number("--hours"))
                        .getMessage());
    }
}
