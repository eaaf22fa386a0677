package uz.ekommunal.app;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.gateway.Gateway;
import uz.ekommunal.simulator.Simulation;
import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.fleet.DemoCity;
import uz.ekommunal.simulator.fleet.SeedFile;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.RegisterSpec;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.tariff.Region;

/**
 * A small simulated neighbourhood for the all-in-one run, so a new user sees live data at once:
 * households with personal accounts at four providers, and their meters reporting in real time
 * over MQTT, CoAP and Modbus to this very gateway. The same seed gives the same city on every
 * start; accounts and meters already there are kept.
 */
final class DemoNeighbourhood implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNeighbourhood.class);
    private static final long SEED = 2026;

    private final Simulation simulation;

    private DemoNeighbourhood(Simulation simulation) {
        this.simulation = simulation;
    }

    static DemoNeighbourhood start(int households, Gateway gateway, Accounts accounts, Path dataDir,
            Duration modbusInterval) throws Exception {
        DemoCity city = DemoCity.build(SEED, households, "");
        Files.createDirectories(dataDir);
        // Register the meters before they start talking, so no first reading is quarantined.
        Path planned = dataDir.resolve("demo-meters-planned.csv");
        SeedFile.write(planned, city.meters(), Map.of());
        MeterSeeding.apply(planned.toString(), gateway.meters(), gateway.modbusEndpoints(), modbusInterval);
        openAccounts(city, accounts);

        Path live = dataDir.resolve("demo-meters.csv");
        SimulationConfig config = city.configure()
                .mqttUrl("tcp://127.0.0.1:" + gateway.mqttPort())
                .coapUrl("coap://127.0.0.1:" + gateway.coapPort() + "/readings")
                .modbusPort(0)
                .metersFile(live)
                .progress(null)
                .build();
        Simulation simulation = Simulation.start(config);
        // Now the Modbus slaves have their ports: register where to poll them.
        MeterSeeding.apply(live.toString(), gateway.meters(), gateway.modbusEndpoints(), modbusInterval);
        LOG.info("Demo neighbourhood: {} households, {} meters reporting every 15 minutes (EKOMMUNAL_DEMO_CITY=0 turns it off)",
                households, city.meters().size());
        return new DemoNeighbourhood(simulation);
    }

    /** The providers and every household's accounts, linked to its meters. */
    private static void openAccounts(DemoCity city, Accounts accounts) throws SQLException {
        Map<AccountKind, Provider> providers = providers(accounts);
        Map<String, List<MeterSpec>> metersByAccount = new java.util.HashMap<>();
        for (MeterSpec meter : city.meters()) {
            metersByAccount.computeIfAbsent(meter.accountNumber(), a -> new java.util.ArrayList<>()).add(meter);
        }
        LocalDate opened = LocalDate.of(2025, 1, 1);
        for (DemoCity.Household household : city.households()) {
            Map<String, AccountKind> kinds = new java.util.LinkedHashMap<>();
            household.accounts().forEach((utility, number) -> kinds.put(number, kindOf(utility)));
            for (Map.Entry<String, AccountKind> account : kinds.entrySet()) {
                String number = account.getKey();
                if (accounts.findByNumber(account.getValue(), number).isPresent()) {
                    continue;
                }
                long id = accounts.openAccount(providers.get(account.getValue()).id(), number,
                        "Household " + household.number(), household.address(), opened, Set.of()).id();
                for (MeterSpec meter : metersByAccount.getOrDefault(number, List.of())) {
                    for (RegisterSpec register : meter.registers()) {
                        accounts.linkMeter(id, meter.serial(), register.obis());
                    }
                }
                accounts.recordFacts(id, new HouseholdFacts(opened, 1 + household.number() % 5,
                        household.flat() ? new BigDecimal(45 + household.number() % 40) : BigDecimal.ZERO,
                        Region.TASHKENT_CITY, "Yunusobod", false, false));
            }
        }
    }

    private static Map<AccountKind, Provider> providers(Accounts accounts) throws SQLException {
        Map<AccountKind, Provider> providers = new EnumMap<>(AccountKind.class);
        providers.put(AccountKind.ELECTRICITY, provider(accounts, "DEMO-RES", AccountKind.ELECTRICITY,
                "Yunusobod tuman elektr tarmoqlari (RES)", "201234567"));
        providers.put(AccountKind.GAS, provider(accounts, "DEMO-GAS", AccountKind.GAS,
                "Yunusobod tuman gaz ta'minoti (RAYGAZ)", "202345678"));
        providers.put(AccountKind.COLD_WATER, provider(accounts, "DEMO-WATER", AccountKind.COLD_WATER,
                "Toshkent shahar suv ta'minoti (Suvsoz)", "203456789"));
        providers.put(AccountKind.HOT_WATER_HEATING, provider(accounts, "DEMO-HEAT", AccountKind.HOT_WATER_HEATING,
                "Toshkent issiqlik markazi (Teplosbyt)", "204567890"));
        return providers;
    }

    private static Provider provider(Accounts accounts, String code, AccountKind kind, String name, String inn)
            throws SQLException {
        var existing = accounts.providerByCode(code);
        if (existing.isPresent()) {
            return existing.get();
        }
        return accounts.createProvider(new NewProvider(code, kind, null, Region.TASHKENT_CITY, "Yunusobod",
                new ProviderRequisites(name, "A. Karimov", "+998 71 200 00 00", "Toshkent, Yunusobod tumani", inn,
                        "00873", "90210", "20210000900100001001")));
    }

    private static AccountKind kindOf(Utility utility) {
        return switch (utility) {
            case ELECTRICITY -> AccountKind.ELECTRICITY;
            case GAS -> AccountKind.GAS;
            case COLD_WATER -> AccountKind.COLD_WATER;
            case HOT_WATER, HEAT -> AccountKind.HOT_WATER_HEATING;
        };
    }

    @Override
    public void close() {
        simulation.close();
    }
}
