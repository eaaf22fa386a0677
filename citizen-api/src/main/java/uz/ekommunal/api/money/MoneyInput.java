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
            throw new ApiException(ApiError.MISSING_VALUE, field, field + " is required");
        }
        try {
            BigDecimal so = new BigDecimal(v.toString().strip());
            if (so.scale() > 2 && so.stripTrailingZeros().scale() > 2) {
                throw new ApiException(ApiError.INVALID_VALUE, field, field + " has more than two decimals (tiyin)");
            }
            if (so.signum() <= 0) {
                throw new ApiException(ApiError.INVALID_VALUE, field, field + " must be more than zero");
            }
            return so.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ApiException(ApiError.INVALID_VALUE, field, field + " must be an amount in so'm, e.g. 120000.50");
        }
    }

    /** A positive whole number field, or null when absent and optional. */
    static Long id(JsonObject body, String field, boolean required) {
        Object v = body.getValue(field);
        if (v == null) {
            if (required) {
                throw new ApiException(ApiError.MISSING_VALUE, field, field + " is required");
            }
            return null;
        }
        if (!(v instanceof Number n) || n.longValue() <= 0 || n.doubleValue() != n.longValue()) {
            throw new ApiException(ApiError.INVALID_VALUE, field, field + " must be a positive whole number");
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
            throw new ApiException(ApiError.INVALID_PARAMETER, name, name + " must be a date like 2026-03-10");
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
            throw new ApiException(ApiError.INVALID_PARAMETER, name, name + " must be a month like 2026-03");
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
        throw new ApiException(ApiError.INVALID_PARAMETER, name, name + " must be a positive whole number");
    }
}
