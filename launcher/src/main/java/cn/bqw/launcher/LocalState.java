package cn.bqw.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a running {@code ./bqw up} left in its data directory so that {@code down} and {@code
 * status} work from another shell: the launcher's pid and its children's, one {@code name pid} a
 * line.
 */
final class LocalState {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path launcherPid;
    private final Path children;

    private LocalState(Path runDir) {
        this.launcherPid = runDir.resolve("launcher.pid");
        this.children = runDir.resolve("children");
    }

    static LocalState in(Path home) {
        return new LocalState(home.resolve("run"));
    }

    Optional<ProcessHandle> runningLauncher() {
        return readPid(launcherPid).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    void recordLauncher() {
        write(launcherPid, ProcessHandle.current().pid() + "\n", false);
        write(children, "", false);
    }

    void recordChild(String name, long pid) {
        write(children, name + " " + pid + "\n", true);
    }

    void clear() {
        try {
            Files.deleteIfExists(children);
            Files.deleteIfExists(launcherPid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops a running {@code ./bqw up} and whatever children it left; then looks at the platform's
     * ports for processes of this checkout that no launcher knows of (a service started by hand, a
     * child of a launcher whose state was wiped) and offers to stop those too ({@code --yes}: without
     * asking). Strangers are named, never touched.
     */
    int down(Path root, Path home, boolean yes) throws InterruptedException {
        int exit = down();
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (int port : Up.ports()) {
            Ports.holder(port).ifPresent(holder -> {
                String command = Ports.commandLine(holder);
                boolean ours = command.contains(root.toString()) || command.contains(home.toString());
                System.out.println((ours ? "leftover of this checkout" : "not ours, left alone") + " on port " + port
                        + ": " + Ports.describe(holder));
                if (ours && leftovers.stream().noneMatch(p -> p.pid() == holder.pid())) {
                    leftovers.add(holder);
                }
            });
        }
        if (leftovers.isEmpty()) {
            return exit;
        }
        if (!yes && !confirm("stop " + leftovers.size() + " leftover process(es)? [y/N] ")) {
            System.out.println("left running; ./bqw down --yes stops them without asking");
            return 1;
        }
        for (ProcessHandle leftover : leftovers) {
            System.out.println("stopping pid " + leftover.pid());
            Processes.stop(leftover, Duration.ofSeconds(30));
        }
        return exit;
    }

    private static boolean confirm(String question) {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine(question);
        return answer != null
                && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }

    private int down() throws InterruptedException {
        Optional<ProcessHandle> launcher = runningLauncher();
        if (launcher.isPresent()) {
            System.out.println("stopping ./bqw up (pid " + launcher.get().pid() + ") …");
            launcher.get().destroy();
            try {
                launcher.get().onExit().get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.out.println("the launcher did not stop in time; stopping its children directly");
            }
        } else {
            System.out.println("./bqw up is not running");
        }
        // Children outlive a launcher that was killed outright: stop what is left.
        for (Map.Entry<String, Long> child : children().entrySet()) {
            ProcessHandle.of(child.getValue()).filter(ProcessHandle::isAlive).ifPresent(process -> {
                System.out.println("stopping leftover " + child.getKey() + " (pid " + process.pid() + ")");
                Processes.stop(process, Duration.ofSeconds(30));
            });
        }
        clear();
        return 0;
    }

    int status() {
        Optional<ProcessHandle> launcher = runningLauncher();
        System.out.println(
                launcher.map(p -> "./bqw up is running (pid " + p.pid() + ")").orElse("./bqw up is not running"));
        children()
                .forEach((name, pid) -> System.out.printf(
                        "  %-18s pid %-8d %s%n",
                        name,
                        pid,
                        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? "alive" : "gone"));
        for (ServiceProcess service : ServiceProcess.ALL) {
            System.out.printf("  %-18s %-28s %s%n", service.name(), service.baseUrl(), readiness(service));
        }
        return launcher.isPresent() ? 0 : 3;
    }

    static String readiness(ServiceProcess service) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(service.readinessUrl()))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? "READY" : "NOT READY (" + response.statusCode() + ")";
        } catch (IOException e) {
            return "DOWN";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNKNOWN";
        }
    }

    private Map<String, Long> children() {
        Map<String, Long> result = new LinkedHashMap<>();
        if (!Files.exists(children)) {
            return result;
        }
        try {
            for (String line : Files.readAllLines(children)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2) {
                    result.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Files.exists(file)
                    ? Optional.of(Long.parseLong(Files.readString(file).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, String text, boolean append) {
        try {
            Files.createDirectories(file.getParent());
            if (append) {
                Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
