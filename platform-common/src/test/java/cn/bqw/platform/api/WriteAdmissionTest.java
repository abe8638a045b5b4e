package cn.bqw.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WriteAdmissionTest {

    record Limits(int maxInFlight, int maxWaiting, Duration maxWait) implements WriteAdmissionConfig {}

    private static WriteAdmission admission(int inFlight, int waiting, Duration wait) {
        WriteAdmission admission = new WriteAdmission();
        admission.config = new Limits(inFlight, waiting, wait);
        admission.init();
        return admission;
    }

    @Test
    void aWriteBeyondTheSlotsWaitsThenIsRefusedAndOneBeyondTheQueueAtOnce() throws Exception {
        WriteAdmission admission = admission(1, 1, Duration.ofMillis(300));
        Held first = hold(admission);

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> call(admission, () -> "second"));
        awaitWaiting(admission);
        // The queue holds one: the third is refused without waiting, while the second still waits.
        ProblemException third = assertThrows(ProblemException.class, () -> admission.admit(() -> "third"));
        assertEquals(ProblemType.UNAVAILABLE, third.type());
        assertEquals(1, admission.waitingNow(), "the second is still waiting");

        ExecutionException timedOut = assertThrows(ExecutionException.class, () -> second.get(10, TimeUnit.SECONDS));
        assertEquals(ProblemType.UNAVAILABLE, ((ProblemException) timedOut.getCause()).type());

        first.release().countDown();
        assertEquals("first", first.write().get(10, TimeUnit.SECONDS));
        assertEquals("next", admission.admit(() -> "next"), "the slot is free again");
        assertEquals(0, admission.waitingNow());
    }

    @Test
    void aFailingWriteGivesItsSlotBack() throws Exception {
        WriteAdmission admission = admission(1, 0, Duration.ZERO);
        assertThrows(
                IllegalStateException.class,
                () -> admission.admit(() -> {
                    throw new IllegalStateException("refused by the rules");
                }));
        assertEquals("admitted", admission.admit(() -> "admitted"));
    }

    @Test
    void aWaitingWriteGetsTheSlotWhenItIsFreedInTime() throws Exception {
        WriteAdmission admission = admission(1, 4, Duration.ofSeconds(30));
        Held first = hold(admission);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> call(admission, () -> "second"));
        awaitWaiting(admission);
        first.release().countDown();
        assertEquals("first", first.write().get(10, TimeUnit.SECONDS));
        assertEquals("second", second.get(10, TimeUnit.SECONDS));
    }

    /** A write that holds a slot until {@code release} is counted down. */
    record Held(CountDownLatch release, CompletableFuture<String> write) {}

    private static Held hold(WriteAdmission admission) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> call(admission, () -> {
            holding.countDown();
            release.await();
            return "first";
        }));
        holding.await();
        return new Held(release, write);
    }

    private static void awaitWaiting(WriteAdmission admission) {
        while (admission.waitingNow() == 0) {
            Thread.onSpinWait();
        }
    }

    private static String call(WriteAdmission admission, java.util.concurrent.Callable<String> write) {
        try {
            return admission.admit(write);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
