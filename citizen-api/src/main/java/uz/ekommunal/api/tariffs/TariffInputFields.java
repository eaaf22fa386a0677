package uz.ekommunal.api.tariffs;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * Typed reads from a JSON body. A value of the wrong type or out of range becomes a 400 problem
 * naming the field (e.g. {@code utilities[0].consumption}), never a class-cast 500.
 */
final class TariffInputFields {

    /** Dates outside these years are typing errors (and would overflow date arithmetic). */
    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2199;
    /** Digits before and after the point a household quantity can sensibly have. */
    private static final int MAX_INTEGER_DIGITS = 12;
    private static final int MAX_FRACTION_DIGITS = 6;

    private TariffInputFields() {
    }

    static String string(JsonObject json, String key, String field) {
        Object value = json.getValue(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid(field, "must be a string");
    }

    static boolean bool(JsonObject json, String key, String field, boolean fallback) {
        Object value = json.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw invalid(field, "must be true or false");
    }

    /** A number (or a numeric string), with at most 12 integer and 6 fraction digits; null if absent. */
    static BigDecimal decimal(JsonObject json, String key, String field) {
        Object value = json.getValue(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number) && !(value instanceof String)) {
            throw invalid(field, "must be a number");
        }
        String text = value.toString().strip();
        BigDecimal number;
        try {
            number = new BigDecimal(text.length() > 40 ? "x" : text).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a number, not '" + shorten(text) + "'");
        }
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS || number.scale() > MAX_FRACTION_DIGITS) {
            throw invalid(field, "must be a number with at most " + MAX_INTEGER_DIGITS + " digits before the point and "
                    + MAX_FRACTION_DIGITS + " after it");
        }
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    static int integer(JsonObject json, String key, String field, int fallback, int min, int max) {
        BigDecimal number = decimal(json, key, field);
        if (number == null) {
            return fallback;
        }
        if (number.scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
                || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid(field, "must be a whole number from " + min + " to " + max);
        }
        return number.intValueExact();
    }

    static LocalDate date(JsonObject json, String key, String field, LocalDate fallback) {
        String text = string(json, key, field);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return date(text, field);
    }

    /** An ISO date ({@code 2025-05-01}) between the years {@value #MIN_YEAR} and {@value #MAX_YEAR}. */
    static LocalDate date(String text, String field) {
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw invalid(field, "must be a date such as 2025-05-01 (years " + MIN_YEAR + " to " + MAX_YEAR
                + "), not '" + shorten(text) + "'");
    }

    static ApiException invalid(String field, String detail) {
        return ApiException.because(ApiError.INVALID_VALUE, field, "detail", field, detail);
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
