package uz.ekommunal.gateway;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.StoredReading;

/** The gateway's Java API for other modules: a meter's readings over a time range. */
public final class MeterReadings {

    private final MeterRegistry registry;
    private final ReadingStore store;

    public MeterReadings(MeterRegistry registry, ReadingStore store) {
        this.registry = registry;
        this.store = store;
    }

    /** A meter and its readings in [from, to); empty when no meter has this serial. */
    public Optional<MeterHistory> history(String serial, Instant from, Instant to, int limit) throws SQLException {
        Optional<Meter> meter = registry.find(serial);
        if (meter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MeterHistory(meter.get(), store.forMeter(meter.get().id(), from, to, limit)));
    }

    public record MeterHistory(Meter meter, List<StoredReading> readings) {
    }
}
