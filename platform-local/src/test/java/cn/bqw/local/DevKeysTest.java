package cn.bqw.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local dev key is its owner's alone. */
class DevKeysTest {

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
}
