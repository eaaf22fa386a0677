package uz.ekommunal.api.export;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.gateway.MeterReadings;
import uz.ekommunal.gateway.store.StoredReading;

/**
 * A meter's readings in [from, to), oldest first, a page at a time through the gateway's Java API.
 * A page ends before its last timestamp (its registers may continue on the next page), so every
 * reading comes exactly once.
 */
final class ReadingPages {

    static final int PAGE = 5_000;

    private final MeterReadings readings;
    private final int pageSize;
    private final String serial;
    private final Instant to;
    private Instant cursor;
    private boolean done;

    ReadingPages(MeterReadings readings, String serial, Instant from, Instant to) {
        this(readings, PAGE, serial, from, to);
    }

    ReadingPages(MeterReadings readings, int pageSize, String serial, Instant from, Instant to) {
        this.readings = readings;
        this.pageSize = pageSize;
        this.serial = serial;
        this.cursor = from;
        this.to = to;
    }

    /** The next page; empty once all is read. */
    List<StoredReading> next() throws SQLException {
        if (done) {
            return List.of();
        }
        List<StoredReading> rows = readings.history(serial, cursor, to, pageSize).map(h -> h.readings())
                .orElse(List.of());
        if (rows.size() < pageSize) {
            done = true;
            return rows;
        }
        Instant last = rows.get(rows.size() - 1).time();
        List<StoredReading> page = new ArrayList<>();
        for (StoredReading r : rows) {
            if (r.time().isBefore(last)) {
                page.add(r);
            }
        }
        if (page.isEmpty()) {
            throw new IllegalStateException("more than " + pageSize + " registers of " + serial + " at " + last);
        }
        cursor = last;
        return page;
    }

    boolean done() {
        return done;
    }
}
