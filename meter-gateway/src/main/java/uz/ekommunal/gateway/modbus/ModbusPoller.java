package uz.ekommunal.gateway.modbus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.ingest.ReadingIngest;

/**
 * Polls the Modbus TCP meters this instance holds leases on. Every few seconds (a third of the
 * lease duration, at most 5 s) it renews its leases, announces itself alive, and takes (or hands back) meters until it holds its
 * fair share: with N live instances, each polls about 1/N of the meters, and the meters of an
 * instance that dies are taken over once its leases expire. Polling runs on its own small pool,
 * since j2mod blocks; meters behind one host:port share one connection.
 */
public final class ModbusPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusPoller.class);

    private final ReadingIngest ingest;
    private final Clock clock;
    private final ModbusSettings settings;
    private final ModbusLeases leases;
    private final ModbusConnections connections;
    private final Map<Long, Polled> polled = new ConcurrentHashMap<>();
    private ScheduledExecutorService pollPool;
    private ScheduledExecutorService leaseThread;
    /** Until when (System.nanoTime) the leases renewed last are surely still ours. */
    private volatile long leasesValidUntilNanos;

    public ModbusPoller(ReadingIngest ingest, DataSource dataSource, Clock clock, ModbusSettings settings) {
        this.ingest = ingest;
        this.clock = clock;
        this.settings = settings;
        this.leases = new ModbusLeases(dataSource, settings.owner(), settings.leaseDuration());
        this.connections = new ModbusConnections(settings.timeout(), settings.maxBackoff());
    }

    /**
     * Starts taking leases and polling; the first leases are taken at once.
     *
     * @throws IllegalStateException if already started
     */
    public synchronized void start() {
        if (leaseThread != null) {
            throw new IllegalStateException("Modbus poller already started");
        }
        pollPool = Executors.newScheduledThreadPool(settings.pollThreads(), threads("modbus-poll"));
        leaseThread = Executors.newSingleThreadScheduledExecutor(threads("modbus-lease"));
        leaseThread.scheduleWithFixedDelay(this::rebalance, 0, settings.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Modbus poller {} started", settings.owner());
    }

    /** The serials of the meters this instance polls now. */
    public Set<String> polledSerials() {
        return polled.values().stream().map(p -> p.serial).collect(Collectors.toUnmodifiableSet());
    }

    /** TCP connections open now: one per host:port, whatever the number of unit ids behind it. */
    public int openConnections() {
        return connections.open();
    }

    public String owner() {
        return settings.owner();
    }

    /** Stops polling and hands every lease back, so other instances take the meters at once. */
    @Override
    public synchronized void close() {
        if (leaseThread == null) {
            return;
        }
        shutdown(leaseThread);
        List.copyOf(polled.keySet()).forEach(this::stopPolling);
        shutdown(pollPool);
        try {
            leases.leave();
        } catch (Exception e) {
            LOG.warn("Could not hand Modbus leases back ({}); they expire in {}", e.toString(), settings.leaseDuration());
        }
        connections.close();
        leaseThread = null;
        LOG.info("Modbus poller {} stopped", settings.owner());
    }

    /** One lease round: renew, drop what was lost, then take or hand back meters toward the fair share. */
    private void rebalance() {
        long started = System.nanoTime();
        try {
            leases.heartbeat();
            Set<Long> held = new HashSet<>(leases.renew());
            leasesValidUntilNanos = started + settings.leaseDuration().toNanos();
            for (Long meterId : List.copyOf(polled.keySet())) {
                if (!held.contains(meterId)) {
                    LOG.warn("Lease of meter {} lost; no longer polling it", polled.get(meterId).serial);
                    stopPolling(meterId);
                }
            }
            // Held but not polled: left by an earlier run under the same owner name, or by a failed
            // hand-back. Released, they are claimed again below with their current configuration.
            Set<Long> strays = new HashSet<>(held);
            strays.removeAll(polled.keySet());
            if (!strays.isEmpty()) {
                leases.release(strays);
                held.removeAll(strays);
            }
            int share = leases.fairShare();
            if (held.size() > share) {
                handBack(held, held.size() - share);
            } else if (held.size() < share) {
                for (ModbusLeases.Claimed claimed : leases.claim(share - held.size())) {
                    startPolling(claimed);
                }
            }
        } catch (Exception e) {
            // Leases not renewed: polling stops by itself when they may have expired.
            LOG.warn("Modbus lease round failed: {}", e.toString());
        } catch (Throwable t) {
            LOG.error("Modbus lease round failed", t);
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        if (tookMillis > settings.renewEvery().toMillis()) {
            LOG.warn("Modbus lease round took {} ms, longer than its period; is the database slow?", tookMillis);
        }
    }

    private void handBack(Set<Long> held, int count) throws Exception {
        List<Long> extra = held.stream().sorted(Comparator.reverseOrder()).limit(count).toList();
        extra.forEach(this::stopPolling);
        leases.release(extra);
        LOG.info("Handed {} Modbus meters back for other instances", extra.size());
    }

    private void startPolling(ModbusLeases.Claimed claimed) throws Exception {
        if (claimed.meter() == null) {
            leases.markFailed(claimed.meterId(), "bad register map: " + claimed.problem(), true, clock.instant());
            polled.put(claimed.meterId(), new Polled(claimed.serial(), null, null, null));
            return;
        }
        LeasedMeter meter = claimed.meter();
        ModbusConnection connection = connections.acquire(meter.host(), meter.port());
        MeterPoll poll = new MeterPoll(meter, connection, ingest, leases, clock, settings.failuresBeforeOffline(),
                () -> System.nanoTime() - leasesValidUntilNanos < 0);
        ScheduledFuture<?> task = pollPool.scheduleAtFixedRate(poll, 0, meter.interval().toMillis(),
                TimeUnit.MILLISECONDS);
        polled.put(meter.meterId(), new Polled(meter.serial(), meter.host(), meter.port(), task));
        LOG.info("Polling Modbus meter {} at {} every {}", meter.serial(), meter.source(), meter.interval());
    }

    private void stopPolling(long meterId) {
        Polled stopped = polled.remove(meterId);
        if (stopped != null && stopped.task != null) {
            stopped.task.cancel(false);
            connections.release(stopped.host, stopped.port);
        }
    }

    private static void shutdown(ScheduledExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Polled(String serial, String host, Integer port, ScheduledFuture<?> task) {
    }
}
