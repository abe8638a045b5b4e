package cn.bqw.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Slots without a queue, as the imports use them: the one beyond is refused at once with the caller's problem. */
class SlotsTest {

    @Test
    void withNoWaitingTheWorkBeyondTheSlotsIsRefusedAtOnceThenTakenWhenOneIsFree() throws Exception {
        Slots slots = new Slots(1, 0, Duration.ZERO);
        ProblemException busy = new ProblemException(ProblemType.UNAVAILABLE, "busy");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return slots.run(
                        () -> {
                            holding.countDown();
                            release.await();
                            return "first";
                        },
                        () -> busy);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holding.await();
        assertSame(busy, assertThrows(ProblemException.class, () -> slots.run(() -> "second", () -> busy)));
        assertEquals(0, slots.waitingNow(), "nothing waits");
        release.countDown();
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        assertEquals("third", slots.run(() -> "third", () -> busy));
    }
}
