package uz.ekommunal.app;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.run.RunProgress;
import uz.ekommunal.gateway.Gateway;
import uz.ekommunal.simulator.Simulation;
import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.fleet.DemoCity;
import uz.ekommunal.simulator.fleet.SeedFile;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.RegisterSpec;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.simulator.transport.MqttLogin;
import uz.ekommunal.gateway.auth.HeadEnd;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * A small simulated neighbourhood for the all-in-one run, so a new user sees live data at once:
 * households with personal accounts at four providers, and their meters reporting in real time
 * over MQTT, CoAP and Modbus to this very gateway, with a history from the day before the month
 * due for billing ({@link DemoHistory}), which is then billed. The same seed gives the same city
 * on every start; accounts, meters and readings already there are kept.
 */
final class DemoNeighbourhood implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNeighbourhood.class);
    private static final long SEED = 2026;

    private final Simulation simulation;
    private final Thread history;

    private DemoNeighbourhood(Simulation simulation, Thread history) {
        this.simulation = simulation;
        this.history = history;
    }

    /**
     * Opens the accounts and starts the meters; in the background the history is sent, the Modbus
     * meters are registered for polling, the month due is billed and {@code startBilling} runs (the
     * billing node waits for the history, so no run of the month opens on half its readings).
     *
     * @param signInUrl the households' page, for the hint in the log once the history is billed
     * @param linkCodeOf the link code printed on an account's receipts, by account number, for the same hint
     */
    static DemoNeighbourhood start(int households, Gateway gateway, HeadEnd headEnd, Billing billing,
            DataSource dataSource, Path dataDir, Duration modbusInterval, Clock clock, Runnable startBilling,
            Supplier<String> signInUrl, java.util.function.UnaryOperator<String> linkCodeOf)
            throws Exception {
        DemoCity city = DemoCity.build(SEED, households, "");
        Files.createDirectories(dataDir);
        // Register the meters before they start talking, so no first reading is quarantined.
        Path planned = dataDir.resolve("demo-meters-planned.csv");
        SeedFile.write(planned, city.meters(), Map.of());
        MeterSeeding.apply(planned.toString(), gateway.meters(), gateway.credentials(), gateway.modbusEndpoints(),
                modbusInterval, true);
        // Polling starts once the history is in: until then a slave shows no value, or a stale one.
        for (MeterSpec meter : city.meters()) {
            if (meter.protocol() == Protocol.MODBUS) {
                gateway.modbusEndpoints().remove(meter.serial());
            }
        }
        openAccounts(city, billing.accounts());

        BillingPeriod due = billing.engine().duePeriod();
        DemoHistory.Plan plan = DemoHistory.plan(dataSource, city.meters(), due);
        // the meters have been in service since their history begins
        gateway.meters().installedSince(city.meters().stream().map(MeterSpec::serial).toList(), plan.start());
        DemoHistory.LoadProfiles loadProfiles = new DemoHistory.LoadProfiles(gateway.ingest(), clock);
        Path live = dataDir.resolve("demo-meters.csv");
        SimulationConfig config = city.configure()
                .start(plan.start())
                .historyInterval(DemoHistory.INTERVAL)
                .alreadySent(plan.alreadySent())
                .polledHistory(loadProfiles)
                .clock(clock)
                .mqttUrl("tcp://127.0.0.1:" + gateway.mqttPort())
                // the meters share connections as behind a data concentrator: the head-end user signs in
                .mqttLogin(MqttLogin.headEnd(headEnd.user(), headEnd.secret()))
                // the demo's CoAP meters are registered keyless, so plain CoAP takes them
                .coapUrl("coap://127.0.0.1:" + gateway.coapPort() + "/readings")
                .modbusPort(0)
                .metersFile(live)
                .progress(null)
                .build();
        if (plan.fresh()) {
            LOG.info("Demo neighbourhood: sending the history since {} (a reading every {} hours) ...",
                    BillingTime.dayOf(plan.start()), DemoHistory.INTERVAL.toHours());
        } else {
            LOG.info("Demo neighbourhood: sending what the meters measured since the last start ...");
        }
        long begun = System.nanoTime();
        Simulation simulation = Simulation.start(config);
        LOG.info("Demo neighbourhood: {} households, {} meters reporting every 15 minutes (EKOMMUNAL_DEMO_CITY=0 turns it off)",
                households, city.meters().size());
        Thread history = new Thread(() -> {
            try {
                simulation.historySent().get();
                loadProfiles.awaitStored();
                LOG.info("Demo neighbourhood: history sent ... done: {} readings in {} s",
                        simulation.counters().readingsAcked.sum() + loadProfiles.readings(),
                        (System.nanoTime() - begun) / 1_000_000_000);
                // Now the Modbus slaves show the present: register where to poll them.
                MeterSeeding.apply(live.toString(), gateway.meters(), gateway.credentials(),
                        gateway.modbusEndpoints(), modbusInterval, true);
                billDueMonth(billing, startBilling);
                String electricity = city.households().get(0).accounts().get(Utility.ELECTRICITY);
                LOG.info("Sign in at {} with any phone (the code appears in this log) and link account {} "
                        + "(electricity) with the link code {} (printed on its receipts)", signInUrl.get(), electricity,
                        linkCodeOf.apply(electricity));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (!Thread.currentThread().isInterrupted()) {
                    LOG.warn("Demo neighbourhood: the history was not completed: {}", e.toString());
                }
                startBilling.run();
            }
        }, "demo-history");
        history.setDaemon(true);
        history.start();
        return new DemoNeighbourhood(simulation, history);
    }

    /** Opens the runs of the month due (as the hourly job would), starts billing and waits for the invoices. */
    private static void billDueMonth(Billing billing, Runnable startBilling) throws Exception {
        BillingPeriod due = billing.engine().duePeriod();
        List<Long> runs = billing.engine().openDueRuns();
        startBilling.run();
        LOG.info("Bill run for {} ... ({} providers)", YearMonth.from(due.start()), runs.size());
        long invoices = 0;
        for (long run : runs) {
            RunProgress progress = billing.engine().runs().progress(run);
            while (!progress.finished()) {
                Thread.sleep(500); // polling the run's progress, as the operators' page does
                progress = billing.engine().runs().progress(run);
            }
            invoices += progress.invoices();
        }
        LOG.info("Bill run for {} ... done: {} invoices", YearMonth.from(due.start()), invoices);
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
        history.interrupt();
        simulation.close();
        try {
            // its step in flight (registering meters, a bill run) ends before the database closes
            history.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
