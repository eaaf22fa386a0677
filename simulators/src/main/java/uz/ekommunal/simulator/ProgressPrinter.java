package uz.ekommunal.simulator;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import uz.ekommunal.simulator.transport.Counters;

/** Prints one line a second: simulated time, meters online, readings and messages sent and acknowledged per second. */
final class ProgressPrinter {
    private final PrintStream out;
    private final Simulation simulation;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulation-progress");
        thread.setDaemon(true);
        return thread;
    });
    private Counters.Snapshot last;
    private long seconds;

    ProgressPrinter(PrintStream out, Simulation simulation) {
        this.out = out;
        this.simulation = simulation;
    }

    void start() {
        last = simulation.counters().snapshot();
        timer.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    void stop() {
        timer.shutdownNow();
    }

    private void print() {
        Counters.Snapshot now = simulation.counters().snapshot();
        seconds++;
        out.printf(Locale.ROOT,
                "[%4ds] sim %s | online %d/%d | readings sent %d/s acked %d/s | messages sent %d/s acked %d/s | failed %d | modbus updates %d/s%n",
                seconds, Instant.ofEpochSecond(simulation.simulatedNow()), simulation.metersOnline(),
                simulation.meterCount(), now.readingsSent() - last.readingsSent(),
                now.readingsAcked() - last.readingsAcked(), now.messagesSent() - last.messagesSent(),
                now.messagesAcked() - last.messagesAcked(), now.messagesFailed(),
                now.modbusUpdates() - last.modbusUpdates());
        last = now;
    }
}
