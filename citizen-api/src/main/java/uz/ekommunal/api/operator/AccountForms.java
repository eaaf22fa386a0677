package uz.ekommunal.api.operator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.account.HeatingType;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.ServedArea;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.Household;

/** The account desk's request bodies, read field by field with a clear 400 naming the field. */
final class AccountForms {

    private AccountForms() {
    }

    static LocalDate date(JsonObject body, String field) {
        String value = DeskFormFields.text(body, field, 10, true);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "date", field);
        }
    }

    static Set<Utility> services(JsonObject body) {
        Object value = body.getValue("services");
        Set<Utility> services = EnumSet.noneOf(Utility.class);
        if (value == null) {
            return services;
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiException.because(ApiError.INVALID_VALUE, "services", "servicesListUtilities");
        }
        for (Object item : array) {
            try {
                services.add(Utility.valueOf(String.valueOf(item).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.because(ApiError.UNKNOWN_VALUE, "services", "noUtility", item);
            }
        }
        return services;
    }

    /** Facts with the household's region and district ({@link #area}). */
    static HouseholdFacts facts(JsonObject body, List<ServedArea> served, ServedArea current) {
        LocalDate validFrom = date(body, "validFrom");
        int residents = DeskFormFields.integer(body, "residents", 0, 0, Household.MAX_RESIDENTS, true);
        BigDecimal area = BigDecimal.ZERO;
        if (body.getValue("heatedArea") != null) {
            try {
                area = new BigDecimal(body.getValue("heatedArea").toString());
            } catch (NumberFormatException e) {
                area = BigDecimal.valueOf(-1);
            }
            if (area.signum() < 0 || area.scale() > 2 || area.compareTo(new BigDecimal("99999999.99")) > 0) {
                throw ApiException.because(ApiError.INVALID_VALUE, "heatedArea", "heatedareaMHundredth");
            }
        }
        ServedArea household = area(body, served, current);
        return new HouseholdFacts(validFrom, residents, area, household.region(), household.district(),
                flag(body, "needyFamily"), flag(body, "electricStove"));
    }

    /**
     * The household's region and district: as the body says, within the provider's areas; when not
     * said, the household's current ones, or the provider's one area.
     */
    static ServedArea area(JsonObject body, List<ServedArea> served, ServedArea current) {
        String regionName = DeskFormFields.text(body, "region", 40, false);
        String district = DeskFormFields.text(body, "district", 100, false);
        if (regionName == null && district == null) {
            if (current != null) {
                return current;
            }
            if (served.size() == 1) {
                return served.get(0);
            }
            throw ApiException.because(ApiError.INVALID_VALUE, "region", "providerServesSeveralAreas");
        }
        Region region;
        if (regionName == null) {
            region = (current != null ? current : served.get(0)).region();
        } else {
            try {
                region = Region.valueOf(regionName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.because(ApiError.UNKNOWN_VALUE, "region", "noRegion", regionName);
            }
        }
        for (ServedArea a : served) {
            if (a.covers(region, district) || (district == null && a.region() == region && a.district() == null)) {
                return a.district() == null ? new ServedArea(region, district) : a;
            }
        }
        throw ApiException.because(ApiError.INVALID_VALUE, district == null ? "region" : "district",
                "providerDoesNotServe", region + (district == null ? "" : ", " + district));
    }

    static HeatingType heating(JsonObject body) {
        String value = DeskFormFields.text(body, "heatingType", 20, false);
        if (value == null) {
            return null;
        }
        try {
            return HeatingType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.because(ApiError.UNKNOWN_VALUE, "heatingType", "heatingtypeCentralGasBoiler");
        }
    }

    static JsonObject factsJson(HouseholdFacts f, HeatingType heating) {
        return new JsonObject().put("validFrom", f.validFrom().toString()).put("residents", f.residents())
                .put("heatedArea", f.heatedArea().toPlainString()).put("needyFamily", f.needyFamily())
                .put("electricStove", f.electricStove())
                .put("heatingType", heating == null ? null : heating.name().toLowerCase(Locale.ROOT))
                .put("region", f.region().name()).put("district", f.district());
    }

    private static boolean flag(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw ApiException.because(ApiError.INVALID_VALUE, field, "trueFalse", field);
    }
}
