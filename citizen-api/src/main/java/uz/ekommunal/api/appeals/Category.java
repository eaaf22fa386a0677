package uz.ekommunal.api.appeals;

import java.util.Arrays;
import java.util.Optional;

/** What an appeal is about; also the Open311 service codes. All belong to the sphere "utility services". */
public enum Category {
    GAS("gas", "Natural gas", "No gas pressure, a gas leak, a gas meter"),
    ELECTRICITY("electricity", "Electricity", "Outages, voltage, an electricity meter"),
    COLD_WATER("cold_water", "Cold water and sewerage", "No water, a leaking pipe, sewerage"),
    HOT_WATER("hot_water", "Hot water", "No hot water, low temperature"),
    HEATING("heating", "Heating", "Cold radiators, heating season"),
    GARBAGE("garbage", "Garbage removal", "Missed collection, overflowing bins"),
    BILLING("billing", "Bills and payments", "A wrong bill, a payment not counted");

    public static final String SPHERE = "utility_services";

    private final String code;
    private final String title;
    private final String description;

    Category(String code, String title, String description) {
        this.code = code;
        this.title = title;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public static Optional<Category> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
