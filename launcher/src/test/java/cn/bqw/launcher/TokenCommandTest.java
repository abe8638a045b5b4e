package cn.bqw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local token does not live for ever. */
class TokenCommandTest {

    @Test
    void aTokenLivesAtMostThirtyDays(@TempDir Path home) {
        assertEquals(0, TokenCommand.run(home, List.of("--role", "viewer", "--hours", "720")));
        assertEquals(2, TokenCommand.run(home, List.of("--role", "viewer", "--hours", "721")));
        assertEquals(2, TokenCommand.run(home, List.of("--role", "viewer", "--hours", "0")));
        assertEquals(2, TokenCommand.run(home, List.of("--role", "viewer", "--days", "3")), "an unknown option");
    }
}
