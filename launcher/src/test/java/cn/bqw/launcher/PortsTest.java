package cn.bqw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aListeningPortIsTakenAndItsHolderNamed() throws Exception {
        int port;
        try (ServerSocket stranger = new ServerSocket()) {
            stranger.bind(new InetSocketAddress(0));
            port = stranger.getLocalPort();

            assertFalse(Ports.free(port));
            Optional<ProcessHandle> holder = Ports.holder(port);
            assertEquals(Optional.of(ProcessHandle.current().pid()), holder.map(ProcessHandle::pid));
            List<String> taken = Up.takenPorts(List.of(port));
            assertEquals(1, taken.size());
            assertTrue(
                    taken.get(0)
                            .startsWith("port " + port + " is in use by pid "
                                    + ProcessHandle.current().pid()),
                    taken.get(0));
            assertTrue(taken.get(0).contains("java"), taken.get(0));
        }
        assertTrue(Ports.free(port));
        assertEquals(Optional.empty(), Ports.holder(port));
        assertEquals(List.of(), Up.takenPorts(List.of(port)));
    }

    @Test
    void aProcessDescendsFromItselfAndItsAncestorsNotFromItsChildren() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            assertTrue(Ports.isOrDescendsFrom(self, self));
            assertTrue(Ports.isOrDescendsFrom(child.toHandle(), self));
            assertFalse(Ports.isOrDescendsFrom(self, child.toHandle()));
        } finally {
            child.destroyForcibly();
        }
    }
}
