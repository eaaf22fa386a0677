package uz.ekommunal.simulator.transport;

import java.util.concurrent.Semaphore;

/** Waiting for room in an in-flight window, given up when the simulation is stopped (interrupted). */
final class InFlight {
    private InFlight() {
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
