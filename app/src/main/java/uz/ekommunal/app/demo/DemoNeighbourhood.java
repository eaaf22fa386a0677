package uz.ekommunal.app.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.app.MeterSeeding;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.run.RunProgress;
import uz.ekommunal.billing.tariffs.TariffBookStore;
import uz.ekommunal.gateway.Gateway;
import uz.ekommunal.simulator.Simulation;
import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.fleet.DemoCity;
import uz.ekommunal.simulator.fleet.SeedFile;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.simulator.transport.MqttLogin;
import uz.ekommunal.gateway.auth.HeadEnd;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * A small simulated neighbourhood for the all-in-one run, so a new user sees live data at once:
 * households with personal accounts at six providers, and their meters reporting in real time
 * over MQTT, CoAP and Modbus to this very gateway, with a history from the day before the month
 * due for billing ({@link DemoHistory}), which is then billed. The same seed gives the same city
 * on every start; accounts, meters and readings already there are kept.
 */
public final class DemoNeighbourhood implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNeighbourhood.class);
    private static final long SEED = 2026;

    /** The special households' meters report as often as the city's, live. */
    private static final Duration LIVE = Duration.ofMinutes(15);

    private final Simulation simulation;
    private final Thread history;
    private final ScheduledExecutorService live;

    private DemoNeighbourhood(Simulation simulation, Thread history, ScheduledExecutorService live) {
        this.simulation = simulation;
        this.history = history;
        this.live = live;
    }

    private static Instant quarterHour(Clock clock) {
        long now = clock.instant().getEpochSecond();
        return Instant.ofEpochSecond(now - Math.floorMod(now, LIVE.toSeconds()));
    }

    /**
     * Opens the accounts and starts the meters; in the background the history is sent, the Modbus
     * meters are registered for polling, the month due is billed and {@code startBilling} runs (the
     * billing node waits for the history, so no run of the month opens on half its readings).
     *
     * @param signInUrl the households' page, for the hint in the log once the history is billed
     * @param linkCodeOf the link code printed on an account's receipts, by account number, for the same hint
     */
    public static DemoNeighbourhood start(int households, Gateway gateway, HeadEnd headEnd, Billing billing,
            DataSource dataSource, Path dataDir, Duration modbusInterval, Clock clock, Runnable startBilling,
            Supplier<String> signInUrl, java.util.function.UnaryOperator<String> linkCodeOf)
            throws Exception {
        DemoCity city = DemoCity.build(SEED, households, "");
        Files.createDirectories(dataDir);
        registerBeforeTheyTalk(city, gateway, dataDir, modbusInterval);
        BillingPeriod due = billing.engine().duePeriod();
        DemoHistory.Plan plan = DemoHistory.plan(dataSource, city.meters(), due);
        DemoCases cases = registry(city, gateway, billing, dataSource, dataDir, clock, plan, due);
        // the meters have been in service since their history begins
        gateway.meters().installedSince(city.meters().stream().map(MeterSpec::serial).toList(), plan.start());
        DemoHistory.LoadProfiles loadProfiles = new DemoHistory.LoadProfiles(gateway.ingest(), clock);
        Path live = dataDir.resolve("demo-meters.csv");
        SimulationConfig config = simulationConfig(city, plan, loadProfiles, gateway, headEnd, live, clock);
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
        ScheduledExecutorService liveCases = liveScheduler();
        Thread history = new Thread(() -> {
            try {
                simulation.historySent().get();
                loadProfiles.awaitStored();
                cases.sendHistory(dataSource, gateway.ingest(), gateway.meters(), clock);
                LOG.info("Demo neighbourhood: history sent ... done: {} readings in {} s",
                        simulation.counters().readingsAcked.sum() + loadProfiles.readings(),
                        (System.nanoTime() - begun) / 1_000_000_000);
                // Now the Modbus slaves show the present: register where to poll them.
                MeterSeeding.apply(live.toString(), gateway.meters(), gateway.credentials(),
                        gateway.modbusEndpoints(), modbusInterval, true);
                billDueMonth(billing, startBilling);
                liveCases.scheduleAtFixedRate(() -> cases.sendLive(gateway.ingest(), quarterHour(clock), clock.instant()),
                        LIVE.toSeconds() - Math.floorMod(clock.instant().getEpochSecond(), LIVE.toSeconds()),
                        LIVE.toSeconds(), TimeUnit.SECONDS);
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
        return new DemoNeighbourhood(simulation, history, liveCases);
    }

    /** Registers the meters before they start talking, so no first reading is quarantined. */
    private static void registerBeforeTheyTalk(DemoCity city, Gateway gateway, Path dataDir, Duration modbusInterval)
            throws Exception {
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
    }

    private static ScheduledExecutorService liveScheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-households-live");
            t.setDaemon(true);
            return t;
        });
    }

    private static SimulationConfig simulationConfig(DemoCity city, DemoHistory.Plan plan,
            DemoHistory.LoadProfiles loadProfiles, Gateway gateway, HeadEnd headEnd, Path live, Clock clock) {
        return city.configure()
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
    }

    /**
     * The registry as a utility puts its own: the special households' meters registered, then the
     * providers and every account through the registry import; and the demo's tariff change.
     */
    private static DemoCases registry(DemoCity city, Gateway gateway, Billing billing, DataSource dataSource,
            Path dataDir, Clock clock, DemoHistory.Plan plan, BillingPeriod due) throws Exception {
        DemoCases cases = DemoCases.register(gateway.meters(), plan.start(), due);
        DemoRegistry.build(city, billing.accounts(), gateway.meters(), dataSource, dataDir, clock);
        LocalDate change = DemoCases.changeTariff(new TariffBookStore(dataSource, clock), due);
        if (change != null) {
            LOG.info("Demo neighbourhood: Tashkent-city cold water costs {} so'm/m3 from {} (a demo tariff change)",
                    DemoCases.CHANGED_PRICE, change);
        }
        return cases;
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

    @Override
    public void close() {
        history.interrupt();
        live.shutdownNow();
        simulation.close();
        try {
            // its step in flight (registering meters, a bill run) ends before the database closes
            history.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
