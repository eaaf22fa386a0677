package uz.ekommunal.billing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.store.ReadingRow;
import uz.ekommunal.gateway.store.ReadingStore;

/** Writes readings through the gateway's store API, as intake would. */
public final class Readings {

    private final DataSource dataSource;
    private final ReadingStore store;
    private final List<ReadingRow> pending = new ArrayList<>();

    public Readings(DataSource dataSource) {
        this.dataSource = dataSource;
        this.store = new ReadingStore(dataSource);
    }

    public Readings add(Meter meter, String register, Instant time, BigDecimal value) {
        pending.add(new ReadingRow(meter.id(), register, time, value, 0, time, "test"));
        return this;
    }

    public void flush() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < pending.size(); i += 5_000) {
                store.insert(c, pending.subList(i, Math.min(pending.size(), i + 5_000)));
            }
        }
        pending.clear();
    }
}
