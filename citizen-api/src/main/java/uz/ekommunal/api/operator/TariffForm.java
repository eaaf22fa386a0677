package uz.ekommunal.api.operator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.tariff.ChargeBasis;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.MeterCondition;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.SeasonalNorm;
import uz.ekommunal.tariff.TariffBookCsv;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.Utility;

/**
 * A tariff version from JSON, in the book's own shape ({@link TariffBookCsv}): each field is
 * checked on its own so a problem names it, then the row goes through the book's parser, and
 * the whole book through its validator when stored.
 */
final class TariffForm {

    private TariffForm() {
    }

    static TariffVersion parse(JsonObject body) {
        String id = DeskFormFields.text(body, "id", 80, true);
        if (!id.matches("[A-Za-z0-9_.:-]+")) {
            throw invalid("id", "id must be letters, digits, '-', '_', '.' or ':'");
        }
        String utility = cell(body, "utility", true, v -> Utility.parse(v, "utility").name());
        String basis = cell(body, "basis", true, v -> ChargeBasis.valueOf(v.toUpperCase()).name());
        String meter = cell(body, "meter", false, v -> MeterCondition.valueOf(v.toUpperCase()).name());
        String regions = regions(body);
        String householdClass = cell(body, "class", false, v -> HouseholdClass.parse(v, "class").name());
        String validFrom = cell(body, "validFrom", true, v -> LocalDate.parse(v).toString());
        String validTo = cell(body, "validTo", false, v -> LocalDate.parse(v).toString());
        String blocks = cell(body, "blocks", true, v -> TariffBookCsv.formatBlocks(TariffBookCsv.parseBlocks(v)));
        String season = cell(body, "season", false, v -> SeasonalNorm.parse(v).format());
        String coefficient = number(body, "unmeteredCoefficient");
        String statePays = number(body, "statePaysAboveNorm");
        String row = String.join(",", id, utility, basis, meter == null ? "ANY" : meter, regions,
                householdClass == null ? "STANDARD" : householdClass, validFrom, validTo == null ? "" : validTo,
                blocks, orEmpty(season), orEmpty(coefficient), orEmpty(statePays));
        return TariffBookCsv.parseRow(row, "body");
    }

    private interface Check {
        String apply(String value);
    }

    private static String cell(JsonObject body, String field, boolean required, Check check) {
        String value = DeskFormFields.text(body, field, 500, required);
        if (value == null) {
            return null;
        }
        if (value.indexOf(',') >= 0) {
            throw invalid(field, field + " must not contain commas");
        }
        try {
            return check.apply(value);
        } catch (RuntimeException e) {
            throw invalid(field, field + ": " + e.getMessage());
        }
    }

    private static String regions(JsonObject body) {
        Object value = body.getValue("regions");
        if (value == null || "ALL".equals(value)) {
            return "ALL";
        }
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > Region.values().length) {
            throw invalid("regions", "regions must be \"ALL\" or a list of region names");
        }
        List<String> names = new ArrayList<>();
        for (Object o : array) {
            try {
                names.add(Region.parse(String.valueOf(o), "regions").name());
            } catch (RuntimeException e) {
                throw invalid("regions", "regions: unknown region " + o);
            }
        }
        return String.join("|", names);
    }

    private static String number(JsonObject body, String field) {
        Object value = body.getValue(field);
        return value == null ? null : DeskFormFields.positive(body, field, null).toPlainString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static ApiException invalid(String field, String detail) {
        return engine(ApiError.INVALID_VALUE, field, detail);
    }

    /**
     * The tariff engine's refusal: its English words in English, the code's catalogue words with
     * the field in Uzbek and Russian (the engine, a domain core, has no catalogue).
     */
    static ApiException engine(ApiError error, String field, String englishDetail) {
        return ApiException.because(error, field, "engine", field == null ? "" : field, englishDetail);
    }

    /** The version as JSON, in the same fields. */
    static JsonObject json(TariffVersion v) {
        JsonArray regions = new JsonArray();
        v.regions().forEach(r -> regions.add(r.name()));
        return new JsonObject().put("id", v.id()).put("utility", v.utility().name()).put("basis", v.basis().name())
                .put("meter", v.meter().name()).put("regions", v.regions().isEmpty() ? "ALL" : regions)
                .put("class", v.householdClass().name()).put("validFrom", v.validFrom().toString())
                .put("validTo", v.validTo() == null ? null : v.validTo().toString())
                .put("blocks", TariffBookCsv.formatBlocks(v.blocks()))
                .put("season", v.season() == null ? null : v.season().format())
                .put("unmeteredCoefficient", v.unmeteredCoefficient().toPlainString())
                .put("statePaysAboveNorm", v.statePaysAboveNorm() == null ? null
                        : v.statePaysAboveNorm().toPlainString());
    }
}
