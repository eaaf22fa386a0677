package uz.ekommunal.api.http;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads and validates query parameters; bad values become 400 problems naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    /** An ISO-8601 instant ({@code 2025-11-24T16:00:00Z}) or a date (midnight in {@code zone}). */
    public static Instant instant(RoutingContext ctx, String name, Instant fallback, ZoneId zone) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, name, "notDateIsoTime", value);
        }
    }

    public static int integer(RoutingContext ctx, String name, int fallback, int min, int max) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.because(ApiError.INVALID_PARAMETER, name, "wholeNumberFrom", min, max);
    }
}
