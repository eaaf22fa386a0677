package uz.ekommunal.gateway.modbus;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;

/**
 * One poll of one meter, run every interval: read the registers of its map, hand the readings to
 * ingestion, and keep its online/offline status. A poll skipped (lease in doubt, writer full) loses
 * nothing: the registers are cumulative, and the next poll reads them again.
 */
final class MeterPoll implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MeterPoll.class);

    private final LeasedMeter meter;
    private final ModbusConnection connection;
    private final ReadingIngest ingest;
    private final ModbusLeases leases;
    private final Clock clock;
    private final int failuresBeforeOffline;
    private final BooleanSupplier leaseHeld;
    private int failures;
    private Boolean online; // null until this instance knows

    MeterPoll(LeasedMeter meter, ModbusConnection connection, ReadingIngest ingest, ModbusLeases leases, Clock clock,
            int failuresBeforeOffline, BooleanSupplier leaseHeld) {
        this.meter = meter;
        this.connection = connection;
        this.ingest = ingest;
        this.leases = leases;
        this.clock = clock;
        this.failuresBeforeOffline = failuresBeforeOffline;
        this.leaseHeld = leaseHeld;
    }

    @Override
    public void run() {
        if (!leaseHeld.getAsBoolean()) {
            return; // the lease may have passed to another instance: polling now could double up
        }
        try {
            List<MeterReading> readings = read();
            succeeded(readings);
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    private List<MeterReading> read() throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<MeterReading> readings = new ArrayList<>();
        for (RegisterField field : meter.map().fields()) {
            int[] words = connection.read(meter.unitId(), field.function(), field.offset(), field.type().words());
            int exponent = field.exponentOffset() < 0 ? 0
                    : (short) connection.read(meter.unitId(), field.function(), field.exponentOffset(), 1)[0];
            try {
                readings.add(new MeterReading(meter.serial(), field.register(), now, field.value(words, exponent),
                        Protocol.MODBUS, now));
            } catch (IllegalArgumentException e) {
                throw new IOException("register " + field.register().obis() + " at " + field.offset() + ": "
                        + e.getMessage(), e);
            }
        }
        return readings;
    }

    private void succeeded(List<MeterReading> readings) {
        failures = 0;
        CompletableFuture<IngestResult> stored = ingest.acceptReadings(Protocol.MODBUS, meter.source(), readings);
        if (stored == null) {
            LOG.debug("Writer full; poll of {} skipped, the next one reads the registers again", meter.serial());
        } else {
            stored.whenComplete((result, error) -> {
                if (error != null) {
                    LOG.debug("Readings of {} not stored: {}", meter.serial(), error.toString());
                }
            });
        }
        updateStatus(() -> leases.markOnline(meter.meterId(), clock.instant()));
        if (!Boolean.TRUE.equals(online)) {
            LOG.info("Modbus meter {} at {} answers", meter.serial(), meter.source());
        }
        online = true;
    }

    private void failed(Exception e) {
        failures++;
        String error = e.getMessage() == null ? e.toString() : e.getMessage();
        boolean offline = failures >= failuresBeforeOffline;
        updateStatus(() -> leases.markFailed(meter.meterId(), error, offline, clock.instant()));
        if (offline && !Boolean.FALSE.equals(online)) {
            LOG.warn("Modbus meter {} at {} is offline: {}", meter.serial(), meter.source(), error);
            online = false;
        }
    }

    private void updateStatus(StatusWrite write) {
        try {
            write.run();
        } catch (Exception e) {
            LOG.debug("Cannot record the status of {}: {}", meter.serial(), e.toString());
        }
    }

    @FunctionalInterface
    private interface StatusWrite {
        void run() throws Exception;
    }
}
