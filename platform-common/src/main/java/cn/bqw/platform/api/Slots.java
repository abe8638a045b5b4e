package cn.bqw.platform.api;

import cn.bqw.platform.problem.ProblemException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most so many pieces of work at once. Work that finds every slot busy waits for one, first come
 * first served, at most {@code maxWait} and never behind more than {@code maxWaiting} others;
 * past that it is refused at once with the caller's problem (a 503 with Retry-After), which a
 * client can act on, instead of being held until its own timeout cuts it off.
 */
public final class Slots {

    private final Semaphore free;
    private final int maxWaiting;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();

    public Slots(int slots, int maxWaiting, Duration maxWait) {
        this.free = new Semaphore(slots, true);
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /** Runs {@code work} in a slot, or throws {@code busy} when none is free soon enough. */
    public <T> T run(Callable<T> work, Supplier<ProblemException> busy) throws Exception {
        if (!free.tryAcquire()) {
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw busy.get();
            }
            try {
                if (!free.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw busy.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy.get();
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return work.call();
        } finally {
            free.release();
        }
    }

    /** Work waiting for a slot now. */
    int waitingNow() {
        return waiting.get();
    }
}
