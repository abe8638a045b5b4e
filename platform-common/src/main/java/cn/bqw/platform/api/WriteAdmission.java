package cn.bqw.platform.api;

import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds single writes beyond what this instance can work on: at most {@code max-in-flight} run at
 * once; a write that finds them all busy waits for a slot, first come first served, at most {@code
 * max-wait}, and never behind more than {@code max-waiting} others. Past that it is answered at once
 * with 503 and {@code Retry-After}, which a data-entry app can act on, instead of being held until
 * its own timeout cuts it off (issue #25: most posts did, at twice the capacity).
 *
 * <p>Slots are taken when the resource method runs, after the body has been read, so a stalled
 * upload holds none.
 */
@ApplicationScoped
public class WriteAdmission {

    @Inject
    WriteAdmissionConfig config;

    private Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();

    @PostConstruct
    void init() {
        slots = new Semaphore(config.maxInFlight(), true);
    }

    /** Runs {@code write} in a slot, or refuses it with 503 when none is free soon enough. */
    public <T> T admit(Callable<T> write) throws Exception {
        if (!slots.tryAcquire()) {
            if (waiting.incrementAndGet() > config.maxWaiting()) {
                waiting.decrementAndGet();
                throw busy();
            }
            try {
                if (!slots.tryAcquire(config.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
                    throw busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy();
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return write.call();
        } finally {
            slots.release();
        }
    }

    /** Writes waiting for a slot now. */
    int waitingNow() {
        return waiting.get();
    }

    private ProblemException busy() {
        return new ProblemException(
                ProblemType.UNAVAILABLE,
                "this service is working on as many writes as it can take (" + config.maxInFlight()
                        + " at once); nothing was stored, send the request again shortly");
    }
}
