package uz.ekommunal.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits on a condition with a deadline, never on a fixed sleep. */
public final class Eventually {

    private Eventually() {
    }

    /**
     * Polls {@code probe} until {@code done} accepts its value.
     *
     * @return the accepted value
     * @throws AssertionError with the last value seen when the deadline passes
     */
    public static <T> T await(Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.call();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            Thread.onSpinWait();
            Thread.sleep(20); // polling interval between checks of the condition
        }
        AssertionError failure = new AssertionError("condition not met within " + timeout + "; last value: " + last);
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }
}
