package cn.bqw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The testkit's choice of infrastructure (here: the testkit runs no tests of its own, as starting them would start it). */
class InfrastructureKindTest {

    @Test
    void theEmbeddedInfrastructureIsTheDefaultAndContainersAreAskedFor() {
        assertEquals(InfrastructureKind.EMBEDDED, InfrastructureKind.of(null));
        assertEquals(InfrastructureKind.EMBEDDED, InfrastructureKind.of(" "));
        assertEquals(InfrastructureKind.EMBEDDED, InfrastructureKind.of("embedded"));
        assertEquals(InfrastructureKind.CONTAINERS, InfrastructureKind.of("containers"));
        assertEquals(InfrastructureKind.CONTAINERS, InfrastructureKind.of(" Containers "));
    }

    @Test
    void aMisspelledChoiceIsRefusedNamingTheTwo() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> InfrastructureKind.of("docker"));
        assertTrue(refused.getMessage().contains("embedded"), refused.getMessage());
        assertTrue(refused.getMessage().contains("containers"), refused.getMessage());
    }
}
