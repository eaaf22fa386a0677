package uz.ekommunal.simulator.transport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes the meters' flushed packets out shortly after the flush, so that the packets flushed
 * meanwhile go with them in one system call. One daemon thread for the process; it sleeps while
 * nothing waits.
 */
final class Linger implements Runnable {
    /** At most this long between Paho's flush and the bytes reaching the kernel. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    static final Linger INSTANCE = new Linger();

    private final Queue<ConcentratorSocketFactory.CoalescingOutput> waiting = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean idle;

    private Linger() {
        thread = new Thread(this, "mqtt-linger");
        thread.setDaemon(true);
        thread.start();
    }

    /** The output has packets to write (called once until they are written). */
    void add(ConcentratorSocketFactory.CoalescingOutput output) {
        waiting.offer(output);
        if (idle) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void run() {
        while (true) {
            if (waiting.isEmpty()) {
                idle = true;
                if (waiting.isEmpty()) {
                    LockSupport.park(this);
                }
                idle = false;
                continue;
            }
            LockSupport.parkNanos(LINGER_NANOS);
            // only those waiting now: one flushed again meanwhile waits for the next round, with more packets
            ConcentratorSocketFactory.CoalescingOutput output;
            for (int n = waiting.size(); n > 0 && (output = waiting.poll()) != null; n--) {
                output.writeOut();
            }
        }
    }
}
