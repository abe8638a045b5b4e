package cn.bqw.launcher;

import cn.bqw.local.Databases;
import cn.bqw.local.DevKeys;
import cn.bqw.local.LocalKafka;
import cn.bqw.local.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ./bqw up}: PostgreSQL, a Kafka broker and the four services, configured for each other,
 * until Ctrl-C or {@code ./bqw down} stops them all.
 */
final class Up {

    static final int POSTGRES_PORT = 55432;
    static final int KAFKA_PORT = 59092;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Path root;
    private final Path home;
    private final boolean fresh;
    private final boolean demo;
    private final LocalState state;
    private final Map<String, Process> services = new LinkedHashMap<>();
    private Process kafka;
    private LocalPostgres postgres;
    private volatile boolean stopping;

    Up(Path root, Path home, boolean fresh, boolean demo) {
        this.root = root;
        this.home = home;
        this.fresh = fresh;
        this.demo = demo;
        this.state = LocalState.in(home);
    }

    int run() throws InterruptedException {
        Optional<ProcessHandle> running = state.runningLauncher();
        if (running.isPresent()) {
            System.err.println(
                    "./bqw up is already running (pid " + running.get().pid() + "); ./bqw down stops it");
            return 1;
        }
        List<String> taken = takenPorts(ports());
        if (!taken.isEmpty()) {
            System.err.println("./bqw up cannot start: its ports are taken");
            taken.forEach(line -> System.err.println("  " + line));
            System.err.println("Stop those processes first (./bqw down stops leftovers of this checkout).");
            return 1;
        }
        if (fresh) {
            deleteRecursively(home);
        }
        boolean empty = !Files.exists(home.resolve("postgres")) && System.getenv("BQW_JDBC_URL") == null;
        Path logs = home.resolve("logs");
        createDirectories(logs);
        state.recordLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "bqw-shutdown"));

        DevKeys keys = DevKeys.in(home.resolve("keys"));
        Database database = startPostgres();
        String bootstrap = startKafka(logs);

        for (ServiceProcess service : ServiceProcess.ALL) {
            Map<String, String> env = new HashMap<>();
            env.put(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    Databases.ensure(database.serverUrl(), database.user(), database.password(), service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            env.put("BQW_JWT_PUBLIC_KEY", keys.publicKeyPem().toUri().toString());
            if (service.name().equals("task-service")) {
                // Indicator-linked tasks read report-service with a reader token of their own, often here.
                env.put(
                        "BQW_TASKS_FIGURES_TOKEN",
                        keys.sign(DevKeys.claims("task-service", Set.of("viewer"), List.of(), Duration.ofDays(365))));
                env.put("BQW_TASKS_FIGURES_EVERY", "30s");
            }
            Process process = service.start(root, env, logs.resolve(service.name() + ".log"));
            services.put(service.name(), process);
            state.recordChild(service.name(), process.pid());
            step("starting " + service.name() + " on port " + service.port() + " (log: "
                    + root.relativize(logs.resolve(service.name() + ".log").toAbsolutePath()) + ")");
        }
        if (!awaitReady(logs)) {
            return 1;
        }
        reportExits(logs);
        runAfterUpHook(keys);
        if (demo && empty) {
            step("loading the demo city through the REST APIs (./bqw up --no-demo skips this)");
            if (new DemoCommand(home).load(cn.bqw.launcher.demo.DemoCity.Spec.demo()) != 0) {
                System.err.println("the demo city did not load; the platform stays up");
            }
        }
        printWelcome(keys);
        watch();
        return 0;
    }

    private record Database(String serverUrl, String user, String password) {}

    private Database startPostgres() {
        String external = System.getenv("BQW_JDBC_URL");
        if (external != null && !external.isBlank()) {
            step("using PostgreSQL at " + external);
            return new Database(external, env("BQW_JDBC_USER", "postgres"), env("BQW_JDBC_PASSWORD", ""));
        }
        step("starting PostgreSQL on port " + POSTGRES_PORT + " (data: "
                + root.relativize(home.resolve("postgres").toAbsolutePath()) + ")");
        postgres = LocalPostgres.durable(home.resolve("postgres"), POSTGRES_PORT);
        postmasterPid().ifPresent(pid -> state.recordChild("postgres", pid));
        return new Database(postgres.serverUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    private String startKafka(Path logs) {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            step("using Kafka at " + external);
            return external;
        }
        step("starting Kafka (KRaft) on port " + KAFKA_PORT + " (log: "
                + root.relativize(logs.resolve("kafka.log").toAbsolutePath()) + ")");
        LocalKafka broker =
                new LocalKafka(home.resolve("kafka"), KAFKA_PORT, KAFKA_PORT + 1, logs.resolve("kafka.log"));
        kafka = broker.start();
        state.recordChild("kafka", kafka.pid());
        broker.awaitReady(Duration.ofMinutes(2));
        return broker.bootstrapServers();
    }

    private boolean awaitReady(Path logs) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(ServiceProcess.ALL);
        System.out.print("waiting for readiness ");
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!services.get(service.name()).isAlive()) {
                    System.out.println();
                    System.err.println(service.name() + " exited; the end of its log:");
                    printTail(logs.resolve(service.name() + ".log"));
                    return false;
                }
                if ("READY".equals(LocalState.readiness(service))) {
                    Optional<ProcessHandle> holder = Ports.holder(service.port());
                    if (holder.isPresent()
                            && !Ports.isOrDescendsFrom(
                                    holder.get(), services.get(service.name()).toHandle())) {
                        System.out.println();
                        System.err.println("port " + service.port() + " is answered by another process, not the "
                                + service.name() + " this launcher started: " + Ports.describe(holder.get()));
                        return false;
                    }
                    waiting.remove(service);
                    System.out.print("✓" + service.name() + " ");
                }
            }
            if (System.nanoTime() > deadline) {
                System.out.println();
                System.err.println("not ready after " + READY_TIMEOUT.toMinutes() + " minutes: " + waiting);
                return false;
            }
            System.out.print(".");
            Thread.sleep(500);
        }
        System.out.println();
        return true;
    }

    private void printWelcome(DevKeys keys) {
        String viewer = keys.sign(DevKeys.claims("bqw-local", Set.of("viewer"), List.of(), Duration.ofHours(12)));
        System.out.println();
        System.out.println("百千万工程 platform is up.");
        for (ServiceProcess service : ServiceProcess.ALL) {
            System.out.printf(
                    "  %-18s %s   (Swagger UI %s/q/swagger-ui)%n",
                    service.name(), service.baseUrl(), service.baseUrl());
        }
        System.out.println();
        System.out.println("The dashboard (the link carries a viewer token, kept for the browser session):");
        System.out.println("  http://localhost:8080/#token=" + viewer);
        System.out.println();
        System.out.println("A viewer token (12 h; more with ./bqw token --role editor --region <code>):");
        System.out.println("  export TOKEN=" + viewer);
        System.out.println("Try:");
        String auth = "  curl -s -H \"Authorization: Bearer $TOKEN\" ";
        System.out.println(auth + "'http://localhost:8080/api/v1/reports/overview?year=2025'");
        System.out.println(auth + "'http://localhost:8080/api/v1/reports/rankings?year=2025'");
        System.out.println(auth
                + "'http://localhost:8080/api/v1/reports/indicators/INCOME_LAND_CONSOLIDATED?year=2025&asOf=2025-06'");
        System.out.println(auth + "'http://localhost:8080/api/v1/reports/gaps?year=2025'");
        System.out.println(auth + "'http://localhost:8081/api/v1/villages?category=DEMONSTRATION&size=5'");
        System.out.println("  ./bqw demo-check    # the reports against the generator's own figures");
        System.out.println();
        System.out.println("Ctrl-C (or ./bqw down from another shell) stops everything.");
    }

    /**
     * The hook for loading data: {@code BQW_AFTER_UP}, a shell command run once everything is ready,
     * with the services' URLs and an admin token in its environment ({@code BQW_VILLAGE_URL},
     * {@code BQW_INDICATOR_URL}, {@code BQW_REPORT_URL}, {@code BQW_TOKEN}). Its output goes to the
     * console; a failure is reported and the platform stays up.
     */
    private void runAfterUpHook(DevKeys keys) throws InterruptedException {
        String command = System.getenv("BQW_AFTER_UP");
        if (command == null || command.isBlank()) {
            return;
        }
        step("running BQW_AFTER_UP: " + command);
        ProcessBuilder hook = new ProcessBuilder("bash", "-c", command)
                .directory(root.toFile())
                .inheritIO();
        for (ServiceProcess service : ServiceProcess.ALL) {
            String name = service.name().replace("-service", "").toUpperCase();
            hook.environment().put("BQW_" + name + "_URL", service.baseUrl());
        }
        hook.environment()
                .put(
                        "BQW_TOKEN",
                        keys.sign(DevKeys.claims("bqw-after-up", Set.of("admin"), List.of(), Duration.ofHours(1))));
        try {
            int exit = hook.start().waitFor();
            if (exit != 0) {
                System.err.println("BQW_AFTER_UP exited with " + exit + "; the platform stays up");
            }
        } catch (IOException e) {
            System.err.println("BQW_AFTER_UP could not run: " + e.getMessage());
        }
    }

    /**
     * The ports this start needs: the services', and PostgreSQL's and Kafka's unless external ones
     * are configured.
     */
    static List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        ServiceProcess.ALL.forEach(service -> ports.add(service.port()));
        if (isBlank(System.getenv("BQW_JDBC_URL"))) {
            ports.add(POSTGRES_PORT);
        }
        if (isBlank(System.getenv("KAFKA_BOOTSTRAP_SERVERS"))) {
            ports.add(KAFKA_PORT);
            ports.add(KAFKA_PORT + 1);
        }
        return ports;
    }

    /** One line for each of {@code ports} that something listens on, naming the process. */
    static List<String> takenPorts(List<Integer> ports) {
        return ports.stream()
                .filter(port -> !Ports.freeWithin(port, Duration.ofSeconds(30)))
                .map(port -> "port " + port + " is in use by " + Ports.describeHolder(port))
                .toList();
    }

    /** A child that stops on its own is reported the moment it does, with the end of its log. */
    private void reportExits(Path logs) {
        services.forEach((name, process) -> reportExit(name, process, logs.resolve(name + ".log")));
        if (kafka != null) {
            reportExit("Kafka", kafka, logs.resolve("kafka.log"));
        }
        postmasterPid()
                .flatMap(ProcessHandle::of)
                .ifPresent(postmaster -> postmaster.onExit().thenAccept(exited -> {
                    if (!stopping) {
                        System.err.println();
                        System.err.println("✗ PostgreSQL (pid " + exited.pid() + ") stopped on its own");
                    }
                }));
    }

    private void reportExit(String name, Process process, Path log) {
        process.onExit().thenAccept(exited -> {
            if (!stopping) {
                System.err.println();
                System.err.println(
                        "✗ " + name + " stopped on its own (exit " + exited.exitValue() + "); the end of its log:");
                printTail(log);
            }
        });
    }

    /** Stays in the foreground until Ctrl-C or {@code ./bqw down}; {@link #reportExits} speaks meanwhile. */
    private static void watch() throws InterruptedException {
        new java.util.concurrent.CountDownLatch(1).await();
    }

    private synchronized void stopAll() {
        stopping = true;
        if (services.isEmpty() && kafka == null && postgres == null) {
            state.clear();
            return;
        }
        System.out.println();
        System.out.println("stopping …");
        // Services first, so none of them is left retrying a database or broker that went away.
        services.values().forEach(Process::destroy);
        services.values().forEach(process -> Processes.stop(process.toHandle(), Duration.ofSeconds(30)));
        services.clear();
        if (kafka != null) {
            Processes.stop(kafka.toHandle(), Duration.ofSeconds(60));
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        state.clear();
        System.out.println("stopped; data kept in " + home);
    }

    private Optional<Long> postmasterPid() {
        try {
            Path pidFile = home.resolve("postgres").resolve("postmaster.pid");
            return Files.exists(pidFile)
                    ? Optional.of(
                            Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void printTail(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            all.subList(Math.max(0, all.size() - 30), all.size()).forEach(line -> System.err.println("  " + line));
        } catch (IOException e) {
            System.err.println("  (no log at " + log + ")");
        }
    }

    private static void step(String message) {
        System.out.println("▸ " + message);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
