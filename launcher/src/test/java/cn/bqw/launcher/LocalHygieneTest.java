package cn.bqw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local dev key is its owner's alone, and a local token does not live for ever. */
class LocalHygieneTest {

    @Test
    void theDevPrivateKeyIsReadableByItsOwnerOnly(@TempDir Path home) throws Exception {
        DevKeys.in(home.resolve("keys"));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("keys/private.pem"))));

        Path older = home.resolve("older");
        DevKeys.in(older);
        Files.setPosixFilePermissions(older.resolve("private.pem"), PosixFilePermissions.fromString("rw-r--r--"));
        DevKeys.in(older);
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(older.resolve("private.pem"))));
    }

    @Test
    void aTokenLivesAtMostThirtyDays(@TempDir Path home) {
        assertEquals(0, TokenCommand.run(home, List.of("--role", "viewer", "--hours", "720")));
        assertEquals(2, TokenCommand.run(home, List.of("--role", "viewer", "--hours", "721")));
        assertEquals(2, TokenCommand.run(home, List.of("--role", "viewer", "--hours", "0")));
    }
}
