package cn.bqw.testkit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts PostgreSQL and Kafka when the test JVM's JUnit session opens, in the JVM's own class
 * loader, so that the servers outlive every Quarkus application class loader of the run.
 */
public class StartInfrastructureOnce implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TestInfrastructure.ensureStarted();
    }
}
