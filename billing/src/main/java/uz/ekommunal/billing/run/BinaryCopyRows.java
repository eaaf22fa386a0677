package uz.ekommunal.billing.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.util.ByteConverter;

/**
 * Rows in PostgreSQL's binary COPY format, sent in one COPY: numbers, dates and instants go as
 * the server stores them, so neither side formats or parses text (a shard writes a few hundred
 * thousand values; as text they cost the JVM its digits and the server its numeric and timestamp
 * parsing). Each value is written by its column's type; the caller keeps the columns' order.
 * Kept in chunks of about 32 KB rather than one growing array, which would be copied at each doubling.
 */
final class BinaryCopyRows {

    private static final int CHUNK = 1 << 15;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] buffer = new byte[CHUNK];
    private int length;
    private int rows;

    BinaryCopyRows() {
        put(HEADER);
    }

    /** Starts a row of {@code fields} values. */
    BinaryCopyRows row(int fields) {
        if (length >= CHUNK - 512) {
            flush();
        }
        rows++;
        return int16(fields);
    }

    BinaryCopyRows int8(long value) {
        int32(8);
        ensure(8);
        ByteConverter.int8(buffer, length, value);
        length += 8;
        return this;
    }

    BinaryCopyRows int8(Long value) {
        return value == null ? nul() : int8(value.longValue());
    }

    BinaryCopyRows int2(int value) {
        int32(2);
        return int16(value);
    }

    BinaryCopyRows bool(boolean value) {
        int32(1);
        ensure(1);
        buffer[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    BinaryCopyRows text(String value) {
        if (value == null) {
            return nul();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length);
        return put(bytes);
    }

    BinaryCopyRows date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        int32(4);
        return int32((int) (value.toEpochDay() - PG_EPOCH_DAY));
    }

    /** A timestamptz: microseconds since 2000-01-01 UTC. */
    BinaryCopyRows timestamptz(Instant value) {
        if (value == null) {
            return nul();
        }
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond() - PG_EPOCH_SECOND, 1_000_000L),
                (value.getNano() + 500) / 1_000); // to the nearest microsecond, as the server rounds text
        return int8(micros);
    }

    BinaryCopyRows numeric(BigDecimal value) {
        if (value == null) {
            return nul();
        }
        byte[] bytes = NumericBinary.of(value);
        int32(bytes.length);
        return put(bytes);
    }

    private BinaryCopyRows nul() {
        return int32(-1);
    }

    private BinaryCopyRows int16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
        return this;
    }

    private BinaryCopyRows int32(int value) {
        ensure(4);
        ByteConverter.int4(buffer, length, value);
        length += 4;
        return this;
    }

    private BinaryCopyRows put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            byte[] bigger = new byte[Math.max(buffer.length * 2, length + more)];
            System.arraycopy(buffer, 0, bigger, 0, length);
            buffer = bigger;
        }
    }

    private void flush() {
        byte[] chunk = new byte[length];
        System.arraycopy(buffer, 0, chunk, 0, length);
        chunks.add(chunk);
        length = 0;
    }

    int rows() {
        return rows;
    }

    /** COPY into {@code table (columns)} within the caller's transaction. */
    long copyInto(Connection c, String tableAndColumns) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        int16(-1); // the trailer
        flush();
        List<InputStream> parts = new ArrayList<>(chunks.size());
        for (byte[] chunk : chunks) {
            parts.add(new ByteArrayInputStream(chunk));
        }
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy " + tableAndColumns + " from stdin (format binary)",
                    new SequenceInputStream(Collections.enumeration(parts)));
        } catch (IOException e) {
            throw new SQLException("COPY into " + tableAndColumns + " failed", e);
        }
    }
}
