package uz.ekommunal.app.demo;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.gateway.ReadingLookup;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.ReadingQueries;
import uz.ekommunal.simulator.PolledHistory;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Reading;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * The demo neighbourhood's past, so a new user finds invoices at once: its simulation starts the
 * day before the month due for billing and catches up to the present (readings every
 * {@link #INTERVAL} until then), and on later starts sends only what the gateway does not have yet.
 * The start is taken from the readings stored, so the registers stay continuous across restarts.
 */
final class DemoHistory {

    /** Between two past readings of a meter: coarse enough to send two months in about a minute. */
    static final Duration INTERVAL = Duration.ofHours(3);
    /** The live interval; simulation starts lie on its grid. */
    private static final long GRID_SECONDS = Duration.ofMinutes(15).getSeconds();

    /**
     * Where the simulation starts and what the gateway already has.
     *
     * @param start the simulation's start: the same on every start with the same data
     * @param alreadySent per meter serial, its latest stored reading
     */
    record Plan(Instant start, Map<String, Instant> alreadySent) {

        boolean fresh() {
            return alreadySent.isEmpty();
        }
    }

    private DemoHistory() {
    }

    /** A fresh start begins the day before {@code due} (Tashkent time); a later one where the stored readings begin. */
    static Plan plan(DataSource dataSource, List<MeterSpec> meters, BillingPeriod due) throws SQLException {
        List<String> serials = meters.stream().map(MeterSpec::serial).toList();
        Map<String, Instant> latest = new HashMap<>();
        Instant earliest = null;
        for (Map.Entry<String, ReadingLookup.Span> span : new ReadingQueries(dataSource).spans(serials).entrySet()) {
            Instant first = span.getValue().first();
            earliest = earliest == null || first.isBefore(earliest) ? first : earliest;
            latest.put(span.getKey(), span.getValue().last());
        }
        if (earliest == null) {
            return new Plan(BillingTime.startOf(due.start().minusDays(1)), Map.of());
        }
        // every meter reads within the first interval after the start: its phase is below it
        long start = Math.floorDiv(earliest.getEpochSecond(), GRID_SECONDS) * GRID_SECONDS;
        return new Plan(Instant.ofEpochSecond(start), latest);
    }

    /**
     * The past readings of the polled (Modbus) meters, handed straight to the gateway's ingest as
     * if read out of each meter's load profile: polling sees only the present value.
     */
    static final class LoadProfiles implements PolledHistory {

        private final ReadingIngest ingest;
        private final Clock clock;
        private final List<CompletableFuture<IngestResult>> pending = new ArrayList<>();
        private final AtomicLong readings = new AtomicLong();

        LoadProfiles(ReadingIngest ingest, Clock clock) {
            this.ingest = ingest;
            this.clock = clock;
        }

        @Override
        public void readOut(MeterSpec meter, List<Reading> past) {
            Instant now = clock.instant();
            List<MeterReading> out = new ArrayList<>(past.size());
            for (Reading r : past) {
                Register register = Register.byObis(r.register().obis()).orElseThrow(
                        () -> new IllegalStateException("no gateway register for " + r.register().obis()));
                out.add(new MeterReading(meter.serial(), register, Instant.ofEpochSecond(r.timestamp()),
                        new BigDecimal(r.text()), Protocol.MODBUS, now));
            }
            CompletableFuture<IngestResult> stored;
            while ((stored = ingest.acceptReadings(Protocol.MODBUS, "load profile of " + meter.serial(), out)) == null) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // the writer is full: it drains
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            readings.addAndGet(out.size());
            synchronized (pending) {
                pending.add(stored);
            }
        }

        /** Waits until every reading handed over is stored. */
        void awaitStored() throws InterruptedException, ExecutionException {
            List<CompletableFuture<IngestResult>> all;
            synchronized (pending) {
                all = List.copyOf(pending);
                pending.clear();
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        }

        long readings() {
            return readings.get();
        }
    }
}
