package uz.ekommunal.simulator;

import java.util.Locale;

import uz.ekommunal.simulator.transport.Counters;

/**
 * What a run did.
 *
 * @param meters           meters simulated
 * @param simulatedSeconds simulated time covered
 * @param wallSeconds      wall time taken, including the wait for the last acknowledgements
 * @param counters         totals: generated, sent, acknowledged, failed
 * @param drained          true when every send was acknowledged or failed before the drain timeout
 */
public record SimulationSummary(int meters, long simulatedSeconds, double wallSeconds, Counters.Snapshot counters,
                                boolean drained) {

    public double readingsAckedPerSecond() {
        return counters.readingsAcked() / Math.max(wallSeconds, 1e-9);
    }

    public double messagesAckedPerSecond() {
        return counters.messagesAcked() / Math.max(wallSeconds, 1e-9);
    }

    /** Lines for the terminal. */
    public String describe() {
        Counters.Snapshot c = counters;
        return String.format(Locale.ROOT, """
                summary: %d meters, %d s simulated in %.1f s wall
                  readings generated %d, sent %d, acknowledged %d, failed %d
                  messages sent %d, acknowledged %d, failed %d (malformed on purpose: %d)
                  modbus register updates %d
                  mqtt reconnects: %d sessions resumed, %d sessions lost (unacknowledged publishes sent again)
                  rate: %.0f readings/s and %.0f messages/s acknowledged%s""",
                meters, simulatedSeconds, wallSeconds, c.readingsGenerated(), c.readingsSent(), c.readingsAcked(),
                c.readingsFailed(), c.messagesSent(), c.messagesAcked(), c.messagesFailed(), c.malformedSent(),
                c.modbusUpdates(), c.sessionsResumed(), c.sessionsLost(), readingsAckedPerSecond(), messagesAckedPerSecond(),
                drained ? "" : "\n  WARNING: some sends were still unacknowledged at the drain timeout");
    }
}
