package uz.ekommunal.gateway.coap;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * Confirmable POSTs still unanswered after a while get an empty ACK, so that the meter stops
 * retransmitting, and their answer follows as a separate response. One sweep a fraction of that
 * while walks the POSTs in arrival order, instead of a timer task (and a timer thread wake-up) per
 * POST: most are answered long before, and are then only dropped from the queue.
 */
final class SeparateAcks {

    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final long afterNanos;

    /** Sweeps on {@code timers} every quarter of {@code after} (at least 10 ms) until it is shut down. */
    SeparateAcks(ScheduledExecutorService timers, Duration after) {
        this.afterNanos = after.toNanos();
        long period = Math.max(10, after.toMillis() / 4);
        timers.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Watches an answer from now on: an empty ACK goes out if it is still pending after the while. */
    void watch(PendingAnswer answer) {
        waiting.add(new Waiting(answer, System.nanoTime()));
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Waiting next = waiting.peek(); next != null && now - next.since() >= afterNanos; next = waiting.peek()) {
            waiting.poll();
            next.answer().acceptIfPending();
        }
    }

    private record Waiting(PendingAnswer answer, long since) {
    }

    /** One exchange's answer: an empty ACK first if storing takes long, then exactly one response. */
    static final class PendingAnswer {
        private final CoapExchange exchange;
        private boolean responded;

        PendingAnswer(CoapExchange exchange) {
            this.exchange = exchange;
        }

        synchronized void acceptIfPending() {
            if (!responded) {
                exchange.accept();
            }
        }

        synchronized void respond(org.eclipse.californium.core.coap.Response response) {
            if (!responded) {
                responded = true;
                exchange.respond(response);
            }
        }
    }
}
