package cn.bqw.launcher;

import cn.bqw.local.ServiceJar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One of the platform's services: where its build lands, its port and its database. */
record ServiceProcess(String name, int port, String database) {

    static final List<ServiceProcess> ALL = List.of(
            new ServiceProcess("village-service", 8081, "village"),
            new ServiceProcess("indicator-service", 8082, "indicator"),
            new ServiceProcess("report-service", 8080, "report"),
            new ServiceProcess("task-service", 8083, "task"));

    Path runnableJar(Path projectRoot) {
        return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String readinessUrl() {
        return "http://localhost:" + port + "/q/health/ready";
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Process start(Path projectRoot, Map<String, String> environment, Path log) {
        // Locally the services answer this machine only, unless BQW_BIND says otherwise (0.0.0.0: all interfaces).
        String bind = System.getenv("BQW_BIND");
        return ServiceJar.start(
                runnableJar(projectRoot), bind == null || bind.isBlank() ? "127.0.0.1" : bind, port, environment, log);
    }
}
