package uz.ekommunal.api.money;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/** Reads money, days and months from requests, and turns billing's refusals into problems. */
final class MoneyInput {

    private MoneyInput() {
    }

    /** An amount in so'm ("120000.50" or 120000.5) with at most two decimals, as tiyin. */
    static long tiyin(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) {
            throw ApiException.because(ApiError.MISSING_VALUE, field, "fieldRequired", field);
        }
        try {
            BigDecimal so = new BigDecimal(v.toString().strip());
            if (so.scale() > 2 && so.stripTrailingZeros().scale() > 2) {
                throw ApiException.because(ApiError.INVALID_VALUE, field, "moreThanTwoDecimals", field);
            }
            if (so.signum() <= 0) {
                throw ApiException.because(ApiError.INVALID_VALUE, field, "moreThanZero", field);
            }
            return so.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "amountInSoum", field);
        }
    }

    /** A positive whole number field, or null when absent and optional. */
    static Long id(JsonObject body, String field, boolean required) {
        Object v = body.getValue(field);
        if (v == null) {
            if (required) {
                throw ApiException.because(ApiError.MISSING_VALUE, field, "fieldRequired", field);
            }
            return null;
        }
        if (!(v instanceof Number n) || n.longValue() <= 0 || n.doubleValue() != n.longValue()) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "positiveWholeNumber", field);
        }
        return n.longValue();
    }

    static LocalDate day(RoutingContext ctx, String name, LocalDate fallback) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, name, "dateLike", name);
        }
    }

    static YearMonth month(RoutingContext ctx, String name, YearMonth fallback) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, name, "monthLike", name);
        }
    }

    static Long optionalId(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.because(ApiError.INVALID_PARAMETER, name, "positiveWholeNumber", name);
    }
}
