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

    /**
     * The same columns and then the household's region and district, for a provider serving several
     * areas (the export writes this layout). In the shorter layout, or with region left empty, a
     * household is in its provider's one area; a provider with several needs the region said.
     */
    public static final List<String> COLUMNS_WITH_AREA = java.util.stream.Stream.concat(COLUMNS.stream(),
            java.util.stream.Stream.of("region", "district")).toList();

    public static final String HEADER_WITH_AREA = String.join(",", COLUMNS_WITH_AREA);

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
    static final int REGION = 13;
    static final int DISTRICT = 14;

    private RegistryLayout() {
    }
}
