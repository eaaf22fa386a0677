package uz.ekommunal.billing.registry;

import java.util.List;

/**
 * The columns of a registry CSV, in this order, after a header line naming them (UTF-8; blank lines
 * and lines starting with '#' are skipped; one record per line). The export writes the same layout,
 * so an exported file imports back without changes. The README's "Importing the customer registry"
 * describes each column.
 */
public final class RegistryLayout {

    public static final List<String> COLUMNS = List.of("account_number", "utility", "provider_code", "holder",
            "address", "services", "residents", "heated_area", "needy_family", "electric_stove", "heating_type",
            "valid_from", "meters");

    public static final String HEADER = String.join(",", COLUMNS);

    static final int NUMBER = 0;
    static final int UTILITY = 1;
    static final int PROVIDER = 2;
    static final int HOLDER = 3;
    static final int ADDRESS = 4;
    static final int SERVICES = 5;
    static final int RESIDENTS = 6;
    static final int HEATED_AREA = 7;
    static final int NEEDY = 8;
    static final int STOVE = 9;
    static final int HEATING = 10;
    static final int VALID_FROM = 11;
    static final int METERS = 12;

    private RegistryLayout() {
    }
}
