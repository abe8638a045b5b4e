package cn.bqw.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who listens on a local TCP port. {@code ./bqw up} asks before it starts anything, so that a
 * stranger on one of its ports (a service left from an earlier start, another checkout's platform)
 * is named instead of silently answering for the service the launcher meant to start.
 */
final class Ports {

    private static final String LISTEN = "0A";

    private Ports() {}

    /** True when nothing listens on {@code port}: a wildcard bind, as the services make, succeeds. */
    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True when nothing listens on {@code port} now or, if only a connection holds it, within {@code
     * wait}: the kernel hands out the local ports of outgoing connections from a range that holds
     * 55432 and 59092 too, and such a port frees as soon as its connection closes.
     */
    static boolean freeWithin(int port, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!free(port)) {
            if (!listeningInodes(port).isEmpty() || System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * The process listening on {@code port}, read from {@code /proc} (Linux). Empty when nothing
     * listens or the holder cannot be seen (another user's process, another network namespace).
     */
    static Optional<ProcessHandle> holder(int port) {
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.allProcesses()
                .filter(process -> holdsAny(process.pid(), inodes))
                .findFirst();
    }

    /** A line naming the holder of {@code port} for a person: pid and command line. */
    static String describeHolder(int port) {
        return holder(port).map(Ports::describe).orElse("a process this user cannot see");
    }

    static String describe(ProcessHandle process) {
        return "pid " + process.pid() + ": " + commandLine(process);
    }

    static String commandLine(ProcessHandle process) {
        Optional<String> line = readCmdline(process.pid());
        return line.or(() -> process.info().commandLine()).orElse("(command line unknown)");
    }

    /** True when {@code process} is {@code ancestor} or one of its descendants. */
    static boolean isOrDescendsFrom(ProcessHandle process, ProcessHandle ancestor) {
        for (Optional<ProcessHandle> p = Optional.of(process);
                p.isPresent();
                p = p.get().parent()) {
            if (p.get().pid() == ancestor.pid()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                lines.skip(1).map(String::trim).map(line -> line.split("\\s+")).forEach(fields -> {
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && LISTEN.equals(fields[3])) {
                        inodes.add(fields[9]);
                    }
                });
            } catch (IOException | RuntimeException e) {
                // No such table (no IPv6, not Linux): the other one, or nothing, answers.
            }
        }
        inodes.remove("0");
        return inodes;
    }

    private static boolean holdsAny(long pid, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<String> readCmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String line = new String(raw, java.nio.charset.StandardCharsets.UTF_8)
                    .replace('\0', ' ')
                    .trim();
            return line.isEmpty() ? Optional.empty() : Optional.of(line);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
