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

    /** The local port of an outgoing connection (the kernel's pick, here our own) is waited out, not refused. */
    @Test
    void aPortHeldOnlyByAConnectionIsFreeOnceItCloses() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("localhost", 0));
            java.net.Socket client = new java.net.Socket();
            client.bind(new InetSocketAddress("localhost", 0));
            int port = client.getLocalPort();
            client.connect(server.getLocalSocketAddress());
            java.net.Socket accepted = server.accept();
            assertFalse(Ports.free(port), "a connected socket holds its local port");
            assertFalse(Ports.freeWithin(port, java.time.Duration.ofMillis(600)), "still held after 0.6 s");
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                    accepted.close();
                    client.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            closer.start();
            assertTrue(Ports.freeWithin(port, java.time.Duration.ofSeconds(20)), "free once the connection closed");
            closer.join();
        }
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
