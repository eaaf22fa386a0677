package uz.ekommunal.gateway.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows into gateway.readings by binary COPY: about a third less database time per row than an
 * INSERT ... ON CONFLICT (no speculative insertion, rows written in bulk), and no text arrays to
 * build in the JVM. COPY cannot skip a row already stored: a repeat fails the whole COPY with
 * 23505, and the caller writes the rows the other way ({@link ReadingStore#insert}).
 */
final class ReadingCopy {

    static final String SQL = "copy gateway.readings (meter_id, register, ts, value, quality, received_at, source)"
            + " from stdin (format binary)";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in Unix seconds. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final BigInteger[] PAD = {BigInteger.ONE, BigInteger.TEN, BigInteger.valueOf(100),
        BigInteger.valueOf(1000)};
    private static final long[] LONG_PAD = {1, 10, 100, 1000};

    private ReadingCopy() {
    }

    /** Copies the rows in the caller's transaction; throws (23505) if one is already stored. */
    static void copy(Connection connection, List<ReadingRow> rows) throws SQLException {
        Bytes data = encodeInto(rows);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
        try {
            copy.writeToCopy(data.buffer, 0, data.size);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** The rows in PostgreSQL's binary COPY format (header, one tuple per row, trailer). */
    static byte[] encode(List<ReadingRow> rows) {
        return encodeInto(rows).toByteArray();
    }

    private static Bytes encodeInto(List<ReadingRow> rows) {
        Bytes out = new Bytes(64 + rows.size() * 128); // a row takes about 100 bytes: one allocation, no regrowth
        Map<String, byte[]> texts = new HashMap<>(); // registers and sources repeat: encode each once
        out.put(SIGNATURE);
        out.putInt(0); // flags
        out.putInt(0); // header extension length
        for (ReadingRow row : rows) {
            out.putShort(7);
            out.putInt(8);
            out.putLong(row.meterId());
            out.putText(texts.computeIfAbsent(row.register(), t -> t.getBytes(StandardCharsets.UTF_8)));
            out.putInt(8);
            out.putLong(micros(row.time()));
            numeric(out, row.value());
            out.putInt(4);
            out.putInt(row.quality());
            out.putInt(8);
            out.putLong(micros(row.receivedAt()));
            out.putText(texts.computeIfAbsent(row.source(), t -> t.getBytes(StandardCharsets.UTF_8)));
        }
        out.putShort(-1);
        return out;
    }

    /** Microseconds since PostgreSQL's epoch, rounded to the nearest as PostgreSQL rounds text input. */
    static long micros(Instant time) {
        return Math.multiplyExact(time.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L)
                + (time.getNano() + 500) / 1_000;
    }

    /**
     * PostgreSQL's binary numeric: digit count, weight (of the first base-10000 digit), sign,
     * display scale, then the base-10000 digits without leading or trailing zero digits.
     */
    static void numeric(Bytes out, BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        int scale = v.scale();
        int pad = (4 - scale % 4) % 4;
        int fractionGroups = (scale + 3) / 4;
        short[] groups; // least significant first
        int count = 0;
        if (v.precision() <= 15) {
            // the usual reading: the unscaled digits fit a long even padded, so no BigInteger at all
            long rest = Math.abs(v.scaleByPowerOfTen(scale).longValue()) * LONG_PAD[pad];
            groups = new short[5];
            while (rest != 0) {
                groups[count++] = (short) (rest % 10_000);
                rest /= 10_000;
            }
        } else {
            // the unscaled digits, padded on the right so the decimal point falls between base-10000 digits
            BigInteger rest = v.unscaledValue().abs().multiply(PAD[pad]);
            BigInteger base = BigInteger.valueOf(10_000);
            groups = new short[rest.toString().length() / 4 + 1];
            while (rest.signum() != 0) {
                BigInteger[] qr = rest.divideAndRemainder(base);
                groups[count++] = qr[1].shortValue();
                rest = qr[0];
            }
        }
        int lowest = 0;
        while (lowest < count && groups[lowest] == 0) {
            lowest++; // trailing zero digits are left out
        }
        int digits = count - lowest;
        out.putInt(8 + 2 * digits);
        out.putShort(digits);
        out.putShort(digits == 0 ? 0 : count - 1 - fractionGroups);
        out.putShort(v.signum() < 0 ? 0x4000 : 0);
        out.putShort(scale);
        for (int i = count - 1; i >= lowest; i--) {
            out.putShort(groups[i]);
        }
    }

    /** A growing byte array written big-endian, as COPY wants; unsynchronised, unlike DataOutputStream's. */
    static final class Bytes {
        private byte[] buffer;
        private int size;

        Bytes(int capacity) {
            buffer = new byte[capacity];
        }

        private void room(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        void put(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        void putText(byte[] utf8) {
            putInt(utf8.length);
            put(utf8);
        }

        void putShort(int value) {
            room(2);
            buffer[size++] = (byte) (value >>> 8);
            buffer[size++] = (byte) value;
        }

        void putInt(int value) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void putLong(long value) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }
}
