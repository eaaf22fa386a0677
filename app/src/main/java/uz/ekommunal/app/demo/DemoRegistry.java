package uz.ekommunal.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.registry.ImportProblem;
import uz.ekommunal.billing.registry.ImportReport;
import uz.ekommunal.billing.registry.RegistryImport;
import uz.ekommunal.billing.registry.RegistryLayout;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.simulator.fleet.DemoCity;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.RegisterSpec;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.tariff.Region;

/**
 * The demo's customer registry, put in the way a utility puts its own: an administrator creates the
 * providers, then one registry CSV (the import's layout) goes through {@link RegistryImport}: the
 * generated city's accounts, and the special households shipped as {@value #SHIPPED}. Running it
 * again on a later start changes nothing.
 */
final class DemoRegistry {

    static final String SHIPPED = "/seed/demo-accounts.csv";
    static final String GARBAGE_PATTERN = "YG\\d{6}";
    private static final Logger LOG = LoggerFactory.getLogger(DemoRegistry.class);
    private static final String OPENED = "2025-01-01";

    private DemoRegistry() {
    }

    /** A provider as an administrator registers it. */
    private record DemoProvider(String code, AccountKind kind, String pattern, Region region, String district,
            String name, String inn) {
    }

    private static final List<DemoProvider> PROVIDERS = List.of(
            new DemoProvider("DEMO-RES", AccountKind.ELECTRICITY, null, Region.TASHKENT_CITY, "Yunusobod",
                    "Yunusobod tuman elektr tarmoqlari (RES)", "201234567"),
            new DemoProvider("DEMO-GAS", AccountKind.GAS, null, Region.TASHKENT_CITY, "Yunusobod",
                    "Yunusobod tuman gaz ta'minoti (RAYGAZ)", "202345678"),
            new DemoProvider("DEMO-WATER", AccountKind.COLD_WATER, null, Region.TASHKENT_CITY, "Yunusobod",
                    "Toshkent shahar suv ta'minoti (Suvsoz)", "203456789"),
            new DemoProvider("DEMO-HEAT", AccountKind.HOT_WATER_HEATING, null, Region.TASHKENT_CITY, "Yunusobod",
                    "Toshkent issiqlik markazi (Teplosbyt)", "204567890"),
            new DemoProvider("DEMO-GARBAGE", AccountKind.GARBAGE, GARBAGE_PATTERN, Region.TASHKENT_CITY, "Yunusobod",
                    "Yunusobod tuman obodonlashtirish boshqarmasi", "205678901"),
            new DemoProvider("DEMO-WATER-ZANGIOTA", AccountKind.COLD_WATER, null, Region.TASHKENT_REGION, "Zangiota",
                    "Toshkent viloyati suv ta'minoti, Zangiota tumani", "206789012"));

    /** The providers (those missing), then the registry file written to {@code dataDir} and imported. */
    static ImportReport build(DemoCity city, Accounts accounts, MeterRegistry meters, DataSource dataSource,
            Path dataDir, Clock clock) throws IOException, SQLException {
        createProviders(accounts);
        Path file = dataDir.resolve("demo-accounts.csv");
        Files.writeString(file, csv(city), StandardCharsets.UTF_8);
        ImportReport report;
        long begun = System.nanoTime();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = new RegistryImport(dataSource, accounts, meters, clock).run(reader, false,
                    RegistryImport.Progress.NONE, (c, r) -> { });
        }
        LOG.info("Demo neighbourhood: registry {} imported in {} ms: {}", file,
                (System.nanoTime() - begun) / 1_000_000, report.summary());
        for (ImportProblem p : report.problems()) {
            LOG.warn("Demo neighbourhood: {} line {}: {} {}", file.getFileName(), p.line(), p.code(), p.reason());
        }
        return report;
    }

    private static void createProviders(Accounts accounts) throws SQLException {
        for (DemoProvider p : PROVIDERS) {
            if (accounts.providerByCode(p.code()).isEmpty()) {
                accounts.createProvider(new NewProvider(p.code(), p.kind(), p.pattern(), p.region(), p.district(),
                        new ProviderRequisites(p.name(), "A. Karimov", "+998 71 200 00 00",
                                "Toshkent, " + p.district() + " tumani", p.inn(), "00873", "90210",
                                "20210000900100001001")));
            }
        }
    }

    /** The whole registry file: header, the city's generated rows, then the shipped special households. */
    static String csv(DemoCity city) throws IOException {
        StringBuilder out = new StringBuilder(RegistryLayout.HEADER).append('\n');
        out.append("# the generated city (DemoCity): every household's accounts, linked to its meters\n");
        Map<String, List<MeterSpec>> metersByAccount = city.meters().stream()
                .collect(Collectors.groupingBy(MeterSpec::accountNumber));
        for (DemoCity.Household h : city.households()) {
            String facts = (1 + h.number() % 5) + "," + (h.flat() ? 45 + h.number() % 40 : 0) + ",no,no,,"
                    + OPENED;
            Map<String, AccountKind> kinds = new java.util.LinkedHashMap<>();
            h.accounts().forEach((utility, number) -> kinds.put(number, kindOf(utility)));
            for (Map.Entry<String, AccountKind> a : kinds.entrySet()) {
                row(out, a.getKey(), a.getValue(), h, facts, refs(metersByAccount.getOrDefault(a.getKey(), List.of())));
            }
            row(out, garbageNumber(h.number()), AccountKind.GARBAGE, h, facts, "");
        }
        try (InputStream in = DemoRegistry.class.getResourceAsStream(SHIPPED)) {
            String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : shipped.split("\n", -1)) {
                if (!line.replace(" ", "").equalsIgnoreCase(RegistryLayout.HEADER) && !line.isEmpty()) {
                    out.append(line).append('\n');
                }
            }
        }
        return out.toString();
    }

    static String garbageNumber(int household) {
        return String.format("YG%06d", household);
    }

    private static void row(StringBuilder out, String number, AccountKind kind, DemoCity.Household h, String facts,
            String meters) {
        out.append(number).append(',').append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(',')
                .append(providerOf(kind)).append(",Household ").append(h.number()).append(',')
                .append(quoted(h.address())).append(",,").append(facts).append(',').append(meters).append('\n');
    }

    /** Every register of the account's meters, as SERIAL@OBIS. */
    private static String refs(List<MeterSpec> meters) {
        List<String> refs = new ArrayList<>();
        for (MeterSpec m : meters) {
            for (RegisterSpec r : m.registers()) {
                refs.add(m.serial() + "@" + r.obis());
            }
        }
        return String.join(";", refs);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String providerOf(AccountKind kind) {
        return switch (kind) {
            case ELECTRICITY -> "DEMO-RES";
            case GAS -> "DEMO-GAS";
            case COLD_WATER -> "DEMO-WATER";
            case HOT_WATER_HEATING -> "DEMO-HEAT";
            case GARBAGE -> "DEMO-GARBAGE";
            case SINGLE_BILLING -> throw new IllegalArgumentException("the demo has no single-billing provider");
        };
    }

    private static AccountKind kindOf(Utility utility) {
        return switch (utility) {
            case ELECTRICITY -> AccountKind.ELECTRICITY;
            case GAS -> AccountKind.GAS;
            case COLD_WATER -> AccountKind.COLD_WATER;
            case HOT_WATER, HEAT -> AccountKind.HOT_WATER_HEATING;
        };
    }
}
