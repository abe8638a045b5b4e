package cn.bqw.launcher;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

final class Processes {

    private Processes() {}

    /** Asks politely (SIGTERM), then insists once {@code grace} has passed. */
    static void stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
