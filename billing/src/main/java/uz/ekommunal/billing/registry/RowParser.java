package uz.ekommunal.billing.registry;

import static uz.ekommunal.billing.registry.RegistryLayout.COLUMNS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import uz.ekommunal.billing.account.HeatingType;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ServedArea;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.Household;

/** Checks one line on its own (no database): every fault found is reported, not only the first. */
final class RowParser {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern REGISTER = Pattern.compile("[0-9A-Za-z.:*-]{1,32}");
    private static final BigDecimal MAX_AREA = new BigDecimal("99999999.99");
    private static final int MAX_TEXT = 500;
    private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    private final Map<String, Provider> providers;
    private final Map<Long, List<ServedArea>> areas;
    private final LocalDate latest;
    private List<String> columns = COLUMNS;

    /**
     * @param areas each provider's areas, home first
     * @param latest the last valid-from day accepted (a year after today)
     */
    RowParser(Map<String, Provider> providersByCode, Map<Long, List<ServedArea>> areas, LocalDate latest) {
        this.providers = providersByCode;
        this.areas = areas;
        this.latest = latest;
    }

    /** The file's header names the household's region and district too. */
    void withArea() {
        columns = RegistryLayout.COLUMNS_WITH_AREA;
    }

    /** @return the row, or null when {@code problems} got at least one entry */
    StagedRow parse(long line, String text, List<ImportProblem> problems) {
        List<String> f;
        try {
            f = CsvLine.split(text);
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(line, null, RegistryFault.BROKEN_QUOTING, e.getMessage()));
            return null;
        }
        if (f.size() != columns.size()) {
            problems.add(new ImportProblem(line, null, RegistryFault.WRONG_FIELD_COUNT,
                    f.size() + " fields, the layout has " + columns.size()));
            return null;
        }
        return new Checks(line, f, problems).row();
    }

    /** The checks of one row, collecting problems. */
    private final class Checks {
        final long line;
        final List<String> f;
        final List<ImportProblem> problems;
        final int before;

        Checks(long line, List<String> f, List<ImportProblem> problems) {
            this.line = line;
            this.f = f;
            this.problems = problems;
            this.before = problems.size();
        }

        StagedRow row() {
            Provider provider = provider();
            String number = required(RegistryLayout.NUMBER);
            if (provider != null && number != null && !provider.acceptsNumber(number)) {
                fault(RegistryLayout.NUMBER, RegistryFault.BAD_ACCOUNT_NUMBER, "'" + number
                        + "' is not a " + name(provider.kind()) + " account number" + lengthHint(provider));
            }
            String holder = text(RegistryLayout.HOLDER, true);
            String address = text(RegistryLayout.ADDRESS, true);
            List<Utility> services = services(provider);
            Integer residents = residents();
            BigDecimal area = area();
            boolean needy = flag(RegistryLayout.NEEDY);
            boolean stove = flag(RegistryLayout.STOVE);
            HeatingType heating = heating();
            LocalDate validFrom = date();
            List<StagedRow.MeterRef> meters = meters();
            ServedArea home = provider == null ? null : household(provider);
            if (problems.size() > before) {
                return null;
            }
            return new StagedRow(line, provider.id(), number, holder, address, services, residents, area, needy,
                    stove, heating, validFrom, meters, home.region(), home.district());
        }

        /** The household's region and district: as the row says, within the provider's areas, or its one area. */
        private ServedArea household(Provider provider) {
            List<ServedArea> served = areas.getOrDefault(provider.id(),
                    List.of(new ServedArea(provider.region(), provider.district())));
            String regionName = f.size() > RegistryLayout.REGION ? f.get(RegistryLayout.REGION) : "";
            String district = f.size() > RegistryLayout.DISTRICT ? f.get(RegistryLayout.DISTRICT) : "";
            if (regionName.isEmpty()) {
                if (served.size() > 1) {
                    fault(RegistryLayout.REGION, RegistryFault.MISSING_VALUE, "provider " + provider.code()
                            + " serves several areas: say the household's region and district");
                    return null;
                }
                ServedArea only = served.get(0);
                return district.isEmpty() ? only : within(provider, served, only.region(), district);
            }
            Region region;
            try {
                region = Region.valueOf(regionName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fault(RegistryLayout.REGION, RegistryFault.UNKNOWN_REGION, "no region '" + regionName + "'");
                return null;
            }
            return within(provider, served, region, district);
        }

        private ServedArea within(Provider provider, List<ServedArea> served, Region region, String district) {
            if (district.isEmpty()) {
                List<ServedArea> inRegion = served.stream().filter(a -> a.region() == region).toList();
                if (inRegion.size() == 1) {
                    return inRegion.get(0);
                }
                if (inRegion.size() > 1) {
                    fault(RegistryLayout.DISTRICT, RegistryFault.MISSING_VALUE, "provider " + provider.code()
                            + " serves several districts of " + name(region) + ": say the household's");
                    return null;
                }
            } else {
                for (ServedArea a : served) {
                    if (a.covers(region, district)) {
                        return a.district() == null ? new ServedArea(region, district) : a;
                    }
                }
            }
            fault(district.isEmpty() ? RegistryLayout.REGION : RegistryLayout.DISTRICT,
                    RegistryFault.OUTSIDE_PROVIDER_AREA, "provider " + provider.code() + " does not serve "
                            + name(region) + (district.isEmpty() ? "" : ", " + district));
            return null;
        }

        private Provider provider() {
            String code = required(RegistryLayout.PROVIDER);
            if (code == null) {
                return null;
            }
            Provider provider = providers.get(code);
            if (provider == null) {
                fault(RegistryLayout.PROVIDER, RegistryFault.UNKNOWN_PROVIDER, "no provider with code '" + code + "'");
                return null;
            }
            String utility = required(RegistryLayout.UTILITY);
            if (utility != null && !utility.equalsIgnoreCase(provider.kind().name())) {
                fault(RegistryLayout.UTILITY, RegistryFault.WRONG_UTILITY, "provider " + code + " keeps "
                        + name(provider.kind()) + " accounts, not '" + utility + "'");
            }
            return provider;
        }

        private String lengthHint(Provider provider) {
            int digits = provider.kind().digits();
            return digits == 0 ? " (pattern " + provider.accountPattern() + ")" : " (" + digits + " digits)";
        }

        private List<Utility> services(Provider provider) {
            String value = f.get(RegistryLayout.SERVICES);
            if (provider == null) {
                return List.of();
            }
            if (value.isEmpty()) {
                return provider.kind().utilities();
            }
            Set<Utility> services = EnumSet.noneOf(Utility.class);
            for (String s : value.split(";")) {
                try {
                    Utility u = Utility.valueOf(s.strip().toUpperCase(Locale.ROOT));
                    if (!provider.kind().utilities().contains(u)) {
                        fault(RegistryLayout.SERVICES, RegistryFault.BAD_SERVICE, "a " + name(provider.kind())
                                + " provider does not bill " + s.strip());
                    }
                    services.add(u);
                } catch (IllegalArgumentException e) {
                    fault(RegistryLayout.SERVICES, RegistryFault.BAD_SERVICE, "no utility '" + s.strip() + "'");
                }
            }
            return List.copyOf(services);
        }

        private Integer residents() {
            String value = required(RegistryLayout.RESIDENTS);
            if (value == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(value);
                if (n < 0 || n > Household.MAX_RESIDENTS) {
                    fault(RegistryLayout.RESIDENTS, RegistryFault.BAD_NUMBER,
                            "residents must be 0.." + Household.MAX_RESIDENTS + ", not " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                fault(RegistryLayout.RESIDENTS, RegistryFault.BAD_NUMBER, "'" + value + "' is not a whole number");
                return null;
            }
        }

        private BigDecimal area() {
            String value = f.get(RegistryLayout.HEATED_AREA);
            if (value.isEmpty()) {
                return BigDecimal.ZERO;
            }
            try {
                BigDecimal area = new BigDecimal(value);
                if (area.signum() < 0 || area.compareTo(MAX_AREA) > 0 || area.scale() > 2) {
                    fault(RegistryLayout.HEATED_AREA, RegistryFault.BAD_NUMBER,
                            "heated area must be 0..99999999.99 m2 to the hundredth, not " + value);
                }
                return area;
            } catch (NumberFormatException e) {
                fault(RegistryLayout.HEATED_AREA, RegistryFault.BAD_NUMBER, "'" + value + "' is not a number (m2, 45.5)");
                return null;
            }
        }

        private boolean flag(int column) {
            String value = f.get(column).toLowerCase(Locale.ROOT);
            return switch (value) {
                case "", "no", "false", "0" -> false;
                case "yes", "true", "1" -> true;
                default -> {
                    fault(column, RegistryFault.BAD_FLAG, "'" + f.get(column) + "' is not yes or no");
                    yield false;
                }
            };
        }

        private HeatingType heating() {
            String value = f.get(RegistryLayout.HEATING);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return HeatingType.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fault(RegistryLayout.HEATING, RegistryFault.BAD_HEATING_TYPE,
                        "'" + value + "' is not central, gas_boiler, electric, solid_fuel or none");
                return null;
            }
        }

        private LocalDate date() {
            String value = required(RegistryLayout.VALID_FROM);
            if (value == null) {
                return null;
            }
            try {
                LocalDate day = LocalDate.parse(value, ISO_DATE);
                if (day.isBefore(EARLIEST) || day.isAfter(latest)) {
                    fault(RegistryLayout.VALID_FROM, RegistryFault.BAD_DATE,
                            value + " is outside " + EARLIEST + ".." + latest);
                }
                return day;
            } catch (DateTimeParseException e) {
                fault(RegistryLayout.VALID_FROM, RegistryFault.BAD_DATE,
                        "'" + value + "' is not a date (YYYY-MM-DD, a day that exists)");
                return null;
            }
        }

        private List<StagedRow.MeterRef> meters() {
            String value = f.get(RegistryLayout.METERS);
            List<StagedRow.MeterRef> refs = new ArrayList<>();
            if (value.isEmpty()) {
                return refs;
            }
            for (String entry : value.split(";")) {
                String[] parts = entry.strip().split("@", -1);
                String register = parts.length > 1 ? parts[1] : null;
                if (parts.length > 2 || !SERIAL.matcher(parts[0]).matches()
                        || (register != null && !REGISTER.matcher(register).matches())) {
                    fault(RegistryLayout.METERS, RegistryFault.BAD_METER,
                            "'" + entry.strip() + "' is not SERIAL or SERIAL@REGISTER");
                } else if (namedBefore(refs, parts[0], register)) {
                    // a meter's main register named twice (alone, or alone and by name) links it twice
                    fault(RegistryLayout.METERS, RegistryFault.BAD_METER, "meter " + parts[0]
                            + " is named twice in the row (name each of its registers once, or the meter once)");
                } else {
                    refs.add(new StagedRow.MeterRef(parts[0], register));
                }
            }
            return refs;
        }

        private static boolean namedBefore(List<StagedRow.MeterRef> refs, String serial, String register) {
            for (StagedRow.MeterRef r : refs) {
                if (r.serial().equals(serial)
                        && (r.register() == null || register == null || r.register().equals(register))) {
                    return true;
                }
            }
            return false;
        }

        private String text(int column, boolean required) {
            String value = required ? required(column) : f.get(column);
            if (value != null && value.length() > MAX_TEXT) {
                fault(column, RegistryFault.TOO_LONG, "longer than " + MAX_TEXT + " characters");
            }
            return value;
        }

        private String required(int column) {
            String value = f.get(column);
            if (value.isEmpty()) {
                fault(column, RegistryFault.MISSING_VALUE, COLUMNS.get(column) + " is required");
                return null;
            }
            return value;
        }

        private void fault(int column, RegistryFault code, String reason) {
            problems.add(new ImportProblem(line, RegistryLayout.COLUMNS_WITH_AREA.get(column), code, reason));
        }
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
