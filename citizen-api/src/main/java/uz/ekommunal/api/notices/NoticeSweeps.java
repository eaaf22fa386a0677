package uz.ekommunal.api.notices;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the notice sweeps on their own thread, one after the other, every interval until closed. */
public final class NoticeSweeps implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeSweeps.class);

    private final List<Callable<Integer>> sweeps;
    private ScheduledExecutorService timer;

    public NoticeSweeps(List<Callable<Integer>> sweeps) {
        this.sweeps = List.copyOf(sweeps);
    }

    public synchronized void start(Duration interval) {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notice-sweeps");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every sweep once; one failing does not stop the others. @return messages put in the outbox */
    public int runAll() {
        int sent = 0;
        for (Callable<Integer> sweep : sweeps) {
            try {
                sent += sweep.call();
            } catch (Exception e) {
                LOG.warn("Notice sweep failed, retrying next round: {}", e.toString());
            }
        }
        return sent;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
