package uz.ekommunal.api.export;

import java.util.List;
import uz.ekommunal.gateway.store.StoredReading;

/**
 * A meter's readings as CSV (RFC 4180, comma, UTF-8): serial, register (OBIS), time (ISO-8601
 * UTC), value as stored, unit, quality, source.
 */
final class ReadingsCsv implements Chunks.Source {

    static final String HEADER = "serial,register,time,value,unit,quality,source\r\n";

    private final String serial;
    private final ReadingPages pages;
    private boolean started;

    ReadingsCsv(String serial, ReadingPages pages) {
        this.serial = serial;
        this.pages = pages;
    }

    @Override
    public Chunks.Chunk next() throws Exception {
        StringBuilder out = new StringBuilder();
        if (!started) {
            out.append(HEADER);
            started = true;
        }
        List<StoredReading> page = pages.next();
        for (StoredReading r : page) {
            out.append(Csv.field(serial)).append(',').append(Csv.field(r.register())).append(',')
                    .append(r.time()).append(',').append(r.value().toPlainString()).append(',')
                    .append(Csv.field(r.unit() == null ? "" : r.unit())).append(',').append(r.quality()).append(',')
                    .append(Csv.field(r.source() == null ? "" : r.source())).append("\r\n");
        }
        return new Chunks.Chunk(out.toString(), pages.done());
    }
}
