package uz.ekommunal.api.tariffs;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.calculator.BlockUse;
import uz.ekommunal.tariff.calculator.Calculator;
import uz.ekommunal.tariff.calculator.CalculatorItem;
import uz.ekommunal.tariff.calculator.CalculatorLine;
import uz.ekommunal.tariff.calculator.CalculatorRequest;
import uz.ekommunal.tariff.calculator.CalculatorResult;
import uz.ekommunal.tariff.pricing.Household;

/**
 * The calculator's JSON: the request body read into a {@link CalculatorRequest}, the result written
 * out. Money is a string with two decimals ({@code "180000.00"}), prices and quantities are exact
 * decimal strings, so no client ever sees a binary floating-point rounding.
 */
final class CalculatorJson {

    static final Region DEFAULT_REGION = Region.TASHKENT_CITY;
    static final int DEFAULT_RESIDENTS = 1;
    private static final int MAX_UTILITIES = 20;

    private CalculatorJson() {
    }

    /**
     * @param today the date used when the body has none
     * @throws ApiException for a body that is not a JSON object or a field of the wrong type
     * @throws uz.ekommunal.tariff.TariffException for an unknown utility, region or class
     */
    static CalculatorRequest parse(Buffer body, LocalDate today) {
        JsonObject json = object(body);
        List<CalculatorItem> items = items(json.getValue("utilities"));
        String region = TariffInputFields.string(json, "region", "region");
        String householdClass = TariffInputFields.string(json, "householdClass", "householdClass");
        BigDecimal heatedArea = TariffInputFields.decimal(json, "heatedArea", "heatedArea");
        if (items.stream().anyMatch(i -> i.utility() == Utility.HEATING)
                && (heatedArea == null || heatedArea.signum() == 0)) {
            throw ApiException.because(ApiError.MISSING_VALUE, "heatedArea", "heatedareaMRequiredHeating");
        }
        return new CalculatorRequest(items,
                region == null || region.isBlank() ? DEFAULT_REGION : Region.parse(region, "region"),
                TariffInputFields.date(json, "date", "date", today),
                householdClass == null || householdClass.isBlank() ? HouseholdClass.STANDARD
                        : HouseholdClass.parse(householdClass, "householdClass"),
                TariffInputFields.integer(json, "residents", "residents", DEFAULT_RESIDENTS, 0, Household.MAX_RESIDENTS),
                heatedArea,
                TariffInputFields.integer(json, "months", "months", 1, 1, Calculator.MAX_MONTHS),
                TariffInputFields.bool(json, "needyFamily", "needyFamily", false));
    }

    private static JsonObject object(Buffer body) {
        if (body == null || body.length() == 0) {
            throw ApiException.because(ApiError.INVALID_BODY, null, "bodyJsonObjectEmpty");
        }
        Object value;
        try {
            value = Json.decodeValue(body);
        } catch (DecodeException e) {
            throw ApiException.because(ApiError.INVALID_BODY, null, "bodyNotValidJson");
        }
        if (value instanceof JsonObject json) {
            return json;
        }
        throw ApiException.because(ApiError.INVALID_BODY, null, "bodyJsonObject");
    }

    private static List<CalculatorItem> items(Object value) {
        if (value == null) {
            throw ApiException.because(ApiError.MISSING_VALUE, "utilities", "utilitiesRequiredWhichUtilities");
        }
        if (!(value instanceof JsonArray array)) {
            throw TariffInputFields.invalid("utilities", "must be a list of {utility, metered, consumption}");
        }
        if (array.isEmpty() || array.size() > MAX_UTILITIES) {
            throw TariffInputFields.invalid("utilities", "must list from 1 to " + MAX_UTILITIES + " utilities");
        }
        List<CalculatorItem> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String field = "utilities[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject item)) {
                throw TariffInputFields.invalid(field, "must be an object {utility, metered, consumption}");
            }
            String utility = TariffInputFields.string(item, "utility", field + ".utility");
            if (utility == null) {
                throw ApiException.because(ApiError.MISSING_VALUE, field + ".utility", "utilityRequired", field);
            }
            items.add(new CalculatorItem(Utility.parse(utility, field + ".utility"),
                    TariffInputFields.bool(item, "metered", field + ".metered", false),
                    TariffInputFields.decimal(item, "consumption", field + ".consumption")));
        }
        return items;
    }

    static JsonObject render(CalculatorResult result) {
        JsonArray lines = new JsonArray();
        for (CalculatorLine line : result.lines()) {
            JsonArray blocks = new JsonArray();
            for (BlockUse use : line.blocks()) {
                blocks.add(new JsonObject()
                        .put("block", use.block())
                        .put("from", ExactDecimalText.quantity(use.bounds().from()))
                        .put("to", use.bounds().to() == null ? null : ExactDecimalText.quantity(use.bounds().to()))
                        .put("price", ExactDecimalText.price(use.bounds().price()))
                        .put("quantity", ExactDecimalText.quantity(use.quantity()))
                        .put("amount", use.amount().toString()));
            }
            lines.add(new JsonObject()
                    .put("utility", line.utility().name())
                    .put("kind", line.kind().name())
                    .put("tariffId", line.tariffId())
                    .put("basis", line.basis().name())
                    .put("unit", line.unit().label())
                    .put("price", ExactDecimalText.price(line.price()))
                    .put("quantity", ExactDecimalText.quantity(line.quantity()))
                    .put("months", line.months())
                    .put("amount", line.amount().toString())
                    .put("blocks", blocks));
        }
        return new JsonObject()
                .put("date", result.date().toString())
                .put("region", result.region().name())
                .put("months", result.months())
                .put("currency", "UZS")
                .put("lines", lines)
                .put("total", result.total().toString());
    }
}
