package uz.ekommunal.api.operator;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.BillingTime;

/** Typed body fields for the desk; a bad value is a 400 naming the field. */
final class DeskFormFields {

    private DeskFormFields() {
    }

    static String text(JsonObject body, String field, int max, boolean required) {
        return RouteSupport.text(body, field, max, required);
    }

    static int integer(JsonObject body, String field, int fallback, int min, int max, boolean required) {
        Object value = body.getValue(field);
        if (value == null) {
            if (required) {
                throw ApiException.because(ApiError.MISSING_VALUE, field, "required", field);
            }
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.longValue() >= min && n.longValue() <= max) {
            return n.intValue();
        }
        throw ApiException.because(ApiError.INVALID_VALUE, field, "wholeNumberFrom", field, min, max);
    }

    static BigDecimal positive(JsonObject body, String field, BigDecimal fallback) {
        Object value = body.getValue(field);
        if (value == null) {
            return fallback;
        }
        try {
            BigDecimal d = new BigDecimal(value.toString());
            if (d.signum() > 0 && d.precision() <= 20 && (value instanceof Number || value instanceof String)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.because(ApiError.INVALID_VALUE, field, "positiveNumber", field);
    }

    /** An ISO-8601 time, or a date (midnight in Tashkent). */
    static Instant instant(JsonObject body, String field, Instant fallback, boolean required) {
        String value = text(body, field, 40, required);
        if (value == null) {
            return fallback;
        }
        try {
            return value.length() == 10 ? BillingTime.startOf(LocalDate.parse(value)) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "dateIsoTimeT", field);
        }
    }

    static JsonObject object(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null || value instanceof JsonObject) {
            return (JsonObject) value;
        }
        throw ApiException.because(ApiError.INVALID_VALUE, field, "object", field);
    }
}
