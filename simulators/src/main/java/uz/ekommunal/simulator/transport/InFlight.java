package uz.ekommunal.simulator.transport;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Waiting for room in an in-flight window, given up when the simulation is stopped (interrupted). */
final class InFlight {
    private InFlight() {
    }

    /** True once all {@code permits} are back (nothing in flight) before the deadline ({@link System#nanoTime()}). */
    static boolean awaitAllBack(Semaphore window, int permits, long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !window.tryAcquire(permits, left, TimeUnit.NANOSECONDS)) {
            return false;
        }
        window.release(permits);
        return true;
    }

    /** True when a permit was taken; false when interrupted, with the interrupt flag kept. */
    static boolean acquire(Semaphore window) {
        try {
            window.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
