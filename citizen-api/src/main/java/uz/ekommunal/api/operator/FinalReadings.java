package uz.ekommunal.api.operator;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.gateway.ReadingLookup;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.ReadingRow;
import uz.ekommunal.gateway.store.ReadingQueries;
import uz.ekommunal.gateway.store.ReadingStore;

/**
 * A replaced meter's last register value, as the fitter reads it off when taking the meter down:
 * stored as the old meter's reading at the replacement time, which is where billing takes the
 * old meter's end value (its service life ends there), so no use between the last reported
 * reading and the swap is lost.
 */
final class FinalReadings {

    /** What the body gave: the register (null: the utility's main one) and its value. */
    record Value(String register, BigDecimal value) {
    }

    /** The register a meter of this utility is billed on, when the body names none. */
    private static final Map<String, String> MAIN_REGISTER = Map.of("electricity", "1-0:1.8.0", "gas", "7-0:3.0.0",
            "cold_water", "8-0:1.0.0", "hot_water", "9-0:1.0.0", "heat", "6-0:1.0.0");

    private final ReadingStore store;
    private final ReadingLookup readings;
    private final DataSource dataSource;
    private final Clock clock;

    FinalReadings(ReadingStore store, DataSource dataSource, Clock clock) {
        this.store = store;
        this.readings = new ReadingQueries(dataSource);
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** {@code finalReading: {value, register?}} from a replace body, or null when not given. */
    static Value parse(JsonObject body) {
        JsonObject reading = DeskFormFields.object(body, "finalReading");
        if (reading == null) {
            return null;
        }
        Object raw = reading.getValue("value");
        if (raw == null) {
            throw ApiException.because(ApiError.MISSING_VALUE, "finalReading.value", "finalreadingValueRequired");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.toString().strip());
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || value.signum() < 0 || value.precision() > 20
                || !(raw instanceof Number || raw instanceof String)) {
            throw ApiException.because(ApiError.INVALID_VALUE, "finalReading.value", "finalreadingValueRegisterS");
        }
        String register = DeskFormFields.text(reading, "register", 20, false);
        if (register != null && Register.byObis(register).isEmpty()) {
            throw ApiException.because(ApiError.UNKNOWN_VALUE, "finalReading.register",
                    "finalreadingRegisterKnownObis");
        }
        return new Value(register, value);
    }

    /**
     * Checks the value against what the old meter reported before {@code at}, then stores it.
     *
     * @throws ApiException {@link ApiError#INVALID_VALUE} on {@code finalReading.value} if it is below
     *         the last stored reading, or another value is already stored at that time
     */
    void record(Meter old, Value reading, Instant at, long userId) throws SQLException {
        String register = reading.register() != null ? reading.register() : MAIN_REGISTER.get(old.utility());
        Optional<ReadingLookup.Value> last = readings.atOrBefore(old.id(), register, at);
        if (last.isPresent()) {
            Instant ts = last.get().time();
            BigDecimal before = last.get().value();
            if (ts.equals(at) && before.compareTo(reading.value()) != 0) {
                throw ApiException.because(ApiError.INVALID_VALUE, "finalReading.value",
                        "readingAlreadyStored", before.toPlainString(), at);
            }
            if (reading.value().compareTo(before) < 0) {
                throw ApiException.because(ApiError.INVALID_VALUE, "finalReading.value",
                        "finalReadingBelowLast", reading.value().toPlainString(), before.toPlainString(), ts);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            store.insert(c, List.of(new ReadingRow(old.id(), register, at, reading.value(), 0, clock.instant(),
                    "desk:user:" + userId)));
        }
    }
}
