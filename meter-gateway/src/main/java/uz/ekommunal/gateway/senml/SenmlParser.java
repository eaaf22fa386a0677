package uz.ekommunal.gateway.senml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.PayloadRejected;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.reading.RejectReason;
import uz.ekommunal.gateway.reading.Units;

/**
 * Turns a SenML JSON pack (RFC 8428) into meter readings. The resolved name of each record is
 * {@code {serial}:{OBIS code}}, e.g. {@code E1000001:1-0:1.8.0}. Base fields (bn, bt, bu, bv)
 * carry over to later records as the RFC says. Values are read as exact decimals.
 *
 * <p>Thread-safe: one instance serves every adapter.
 */
public final class SenmlParser {

    /** Resolved times below 2^28 s are relative to "now" (RFC 8428 section 4.5.3). */
    private static final double RELATIVE_TIME_LIMIT = 268_435_456d;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** A cumulative register is never negative; the readings column holds up to 10^14. */
    private static final BigDecimal MAX_VALUE = BigDecimal.TEN.pow(12);

    private final JsonFactory json = JsonFactory.builder().build();
    private final int maxRecords;
    private final int maxBytes;
    private final Duration maxFuture;

    public SenmlParser(int maxRecords, int maxBytes, Duration maxFuture) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.maxFuture = maxFuture;
    }

    public static SenmlParser withDefaults() {
        return new SenmlParser(10_000, 1 << 20, Duration.ofDays(1));
    }

    /**
     * @param expectedSerial the serial the transport names (e.g. from the MQTT topic), or null
     * @throws PayloadRejected naming the first problem found; nothing of a rejected pack is used
     */
    public List<MeterReading> parse(byte[] payload, String expectedSerial, Protocol protocol, Instant receivedAt)
            throws PayloadRejected {
        if (payload.length > maxBytes) {
            throw new PayloadRejected(RejectReason.PACK_TOO_LARGE,
                    "pack of " + payload.length + " bytes exceeds " + maxBytes);
        }
        try (JsonParser parser = json.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new PayloadRejected(RejectReason.INVALID_PACK, "a SenML pack is a JSON array of records");
            }
            PackState base = new PackState();
            List<MeterReading> readings = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    throw new PayloadRejected(RejectReason.INVALID_PACK, "record " + readings.size() + " is not an object");
                }
                if (readings.size() == maxRecords) {
                    throw new PayloadRejected(RejectReason.PACK_TOO_LARGE, "more than " + maxRecords + " records");
                }
                SenmlRecord record = SenmlRecord.read(parser, readings.size());
                readings.add(resolve(record, base, readings.size(), expectedSerial, protocol, receivedAt));
            }
            if (parser.nextToken() != null) {
                throw new PayloadRejected(RejectReason.MALFORMED_JSON, "content after the end of the pack");
            }
            if (readings.isEmpty()) {
                throw new PayloadRejected(RejectReason.INVALID_PACK, "the pack has no records");
            }
            return readings;
        } catch (JsonParseException e) {
            throw new PayloadRejected(RejectReason.MALFORMED_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new PayloadRejected(RejectReason.MALFORMED_JSON, String.valueOf(e.getMessage()));
        }
    }

    private MeterReading resolve(SenmlRecord record, PackState base, int index, String expectedSerial,
            Protocol protocol, Instant receivedAt) throws PayloadRejected {
        base.apply(record);
        resolveName(base, record.name(), index, expectedSerial);
        Register register = base.register;
        if (record.value() == null) {
            throw new PayloadRejected(RejectReason.INVALID_VALUE, where(index) + "numeric value 'v' is missing");
        }
        BigDecimal value = base.baseValue == null ? record.value() : base.baseValue.add(record.value());
        if (value.signum() < 0 || value.compareTo(MAX_VALUE) >= 0) {
            throw new PayloadRejected(RejectReason.INVALID_VALUE, where(index) + "register value " + value.toPlainString()
                    + " is outside 0 .. 10^12");
        }
        String unit = record.unit() != null ? record.unit() : base.baseUnit;
        BigDecimal canonical = Units.toCanonical(register, unit, value);
        Instant time = resolveTime(base.baseTime + record.time(), receivedAt, index);
        return new MeterReading(base.serial, register, time, canonical, protocol, receivedAt);
    }

    /**
     * Splits the resolved name into serial and register, and checks both, into {@code base}. A pack's
     * records mostly repeat one name (one meter's register at several times): the same base name and
     * name as the record before, already checked, are not split and checked again.
     */
    private static void resolveName(PackState base, String recordName, int index, String expectedSerial)
            throws PayloadRejected {
        if (base.register != null && base.resolvedBaseName == base.baseName
                && java.util.Objects.equals(base.resolvedName, recordName)) {
            return;
        }
        String name = recordName == null ? base.baseName : base.baseName.concat(recordName);
        int colon = name.indexOf(':');
        if (colon <= 0 || colon == name.length() - 1) {
            throw new PayloadRejected(RejectReason.INVALID_PACK, where(index) + "name '" + name + "' is not {serial}:{OBIS code}");
        }
        String serial = name.substring(0, colon);
        if (!isSerial(serial)) {
            throw new PayloadRejected(RejectReason.INVALID_PACK, where(index) + "serial '" + serial + "' has invalid characters");
        }
        if (expectedSerial != null && !expectedSerial.equals(serial)) {
            throw new PayloadRejected(RejectReason.TOPIC_MISMATCH,
                    where(index) + "serial " + serial + " does not match the sender " + expectedSerial);
        }
        String obis = name.substring(colon + 1);
        base.register = Register.byObis(obis).orElseThrow(() -> new PayloadRejected(
                RejectReason.UNKNOWN_REGISTER, where(index) + "no register with OBIS code '" + obis + "'"));
        base.serial = serial;
        base.resolvedBaseName = base.baseName;
        base.resolvedName = recordName;
    }

    /** As the pattern [A-Za-z0-9_-]{1,40}, without a matcher per record. */
    private static boolean isSerial(String serial) {
        int length = serial.length();
        if (length < 1 || length > 40) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = serial.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Where a problem is, for its message: built only when a record is rejected. */
    private static String where(int index) {
        return "record " + index + ": ";
    }

    private Instant resolveTime(double seconds, Instant receivedAt, int index) throws PayloadRejected {
        if (!Double.isFinite(seconds)) {
            throw new PayloadRejected(RejectReason.INVALID_TIME, where(index) + "time is not a finite number");
        }
        long micros = Math.round(seconds * 1_000_000d);
        Instant time = Math.abs(seconds) < RELATIVE_TIME_LIMIT
                ? receivedAt.plusNanos(micros * 1_000)
                : Instant.ofEpochSecond(0, 0).plusNanos(micros * 1_000);
        if (time.isBefore(EARLIEST) || time.isAfter(receivedAt.plus(maxFuture))) {
            throw new PayloadRejected(RejectReason.INVALID_TIME, where(index) + "time " + time + " is out of range");
        }
        return time;
    }

    /** The base fields in force while a pack is read. */
    private static final class PackState {
        String baseName = "";
        double baseTime;
        String baseUnit;
        BigDecimal baseValue;
        /** The last name checked: its base name (by identity) and record name, serial and register. */
        String resolvedBaseName;
        String resolvedName;
        String serial;
        Register register;

        void apply(SenmlRecord record) {
            if (record.baseName() != null) {
                baseName = record.baseName();
            }
            if (record.baseTime() != null) {
                baseTime = record.baseTime();
            }
            if (record.baseUnit() != null) {
                baseUnit = record.baseUnit();
            }
            if (record.baseValue() != null) {
                baseValue = record.baseValue();
            }
        }
    }
}
