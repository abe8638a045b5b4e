package cn.bqw.platform.api;

import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;

/**
 * Sheds single writes beyond what this instance can work on ({@link Slots} sized by {@code
 * bqw.writes.*}): issue #25 found most posts held until their clients' timeouts at twice the
 * capacity. Slots are taken when the resource method runs, after the body has been read, so a
 * stalled upload holds none.
 */
@ApplicationScoped
public class WriteAdmission {

    @Inject
    WriteAdmissionConfig config;

    private Slots slots;

    @PostConstruct
    void init() {
        slots = new Slots(config.maxInFlight(), config.maxWaiting(), config.maxWait());
    }

    /** Runs {@code write} in a slot, or refuses it with 503 when none is free soon enough. */
    public <T> T admit(Callable<T> write) throws Exception {
        return slots.run(write, this::busy);
    }

    /** Writes waiting for a slot now. */
    int waitingNow() {
        return slots.waitingNow();
    }

    private ProblemException busy() {
        return new ProblemException(
                ProblemType.UNAVAILABLE,
                "this service is working on as many writes as it can take (" + config.maxInFlight()
                        + " at once); nothing was stored, send the request again shortly");
    }
}
