package uz.ekommunal.gateway.coap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.gateway.ingest.IngestCounters;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.ingest.Ingestion;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.gateway.vee.VeeLimits;

/** The gateway's ingestion, wired as Gateway.start does it, for adapter tests (CoAP and Modbus). */
public final class IngestPipeline implements AutoCloseable {

    public final MeterRegistry registry;
    public final ReadingStore store;
    public final IngestCounters counters;
    public final ReadingIngest ingest;
    private final Ingestion ingestion;
    private final DataSource dataSource;

    public IngestPipeline(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.registry = new MeterRegistry(dataSource);
        this.store = new ReadingStore(dataSource);
        try {
            this.ingestion = Ingestion.start(dataSource, registry, store, clock,
                    new IngestSettings(500, 5_000, null, VeeLimits.defaults(), 10_000));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.counters = ingestion.counters();
        this.ingest = ingestion.ingest();
    }

    /** All stored readings of a meter, oldest first. */
    public List<StoredReading> readings(String serial) throws Exception {
        long id = registry.find(serial).orElseThrow().id();
        return store.forMeter(id, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 10_000);
    }

    /** How many quarantine rows mention this text in their detail. */
    public long quarantined(String reason, String detailContains) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from gateway.quarantine where reason = ? and detail like ?")) {
            s.setString(1, reason);
            s.setString(2, "%" + detailContains + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        ingestion.close();
    }
}
