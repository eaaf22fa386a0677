package uz.ekommunal.api.estimates;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.api.estimates.EstimateArithmetic.Pick;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.tariff.Region;

/** Reads what a person asks to price, from a JSON body or from query parameters; bad input is a 400 naming the field. */
final class EstimateInput {

    static final int MAX_LINES = 100;
    private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MAX_RATE = new BigDecimal("1000000000");

    private EstimateInput() {
    }

    static String region(String text) {
        if (text == null || text.isBlank()) {
            return Region.TASHKENT_CITY.name();
        }
        try {
            return Region.valueOf(text.strip()).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, "region", "estimateRegion");
        }
    }

    static LocalDate date(String text, String field, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "estimateDate", field);
        }
    }

    /** {@code lines: [{item, quantity}]} from the body. */
    static List<Pick> picks(JsonObject body) {
        Object raw = body.getValue("lines");
        if (!(raw instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_LINES) {
            throw ApiException.because(ApiError.INVALID_VALUE, "lines", "estimateLines", MAX_LINES);
        }
        List<Pick> picks = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject line)) {
                throw ApiException.because(ApiError.INVALID_VALUE, "lines", "estimateLines", MAX_LINES);
            }
            Object quantity = line.getValue("quantity");
            picks.add(new Pick(code(line.getValue("item"), "lines[" + i + "].item"),
                    quantity(quantity == null ? null : quantity.toString(), "lines[" + i + "].quantity")));
        }
        return picks;
    }

    /** {@code line=PLASTERING:12.5} query parameters, as a printable link carries them. */
    static List<Pick> picks(List<String> lines) {
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw ApiException.because(ApiError.INVALID_VALUE, "line", "estimateLines", MAX_LINES);
        }
        List<Pick> picks = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw ApiException.because(ApiError.INVALID_VALUE, "line", "estimateLines", MAX_LINES);
            }
            picks.add(new Pick(code(line.substring(0, colon), "line"), quantity(line.substring(colon + 1), "line")));
        }
        return picks;
    }

    static String code(Object value, String field) {
        if (!(value instanceof String s) || !s.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "estimateCode", field);
        }
        return s;
    }

    /** More than 0, at most 1 000 000, at most three decimals. */
    static BigDecimal quantity(String text, String field) {
        try {
            BigDecimal q = new BigDecimal(text == null ? "" : text.strip());
            if (q.signum() > 0 && q.compareTo(MAX_QUANTITY) <= 0 && q.stripTrailingZeros().scale() <= 3) {
                return q.stripTrailingZeros().scale() < 0 ? q.setScale(0) : q.stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.because(ApiError.INVALID_VALUE, field, "estimateQuantity", field);
    }

    /** So'm per unit: 0 or more, at most two decimals. */
    static BigDecimal rate(Object value, String field) {
        try {
            BigDecimal r = new BigDecimal(value == null ? "" : value.toString().strip());
            if (r.signum() >= 0 && r.compareTo(MAX_RATE) < 0 && r.stripTrailingZeros().scale() <= 2) {
                return r.setScale(2);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.because(ApiError.INVALID_VALUE, field, "estimateRate", field);
    }
}
